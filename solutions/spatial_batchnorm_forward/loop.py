"""Reference: spatial batch norm forward, one channel at a time — what one writes on a whiteboard.

Channel c is normalised with the mean and the biased variance of all its N * H * W values.
"""
import math

import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    N, C, H, W = x.shape
    M = N * H * W                                 # values per channel
    xhat = np.empty_like(x)
    out = np.empty_like(x)
    mu, var, istd = np.empty(C), np.empty(C), np.empty(C)

    for c in range(C):
        plane = x[:, c, :, :]                     # (N, H, W): every sample and position of channel c
        mu[c] = plane.sum() / M
        xmu = plane - mu[c]
        var[c] = (xmu * xmu).sum() / M            # biased, and from the centered values
        istd[c] = 1.0 / math.sqrt(var[c] + eps)   # eps inside the sqrt: a constant channel is fine
        xhat[:, c, :, :] = xmu * istd[c]
        out[:, c, :, :] = gamma[c] * xhat[:, c, :, :] + beta[c]

    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache
