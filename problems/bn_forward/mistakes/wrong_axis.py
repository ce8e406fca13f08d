import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=1, keepdims=True)   # the mistake: statistics of each sample over its features
    var = x.var(axis=1, keepdims=True)   # (that is layer norm, not batch norm)
    istd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * istd
    out = gamma * xhat + beta
    return out, (x, xhat, mu, var, istd, gamma, eps)
