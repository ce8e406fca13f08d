"""Reference: spatial batch norm backward with broadcasting over (N, H, W).

Batch norm's compact formula per channel, with M = N * H * W values in each "batch":
    dx = gamma * istd / M * (M * dout - sum(dout) - xhat * sum(dout * xhat))
where the sums run over axes (0, 2, 3) and are exactly dbeta and dgamma.
"""
import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    axes = (0, 2, 3)
    mu = x.mean(axis=axes, keepdims=True)             # (1, C, 1, 1)
    xmu = x - mu
    var = (xmu ** 2).mean(axis=axes, keepdims=True)   # biased, two-pass
    istd = 1.0 / np.sqrt(var + eps)
    xhat = xmu * istd
    out = gamma[:, None, None] * xhat + beta[:, None, None]
    cache = (x, xhat, mu.ravel(), var.ravel(), istd.ravel(), gamma, eps)
    return out, cache


def spatial_batchnorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N, C, H, W = dout.shape
    M = N * H * W                                     # values per channel
    dbeta = dout.sum(axis=(0, 2, 3))                  # (C,)
    dgamma = (dout * xhat).sum(axis=(0, 2, 3))        # (C,)
    col = lambda v: v[:, None, None]                  # (C,) -> (C, 1, 1): lines up with axis 1 # noqa: E731
    # -dbeta: the path through the channel mean; -xhat * dgamma: the path through the channel variance.
    dx = col(gamma * istd / M) * (M * dout - col(dbeta) - xhat * col(dgamma))
    return dx, dgamma, dbeta
