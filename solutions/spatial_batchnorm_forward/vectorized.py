"""Reference: spatial batch norm forward with broadcasting over (N, H, W).

Same as batch norm on x.transpose(0, 2, 3, 1).reshape(-1, C); reducing over axes (0, 2, 3) with
keepdims avoids the copy and keeps the channel axis where it is.
"""
import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    axes = (0, 2, 3)                                  # everything but the channel axis
    mu = x.mean(axis=axes, keepdims=True)             # (1, C, 1, 1)
    xmu = x - mu
    var = (xmu ** 2).mean(axis=axes, keepdims=True)   # biased; two passes, so a huge mean cannot cancel
    istd = 1.0 / np.sqrt(var + eps)
    xhat = xmu * istd
    out = gamma[:, None, None] * xhat + beta[:, None, None]   # (C,) -> (C, 1, 1) lines up with axis 1
    cache = (x, xhat, mu.ravel(), var.ravel(), istd.ravel(), gamma, eps)
    return out, cache
