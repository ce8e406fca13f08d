import numpy as np


def layernorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma
    # the mistake: batch norm's sums, over the batch (axis=0) and divided by N, kept for dx
    dx = (istd / N) * (N * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
    return dx, dgamma, dbeta
