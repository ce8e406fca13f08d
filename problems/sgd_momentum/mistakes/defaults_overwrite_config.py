import numpy as np


def sgd_momentum(w, dw, config=None):
    config = {} if config is None else config
    config["learning_rate"] = 1e-2             # the mistake: assignment where setdefault belongs
    config["momentum"] = 0.9
    v = config.get("velocity", np.zeros_like(w))
    v = config["momentum"] * v - config["learning_rate"] * dw
    config["velocity"] = v
    return w + v, config
