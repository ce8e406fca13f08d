import numpy as np


def layernorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    D = dout.shape[1]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    # the mistake: batch norm's compact formula with the axes swapped but gamma still factored out;
    # gamma varies along the row, so it must multiply dout before the row sums
    dx = (gamma * istd / D) * (D * dout - dout.sum(axis=1, keepdims=True)
                               - xhat * (dout * xhat).sum(axis=1, keepdims=True))
    return dx, dgamma, dbeta
