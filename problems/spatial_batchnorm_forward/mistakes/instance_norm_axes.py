import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=(2, 3), keepdims=True)   # the mistake: per sample and channel (instance norm),
    var = x.var(axis=(2, 3), keepdims=True)   # the batch axis is left out
    istd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * istd
    out = gamma[:, None, None] * xhat + beta[:, None, None]
    return out, (x, xhat, mu, var, istd, gamma, eps)
