import numpy as np


def kmeans(x, init_centers, n_iters):
    x = np.asarray(x, dtype=np.float64)
    centers = np.array(init_centers, dtype=np.float64)
    K = centers.shape[0]
    labels = _assign(x, centers)
    for _ in range(n_iters):
        labels = _assign(x, centers)
        one_hot = (labels[:, None] == np.arange(K)).astype(np.float64)
        counts = one_hot.sum(axis=0)
        moved = counts > 0
        centers[moved] = (one_hot.T @ x)[moved] / counts[moved, None]
    # the mistake: the labels of the last assignment step, computed before the centers last moved
    return centers, labels.astype(np.int64)
