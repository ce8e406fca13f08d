"""Reference: Lloyd's k-means with explicit loops over points and centers — the whiteboard version."""
import numpy as np


def _nearest(point, centers):
    best, best_d = 0, None
    for k in range(len(centers)):
        d = float(np.sum((point - centers[k]) ** 2))   # squared Euclidean distance
        if best_d is None or d < best_d:               # strict <: on a tie the lower index stays
            best, best_d = k, d
    return best


def kmeans(x, init_centers, n_iters):
    x = np.asarray(x, dtype=np.float64)
    centers = np.array(init_centers, dtype=np.float64)  # a copy: init_centers is not modified
    N, D = x.shape
    K = centers.shape[0]
    for _ in range(n_iters):
        # Assignment step, then update step, both from the centers of the previous iteration.
        labels = [_nearest(x[i], centers) for i in range(N)]
        sums = np.zeros((K, D))
        counts = [0] * K
        for i in range(N):
            sums[labels[i]] += x[i]
            counts[labels[i]] += 1
        for k in range(K):
            if counts[k] > 0:          # a center with no points stays where it is
                centers[k] = sums[k] / counts[k]
    # The labels returned belong to the final centers.
    labels = np.array([_nearest(x[i], centers) for i in range(N)], dtype=np.int64)
    return centers, labels
