import numpy as np


def _assign_last(x, centers):
    d = (x ** 2).sum(axis=1)[:, None] - 2.0 * x @ centers.T + (centers ** 2).sum(axis=1)[None, :]
    K = centers.shape[0]
    return K - 1 - d[:, ::-1].argmin(axis=1)   # the mistake: on a tie the HIGHEST index wins (like `<=` in a loop)


def kmeans(x, init_centers, n_iters):
    x = np.asarray(x, dtype=np.float64)
    centers = np.array(init_centers, dtype=np.float64)
    K = centers.shape[0]
    for _ in range(n_iters):
        labels = _assign_last(x, centers)
        one_hot = (labels[:, None] == np.arange(K)).astype(np.float64)
        counts = one_hot.sum(axis=0)
        moved = counts > 0
        centers[moved] = (one_hot.T @ x)[moved] / counts[moved, None]
    return centers, _assign_last(x, centers).astype(np.int64)
