import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if mode == "train":
        mask = (np.random.default_rng(dropout_param["seed"]).random(x.shape) < p) / p
        return x * mask, (dropout_param, mask)
    return x * p, (dropout_param, None)   # the mistake: classic dropout's test-time scaling on top of inverted dropout
