import numpy as np


def kmeans(x, init_centers, n_iters):
    x = np.asarray(x, dtype=np.float64)
    centers = np.array(init_centers, dtype=np.float64)
    K = centers.shape[0]
    for _ in range(n_iters):
        labels = _assign(x, centers)
        one_hot = (labels[:, None] == np.arange(K)).astype(np.float64)
        counts = one_hot.sum(axis=0)
        # the mistake: an empty center gets 0 / max(count, 1) = the origin
        centers = (one_hot.T @ x) / np.maximum(counts, 1.0)[:, None]
    return centers, _assign(x, centers).astype(np.int64)
