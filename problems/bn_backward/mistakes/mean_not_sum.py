import numpy as np


def bn_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N = dout.shape[0]
    dbeta = dout.mean(axis=0)            # the mistake: averaged over the batch instead of summed
    dgamma = (dout * xhat).mean(axis=0)
    dx = (gamma * istd / N) * (N * dout - dout.sum(axis=0) - xhat * (dout * xhat).sum(axis=0))
    return dx, dgamma, dbeta
