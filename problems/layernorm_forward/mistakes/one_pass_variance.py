import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    eps = ln_param.get("eps", 1e-5)
    mu = x.mean(axis=1, keepdims=True)
    var = (x ** 2).mean(axis=1, keepdims=True) - mu ** 2   # the mistake: E[x^2] - E[x]^2 cancels
    istd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * istd
    out = gamma * xhat + beta
    return out, (x, xhat, mu, var, istd, gamma, eps)
