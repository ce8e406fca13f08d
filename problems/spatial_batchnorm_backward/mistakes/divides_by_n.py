import numpy as np


def spatial_batchnorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    N = dout.shape[0]                    # the mistake: N values per channel, where there are N * H * W
    dbeta = dout.sum(axis=(0, 2, 3))
    dgamma = (dout * xhat).sum(axis=(0, 2, 3))
    col = lambda v: v[:, None, None]  # noqa: E731
    dx = col(gamma * istd / N) * (N * dout - col(dbeta) - xhat * col(dgamma))
    return dx, dgamma, dbeta
