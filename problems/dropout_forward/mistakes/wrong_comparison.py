import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if mode == "train":
        # the mistake: > keeps the units whose draw is ABOVE p (probability 1 - p: p read as a drop rate)
        mask = (np.random.default_rng(dropout_param["seed"]).random(x.shape) > p) / p
        return x * mask, (dropout_param, mask)
    return x, (dropout_param, None)
