import numpy as np


def layernorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    D = dout.shape[1]
    xmu = x - mu
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma
    dvar = -0.5 * (dxhat * xmu).sum(axis=1, keepdims=True) * (var + eps) ** -1.5
    # the mistake: the row mean is treated as a constant, so there is no dmu / D term
    dx = dxhat * istd + dvar * 2.0 * xmu / D
    return dx, dgamma, dbeta
