import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if mode == "train":
        mask = np.random.default_rng(dropout_param["seed"]).random(x.shape) < p
        return x * mask, (dropout_param, mask)     # the mistake: survivors are not scaled by 1/p
    return x, (dropout_param, None)
