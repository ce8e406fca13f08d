"""Reference: Adam, as in cs231n's optim.py (and torch.optim.Adam: epsilon outside the square root).

m and v are exponential moving averages of the gradient and of its square; both start at 0, so early
on they are biased towards 0, which dividing by 1 - beta**t corrects.
"""
import numpy as np


def adam(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-3)
    config.setdefault("beta1", 0.9)
    config.setdefault("beta2", 0.999)
    config.setdefault("epsilon", 1e-8)
    config.setdefault("m", np.zeros_like(w))
    config.setdefault("v", np.zeros_like(w))
    config.setdefault("t", 0)

    beta1, beta2 = config["beta1"], config["beta2"]
    t = config["t"] + 1                                   # this is step number t (counted from 1)
    m = beta1 * config["m"] + (1 - beta1) * dw            # first moment
    v = beta2 * config["v"] + (1 - beta2) * (dw * dw)     # second moment (elementwise square)
    m_hat = m / (1 - beta1 ** t)                          # bias corrections
    v_hat = v / (1 - beta2 ** t)
    next_w = w - config["learning_rate"] * m_hat / (np.sqrt(v_hat) + config["epsilon"])

    config["m"], config["v"], config["t"] = m, v, t
    return next_w, config
