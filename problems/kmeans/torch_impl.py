"""Lloyd's k-means with PyTorch ops, timed next to yours when torch is installed (never judged)."""
import numpy as np
import torch

torch.set_num_threads(1)


def _assign(x, c):
    d = (x * x).sum(1)[:, None] - 2.0 * x @ c.T + (c * c).sum(1)[None, :]
    return d.argmin(1)


def kmeans(x, init_centers, n_iters):
    x = torch.as_tensor(np.asarray(x, dtype=np.float64))
    c = torch.tensor(np.asarray(init_centers, dtype=np.float64))
    K = c.shape[0]
    for _ in range(n_iters):
        labels = _assign(x, c)
        sums = torch.zeros_like(c).index_add_(0, labels, x)
        counts = torch.bincount(labels, minlength=K).to(x.dtype)
        moved = counts > 0
        c[moved] = sums[moved] / counts[moved, None]
    return c.numpy(), _assign(x, c).numpy().astype(np.int64)
