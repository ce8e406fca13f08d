"""Reference: layer norm forward with broadcasting — per-row statistics kept as (N, 1) columns."""
import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    x = np.asarray(x, dtype=np.float64)
    eps = ln_param.get("eps", 1e-5)                # 'mode' and any other key are ignored
    mu = x.mean(axis=1, keepdims=True)             # (N, 1): one mean per sample, over its D features
    xmu = x - mu                                   # keepdims makes (N, D) - (N, 1) broadcast per row
    var = (xmu ** 2).mean(axis=1, keepdims=True)   # biased; two passes, so a huge mean cannot cancel
    istd = 1.0 / np.sqrt(var + eps)
    xhat = xmu * istd
    out = gamma * xhat + beta                      # (D,) broadcasts over the rows
    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache
