"""Reference: Lloyd's k-means, each step one matrix product (cs231n's no-loop distance trick)."""
import numpy as np


def _assign(x, centers):
    # |x - c|^2 = |x|^2 - 2 x.c + |c|^2 for every (point, center) pair: (N, K) without an (N, K, D) array.
    d = (x ** 2).sum(axis=1)[:, None] - 2.0 * x @ centers.T + (centers ** 2).sum(axis=1)[None, :]
    return d.argmin(axis=1)           # argmin returns the first minimum: ties go to the lowest index


def kmeans(x, init_centers, n_iters):
    x = np.asarray(x, dtype=np.float64)
    centers = np.array(init_centers, dtype=np.float64)        # a copy
    K = centers.shape[0]
    for _ in range(n_iters):
        labels = _assign(x, centers)
        one_hot = (labels[:, None] == np.arange(K)).astype(np.float64)   # (N, K)
        counts = one_hot.sum(axis=0)                                     # (K,)
        sums = one_hot.T @ x                                             # (K, D): points summed per center
        moved = counts > 0                                               # empty centers stay put
        centers[moved] = sums[moved] / counts[moved, None]
    return centers, _assign(x, centers).astype(np.int64)
