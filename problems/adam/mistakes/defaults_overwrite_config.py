import numpy as np


def adam(w, dw, config=None):
    config = {} if config is None else config
    # the mistake: assignment where setdefault belongs, so the caller's hyperparameters are lost
    config["learning_rate"], config["beta1"], config["beta2"], config["epsilon"] = 1e-3, 0.9, 0.999, 1e-8
    config.setdefault("m", np.zeros_like(w))
    config.setdefault("v", np.zeros_like(w))
    config.setdefault("t", 0)
    config["t"] += 1
    t = config["t"]
    config["m"] = config["beta1"] * config["m"] + (1 - config["beta1"]) * dw
    config["v"] = config["beta2"] * config["v"] + (1 - config["beta2"]) * dw ** 2
    m_hat = config["m"] / (1 - config["beta1"] ** t)
    v_hat = config["v"] / (1 - config["beta2"] ** t)
    next_w = w - config["learning_rate"] * m_hat / (np.sqrt(v_hat) + config["epsilon"])
    return next_w, config
