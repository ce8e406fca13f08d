"""Reference: spatial batch norm backward as the staged computational graph, one channel at a time.

Channel c is a batch norm over its M = N * H * W values:
Forward:                              Backward, the same stages in reverse:
    mu   = sum(x) / M                     dbeta  = sum(dout)
    xmu  = x - mu                         dgamma = sum(dout * xhat)
    var  = sum(xmu**2) / M                dxhat  = dout * gamma
    istd = 1 / sqrt(var + eps)            distd  = sum(dxhat * xmu)
    xhat = xmu * istd                     dvar   = distd * -0.5 * (var + eps)**-1.5
    out  = gamma * xhat + beta            dxmu   = dxhat * istd + dvar * 2 * xmu / M
                                          dx     = dxmu - sum(dxmu) / M
"""
import math

import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    N, C, H, W = x.shape
    M = N * H * W
    xhat = np.empty_like(x)
    out = np.empty_like(x)
    mu, var, istd = np.empty(C), np.empty(C), np.empty(C)
    for c in range(C):
        plane = x[:, c, :, :]
        mu[c] = plane.sum() / M
        xmu = plane - mu[c]
        var[c] = (xmu * xmu).sum() / M            # biased, two-pass
        istd[c] = 1.0 / math.sqrt(var[c] + eps)   # eps inside the sqrt
        xhat[:, c, :, :] = xmu * istd[c]
        out[:, c, :, :] = gamma[c] * xhat[:, c, :, :] + beta[c]
    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache


def spatial_batchnorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N, C, H, W = dout.shape
    M = N * H * W
    dx = np.empty_like(dout)
    dgamma, dbeta = np.empty(C), np.empty(C)

    for c in range(C):
        g = dout[:, c, :, :]
        # gamma[c] and beta[c] are used by every sample and position of the channel: their gradients sum.
        dbeta[c] = g.sum()
        dgamma[c] = (g * xhat[:, c, :, :]).sum()
        dxhat = g * gamma[c]
        xmu = x[:, c, :, :] - mu[c]
        # istd is one number per channel, fed by all M values.
        distd = (dxhat * xmu).sum()
        dvar = distd * -0.5 * (var[c] + eps) ** -1.5
        # xmu reaches the loss directly (through xhat) and through var = sum(xmu**2) / M.
        dxmu = dxhat * istd[c] + dvar * 2.0 * xmu / M
        # each value also moves the channel mean, which all M values subtract.
        dmu = -dxmu.sum()
        dx[:, c, :, :] = dxmu + dmu / M

    return dx, dgamma, dbeta
