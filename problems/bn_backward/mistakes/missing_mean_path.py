import numpy as np


def bn_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N = dout.shape[0]
    xmu = x - mu
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma
    dvar = -0.5 * (dxhat * xmu).sum(axis=0) * (var + eps) ** -1.5
    # the mistake: mu is treated as a constant, so there is no dmu / N term
    dx = dxhat * istd + dvar * 2.0 * xmu / N
    return dx, dgamma, dbeta
