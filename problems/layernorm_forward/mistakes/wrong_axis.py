import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    eps = ln_param.get("eps", 1e-5)
    mu = x.mean(axis=0)                  # the mistake: statistics of each feature over the batch
    var = x.var(axis=0)                  # (that is batch norm, not layer norm)
    istd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * istd
    out = gamma * xhat + beta
    return out, (x, xhat, mu, var, istd, gamma, eps)
