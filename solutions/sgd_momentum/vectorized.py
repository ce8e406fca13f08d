"""Reference: SGD with momentum, as in cs231n's optim.py.

The velocity is a running, decaying sum of past steps; the step itself is the velocity.
"""
import numpy as np


def sgd_momentum(w, dw, config=None):
    if config is None:
        config = {}
    # setdefault, not assignment: values the caller supplied win over the defaults.
    config.setdefault("learning_rate", 1e-2)
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))   # the state carried from one call to the next

    v = config["momentum"] * v - config["learning_rate"] * dw   # a new array: w, dw are untouched
    next_w = w + v

    config["velocity"] = v
    return next_w, config
