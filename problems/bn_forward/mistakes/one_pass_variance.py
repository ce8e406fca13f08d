import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    var = (x * x).mean(axis=0) - mu * mu   # the mistake: one pass, E[x^2] - E[x]^2, cancels digits
    istd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * istd
    out = gamma * xhat + beta
    return out, (x, xhat, mu, var, istd, gamma, eps)
