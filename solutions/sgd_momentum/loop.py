"""Reference: SGD with momentum one parameter at a time (what the vectorized update does per entry)."""
import numpy as np


def sgd_momentum(w, dw, config=None):
    if config is None:
        config = {}
    learning_rate = config.get("learning_rate", 1e-2)
    momentum = config.get("momentum", 0.9)
    velocity = config.get("velocity")
    config["learning_rate"], config["momentum"] = learning_rate, momentum

    w = np.asarray(w, dtype=np.float64)
    next_w = np.empty(w.shape)
    v = np.empty(w.shape)
    for index in np.ndindex(w.shape):
        previous = 0.0 if velocity is None else float(velocity[index])
        v[index] = momentum * previous - learning_rate * float(dw[index])
        next_w[index] = w[index] + v[index]

    config["velocity"] = v
    return next_w, config
