import numpy as np


def bn_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N = dout.shape[0]
    xmu = x - mu
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma
    ivar = 1.0 / var + eps               # the slip: 1 / (var + eps) was meant
    dvar = -0.5 * (dxhat * xmu).sum(axis=0) * ivar ** 1.5
    dmu = -(dxhat * istd).sum(axis=0) + dvar * (-2.0 * xmu).mean(axis=0)
    dx = dxhat * istd + dvar * 2.0 * xmu / N + dmu / N
    return dx, dgamma, dbeta
