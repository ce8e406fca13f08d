import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if mode == "train":
        keep = np.random.default_rng(dropout_param["seed"]).random(x.shape) < p
        return x * keep / p, (dropout_param, keep)
    return x, (dropout_param, None)


def dropout_backward(dout, cache):
    dropout_param, keep = cache
    if dropout_param["mode"] == "train":
        return dout * keep          # the mistake: the forward pass scaled by 1/p, the backward pass does not
    return dout
