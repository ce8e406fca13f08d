"""Reference: batch norm forward, one feature (column) at a time — what one writes on a whiteboard."""
import math

import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    N, D = x.shape
    xhat = np.empty((N, D))
    out = np.empty((N, D))
    mu, var, istd = np.empty(D), np.empty(D), np.empty(D)

    for j in range(D):  # each feature is normalised with its own batch statistics
        col = x[:, j]
        mu[j] = col.sum() / N
        xmu = col - mu[j]
        var[j] = (xmu * xmu).sum() / N            # biased: divide by N, not N - 1
        istd[j] = 1.0 / math.sqrt(var[j] + eps)   # eps inside the sqrt: finite even when var == 0
        xhat[:, j] = xmu * istd[j]
        out[:, j] = gamma[j] * xhat[:, j] + beta[j]

    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache
