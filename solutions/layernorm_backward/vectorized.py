"""Reference: layer norm backward with broadcasting.

Batch norm's compact formula with the roles of the axes swapped: the sums that give dx run over the
features of each row (axis=1), the sums that give dgamma and dbeta over the batch (axis=0). Unlike in
batch norm, gamma varies along a row, so it is folded into the upstream gradient (dxhat = dout * gamma)
before the row sums:
    dx = istd / D * (D * dxhat - sum_row(dxhat) - xhat * sum_row(dxhat * xhat))
"""
import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    x = np.asarray(x, dtype=np.float64)
    eps = ln_param.get("eps", 1e-5)
    mu = x.mean(axis=1, keepdims=True)             # (N, 1)
    xmu = x - mu
    var = (xmu ** 2).mean(axis=1, keepdims=True)   # (N, 1), biased, two-pass
    istd = 1.0 / np.sqrt(var + eps)
    xhat = xmu * istd
    out = gamma * xhat + beta
    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache


def layernorm_backward(dout, cache):
    x, xhat, mu, var, istd, gamma, eps = cache
    D = dout.shape[1]
    dbeta = dout.sum(axis=0)                       # (D,): shared by every sample
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma                           # (N, D)
    # -sum: the path through the row mean; -xhat * sum(dxhat * xhat): the path through the row variance.
    dx = (istd / D) * (D * dxhat - dxhat.sum(axis=1, keepdims=True)
                       - xhat * (dxhat * xhat).sum(axis=1, keepdims=True))
    return dx, dgamma, dbeta
