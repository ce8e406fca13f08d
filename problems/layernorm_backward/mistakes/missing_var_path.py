import numpy as np


def layernorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma
    # the mistake: the row variance is treated as a constant (only the mean path is kept)
    dx = istd * (dxhat - dxhat.mean(axis=1, keepdims=True))
    return dx, dgamma, dbeta
