"""Reference: layer norm backward as the staged computational graph, one sample (row) at a time.

Forward, for one sample (row) i of D features:   Backward, the same stages in reverse:
    mu   = sum(x) / D                              dxhat  = dout * gamma
    xmu  = x - mu                                  distd  = sum(dxhat * xmu)
    var  = sum(xmu**2) / D                         dvar   = distd * -0.5 * (var + eps)**-1.5
    istd = 1 / sqrt(var + eps)                     dxmu   = dxhat * istd + dvar * 2 * xmu / D
    xhat = xmu * istd                              dx     = dxmu - sum(dxmu) / D
    out  = gamma * xhat + beta
gamma and beta are per feature and shared by every sample: dgamma and dbeta sum over the batch.
"""
import math

import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    x = np.asarray(x, dtype=np.float64)
    eps = ln_param.get("eps", 1e-5)
    N, D = x.shape
    xhat = np.empty((N, D))
    out = np.empty((N, D))
    mu, var, istd = np.empty((N, 1)), np.empty((N, 1)), np.empty((N, 1))
    for i in range(N):
        row = x[i]
        mu[i, 0] = row.sum() / D
        xmu = row - mu[i, 0]
        var[i, 0] = (xmu * xmu).sum() / D              # biased, two-pass
        istd[i, 0] = 1.0 / math.sqrt(var[i, 0] + eps)  # eps inside the sqrt
        xhat[i] = xmu * istd[i, 0]
        out[i] = gamma * xhat[i] + beta
    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache


def layernorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N, D = dout.shape
    dx = np.empty((N, D))
    dgamma, dbeta = np.zeros(D), np.zeros(D)

    for i in range(N):
        g = dout[i]
        # out = gamma * xhat + beta: every sample uses the same gamma and beta, so their gradients add up.
        dbeta += g
        dgamma += g * xhat[i]
        dxhat = g * gamma                       # gamma varies along the row: apply it before any row sum
        xmu = x[i] - mu[i, 0]
        # xhat = xmu * istd, istd = (var + eps)**-0.5: one number per row, fed by all D features.
        distd = (dxhat * xmu).sum()
        dvar = distd * -0.5 * (var[i, 0] + eps) ** -1.5
        # xmu reaches the loss directly (through xhat) and through var = sum(xmu**2) / D.
        dxmu = dxhat * istd[i, 0] + dvar * 2.0 * xmu / D
        # xmu = x - mu, mu = sum(x) / D: each feature also moves the row mean.
        dmu = -dxmu.sum()
        dx[i] = dxmu + dmu / D

    return dx, dgamma, dbeta
