import numpy as np


def adam(w, dw, config=None):
    config = {} if config is None else config
    for key, default in (("learning_rate", 1e-3), ("beta1", 0.9), ("beta2", 0.999), ("epsilon", 1e-8), ("t", 0)):
        config.setdefault(key, default)
    config.setdefault("m", np.zeros_like(w))
    config.setdefault("v", np.zeros_like(w))
    config["t"] += 1
    t = config["t"]
    config["m"] = config["beta1"] * config["m"] + (1 - config["beta1"]) * dw
    config["v"] = config["beta2"] * config["v"] + (1 - config["beta2"]) * dw ** 2
    m_hat = config["m"] / (1 - config["beta1"] ** t)
    v_hat = config["v"] / (1 - config["beta2"] ** t)
    next_w = w - config["learning_rate"] * m_hat / np.sqrt(v_hat + config["epsilon"])   # the mistake
    return next_w, config
