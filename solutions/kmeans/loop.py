"""Reference: Lloyd's k-means with explicit loops over the centers — the whiteboard version."""
import numpy as np


def _assign(x, centers):
    labels = np.zeros(len(x), dtype=np.int64)
    best = np.full(len(x), np.inf)
    for k in range(len(centers)):
        d = ((x - centers[k]) ** 2).sum(axis=1)   # squared distance of every point to center k
        closer = d < best                         # strict <: on a tie the lower index stays
        labels[closer] = k
        best[closer] = d[closer]
    return labels


def kmeans(x, init_centers, n_iters):
    x = np.asarray(x, dtype=np.float64)
    centers = np.array(init_centers, dtype=np.float64)   # a copy: init_centers is not modified
    for _ in range(n_iters):
        # Assignment step, then update step, both from the centers of the previous iteration.
        labels = _assign(x, centers)
        for k in range(len(centers)):
            members = x[labels == k]
            if len(members) > 0:                  # a center with no points stays where it is
                centers[k] = members.mean(axis=0)
    # The labels returned belong to the final centers.
    return centers, _assign(x, centers)
