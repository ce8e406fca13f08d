import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=(0, 2, 3), keepdims=True)
    var = x.var(axis=(0, 2, 3), ddof=1, keepdims=True)   # the mistake: divided by N*H*W - 1
    istd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * istd
    out = gamma[:, None, None] * xhat + beta[:, None, None]
    return out, (x, xhat, mu, var, istd, gamma, eps)
