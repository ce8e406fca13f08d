import numpy as np


def spatial_batchnorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N, C, H, W = dout.shape
    M = N * H * W
    col = lambda v: v[:, None, None]  # noqa: E731
    xmu = x - col(mu)
    dbeta = dout.sum(axis=(0, 2, 3))
    dgamma = (dout * xhat).sum(axis=(0, 2, 3))
    dxhat = dout * col(gamma)
    dvar = -0.5 * (dxhat * xmu).sum(axis=(0, 2, 3)) * (var + eps) ** -1.5
    # the mistake: the channel mean is treated as a constant, so there is no dmu / M term
    dx = dxhat * col(istd) + col(dvar) * 2.0 * xmu / M
    return dx, dgamma, dbeta
