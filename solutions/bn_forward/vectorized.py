"""Reference: batch norm forward with broadcasting — every (D,) statistic against the (N, D) batch."""
import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    mu = x.mean(axis=0)                  # (D,): statistics over the batch axis, one per feature
    xmu = x - mu                         # (N, D) - (D,) broadcasts over the rows
    var = (xmu ** 2).mean(axis=0)        # biased (1/N); two passes, so a large mean does not cancel
    istd = 1.0 / np.sqrt(var + eps)
    xhat = xmu * istd
    out = gamma * xhat + beta
    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache
