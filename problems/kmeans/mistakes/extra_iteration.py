import numpy as np


def kmeans(x, init_centers, n_iters):
    x = np.asarray(x, dtype=np.float64)
    centers = np.array(init_centers, dtype=np.float64)
    K = centers.shape[0]
    for _ in range(n_iters + 1):          # the mistake: one Lloyd iteration too many (a `<=` loop bound)
        labels = _assign(x, centers)
        one_hot = (labels[:, None] == np.arange(K)).astype(np.float64)
        counts = one_hot.sum(axis=0)
        moved = counts > 0
        centers[moved] = (one_hot.T @ x)[moved] / counts[moved, None]
    return centers, _assign(x, centers).astype(np.int64)
