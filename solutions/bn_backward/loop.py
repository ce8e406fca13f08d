"""Reference: batch norm backward as the staged computational graph, one feature at a time.

Forward, for one feature (column) j:      Backward, the same stages in reverse:
    mu   = sum(x) / N                         dbeta  = sum(dout)
    xmu  = x - mu                             dgamma = sum(dout * xhat)
    var  = sum(xmu**2) / N                    dxhat  = dout * gamma
    istd = 1 / sqrt(var + eps)                distd  = sum(dxhat * xmu)
    xhat = xmu * istd                         dvar   = distd * -0.5 * (var + eps)**-1.5
    out  = gamma * xhat + beta                dxmu   = dxhat * istd + dvar * 2 * xmu / N
                                              dx     = dxmu - sum(dxmu) / N
"""
import math

import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    N, D = x.shape
    xhat = np.empty((N, D))
    out = np.empty((N, D))
    mu, var, istd = np.empty(D), np.empty(D), np.empty(D)
    for j in range(D):
        col = x[:, j]
        mu[j] = col.sum() / N
        xmu = col - mu[j]
        var[j] = (xmu * xmu).sum() / N            # biased: divide by N
        istd[j] = 1.0 / math.sqrt(var[j] + eps)   # eps inside the sqrt
        xhat[:, j] = xmu * istd[j]
        out[:, j] = gamma[j] * xhat[:, j] + beta[j]
    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache


def bn_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N, D = dout.shape
    dx = np.empty((N, D))
    dgamma, dbeta = np.empty(D), np.empty(D)

    for j in range(D):
        g = dout[:, j]
        xmu = x[:, j] - mu[j]
        # out = gamma * xhat + beta: gamma and beta are shared by the whole batch, so their gradients sum.
        dbeta[j] = g.sum()
        dgamma[j] = (g * xhat[:, j]).sum()
        dxhat = g * gamma[j]
        # xhat = xmu * istd with istd = (var + eps)**-0.5: istd is one number fed by every sample.
        distd = (dxhat * xmu).sum()
        dvar = distd * -0.5 * (var[j] + eps) ** -1.5
        # xmu reaches the loss directly (through xhat) and through var = sum(xmu**2) / N.
        dxmu = dxhat * istd[j] + dvar * 2.0 * xmu / N
        # xmu = x - mu with mu = sum(x) / N: each x also moves mu, which every xmu subtracts.
        dmu = -dxmu.sum()
        dx[:, j] = dxmu + dmu / N

    return dx, dgamma, dbeta
