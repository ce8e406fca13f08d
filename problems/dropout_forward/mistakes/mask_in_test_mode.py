import numpy as np


def dropout_forward(x, dropout_param):
    p = dropout_param["p"]
    if "seed" not in dropout_param:
        return x, (dropout_param, None)
    # the mistake: the mode is never looked at, so test mode drops units too
    mask = (np.random.default_rng(dropout_param["seed"]).random(x.shape) < p) / p
    return x * mask, (dropout_param, mask)
