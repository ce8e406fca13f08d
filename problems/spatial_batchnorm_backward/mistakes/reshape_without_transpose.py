import numpy as np


def spatial_batchnorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N, C, H, W = dout.shape
    # the mistake: (N, C, H, W) -> (N*H*W, C) by reshape alone, which groups values that are C apart
    # in memory instead of one channel per column
    g = dout.reshape(-1, C)
    xh = xhat.reshape(-1, C)
    M = g.shape[0]
    dbeta = g.sum(axis=0)
    dgamma = (g * xh).sum(axis=0)
    dx = (gamma * istd / M) * (M * g - dbeta - xh * dgamma)
    return dx.reshape(N, C, H, W), dgamma, dbeta
