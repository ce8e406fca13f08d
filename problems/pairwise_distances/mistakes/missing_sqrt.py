import numpy as np


def pairwise_distances(x, y):
    d2 = np.sum(x ** 2, axis=1)[:, None] + np.sum(y ** 2, axis=1)[None, :] - 2.0 * (x @ y.T)
    return np.maximum(d2, 0.0)  # the mistake: squared distances
