import numpy as np


def pairwise_distances(x, y):
    xx = np.sum(x ** 2, axis=1)
    yy = np.sum(y ** 2, axis=1)
    # the mistake: |x|^2 laid along the columns and |y|^2 along the rows (only runs when N == M)
    d2 = xx[None, :] + yy[:, None] - 2.0 * (x @ y.T)
    return np.sqrt(np.maximum(d2, 0.0))
