import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)                  # the mistake: one statistic per (c, h, w) position, over N only
    var = x.var(axis=0)                  # (plain batch norm on x.reshape(N, -1))
    istd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * istd
    out = gamma[:, None, None] * xhat + beta[:, None, None]
    return out, (x, xhat, mu, var, istd, gamma, eps)
