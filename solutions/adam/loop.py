"""Reference: Adam one parameter at a time (what the vectorized update does per entry)."""
import math

import numpy as np


def adam(w, dw, config=None):
    if config is None:
        config = {}
    lr = config.get("learning_rate", 1e-3)
    beta1 = config.get("beta1", 0.9)
    beta2 = config.get("beta2", 0.999)
    eps = config.get("epsilon", 1e-8)
    t = config.get("t", 0) + 1
    old_m, old_v = config.get("m"), config.get("v")

    w = np.asarray(w, dtype=np.float64)
    next_w, m, v = np.empty(w.shape), np.empty(w.shape), np.empty(w.shape)
    for index in np.ndindex(w.shape):
        g = float(dw[index])
        m[index] = beta1 * (0.0 if old_m is None else float(old_m[index])) + (1 - beta1) * g
        v[index] = beta2 * (0.0 if old_v is None else float(old_v[index])) + (1 - beta2) * g * g
        m_hat = m[index] / (1 - beta1 ** t)
        v_hat = v[index] / (1 - beta2 ** t)
        next_w[index] = w[index] - lr * m_hat / (math.sqrt(v_hat) + eps)

    config.update({"learning_rate": lr, "beta1": beta1, "beta2": beta2, "epsilon": eps,
                   "m": m, "v": v, "t": t})
    return next_w, config
