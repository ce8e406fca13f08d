"""Reference: batch norm backward in one line of broadcasting (the graph above, simplified by hand).

With xhat = (x - mu) * istd, the three paths from x (through xhat, var and mu) collapse to
    dx = (1/N) * gamma * istd * (N*dout - sum(dout) - xhat * sum(dout * xhat))
and the two sums are exactly dbeta and dgamma.
"""
import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    mu = x.mean(axis=0)                  # (D,)
    xmu = x - mu                         # (N, D)
    var = (xmu ** 2).mean(axis=0)        # biased (1/N)
    istd = 1.0 / np.sqrt(var + eps)
    xhat = xmu * istd
    out = gamma * xhat + beta
    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache


def bn_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N = dout.shape[0]
    dbeta = dout.sum(axis=0)             # beta is added to every row
    dgamma = (dout * xhat).sum(axis=0)   # gamma scales every row
    # -dbeta: the mean path (shifting x shifts mu); -xhat * dgamma: the variance path.
    dx = (gamma * istd / N) * (N * dout - dbeta - xhat * dgamma)
    return dx, dgamma, dbeta
