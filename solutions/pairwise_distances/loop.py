"""Reference: pairwise Euclidean distances with two loops (cs231n's compute_distances_two_loops).

Each entry comes from the difference of the two rows, so it is as accurate as float64 allows:
identical rows give exactly 0, and nothing can go negative under the square root.
"""
import numpy as np


def pairwise_distances(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    N, M = x.shape[0], y.shape[0]
    dists = np.zeros((N, M))
    for i in range(N):
        for j in range(M):
            diff = x[i] - y[j]
            dists[i, j] = np.sqrt(np.sum(diff * diff))
    return dists
