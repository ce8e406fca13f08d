import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    N, C, H, W = x.shape
    flat = x.reshape(-1, C)              # the mistake: rows of C consecutive values, not one per pixel
    mu = flat.mean(axis=0)
    var = flat.var(axis=0)
    xhat = (flat - mu) / np.sqrt(var + eps)
    out = (gamma * xhat + beta).reshape(N, C, H, W)
    return out, (x, xhat.reshape(N, C, H, W), mu, var, 1.0 / np.sqrt(var + eps), gamma, eps)
