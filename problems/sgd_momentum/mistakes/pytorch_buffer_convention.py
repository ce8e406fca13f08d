import numpy as np


def sgd_momentum(w, dw, config=None):
    config = {} if config is None else config
    config.setdefault("learning_rate", 1e-2)
    config.setdefault("momentum", 0.9)
    buf = config.get("velocity", np.zeros_like(w))
    buf = config["momentum"] * buf + dw        # the mistake: PyTorch's buffer stored as the velocity
    config["velocity"] = buf
    return w - config["learning_rate"] * buf, config
