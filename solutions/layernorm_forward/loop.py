"""Reference: layer norm forward, one sample (row) at a time — what one writes on a whiteboard."""
import math

import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    x = np.asarray(x, dtype=np.float64)
    eps = ln_param.get("eps", 1e-5)      # other keys ('mode', ...) are ignored
    N, D = x.shape
    xhat = np.empty((N, D))
    out = np.empty((N, D))
    mu, var, istd = np.empty((N, 1)), np.empty((N, 1)), np.empty((N, 1))

    for i in range(N):  # each sample is normalised with the statistics of its own features
        row = x[i]
        mu[i, 0] = row.sum() / D
        xmu = row - mu[i, 0]
        var[i, 0] = (xmu * xmu).sum() / D              # biased, and from the centered values
        istd[i, 0] = 1.0 / math.sqrt(var[i, 0] + eps)  # eps inside the sqrt: a constant row is fine
        xhat[i] = xmu * istd[i, 0]
        out[i] = gamma * xhat[i] + beta                # gamma, beta are per feature: (D,)

    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache
