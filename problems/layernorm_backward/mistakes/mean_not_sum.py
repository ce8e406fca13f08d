import numpy as np


def layernorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    D = dout.shape[1]
    dbeta = dout.mean(axis=0)            # the mistake: averaged over the batch instead of summed
    dgamma = (dout * xhat).mean(axis=0)
    dxhat = dout * gamma
    dx = (istd / D) * (D * dxhat - dxhat.sum(axis=1, keepdims=True)
                       - xhat * (dxhat * xhat).sum(axis=1, keepdims=True))
    return dx, dgamma, dbeta
