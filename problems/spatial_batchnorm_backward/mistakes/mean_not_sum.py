import numpy as np


def spatial_batchnorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N, C, H, W = dout.shape
    M = N * H * W
    s_beta = dout.sum(axis=(0, 2, 3))
    s_gamma = (dout * xhat).sum(axis=(0, 2, 3))
    dx = (gamma * istd / M)[:, None, None] * (M * dout - s_beta[:, None, None] - xhat * s_gamma[:, None, None])
    # the mistake: dgamma and dbeta averaged over the N * H * W values instead of summed
    return dx, s_gamma / M, s_beta / M
