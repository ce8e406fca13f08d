import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    eps = 1e-5                           # the mistake: ln_param['eps'] is never read
    mu = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    istd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * istd
    out = gamma * xhat + beta
    return out, (x, xhat, mu, var, istd, gamma, eps)
