"""Reference: spatial batch norm backward with broadcasting over (N, H, W).

Batch norm's compact formula per channel, with M = N * H * W values in each "batch":
    dx = gamma * istd / M * (M * dout - sum(dout) - xhat * sum(dout * xhat))
where the sums run over n, h, w (einsums: faster in numpy than .sum(axis=(0, 2, 3))) and are exactly
dbeta and dgamma.
"""
import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    N, C, H, W = x.shape
    M = N * H * W
    mu = np.einsum("nchw->c", x) / M                     # (C,): sums over n, h, w
    xmu = x - mu[:, None, None]
    var = np.einsum("nchw,nchw->c", xmu, xmu) / M        # biased, two-pass
    istd = 1.0 / np.sqrt(var + eps)
    xhat = xmu * istd[:, None, None]
    out = gamma[:, None, None] * xhat + beta[:, None, None]
    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache


def spatial_batchnorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N, C, H, W = dout.shape
    M = N * H * W                                     # values per channel
    dbeta = np.einsum("nchw->c", dout)                # (C,): sums over n, h, w
    dgamma = np.einsum("nchw,nchw->c", dout, xhat)    # (C,), without a temporary dout * xhat
    col = lambda v: v[:, None, None]                  # (C,) -> (C, 1, 1): lines up with axis 1 # noqa: E731
    # -dbeta: the path through the channel mean; -xhat * dgamma: the path through the channel variance.
    dx = col(gamma * istd / M) * (M * dout - col(dbeta) - xhat * col(dgamma))
    return dx, dgamma, dbeta
