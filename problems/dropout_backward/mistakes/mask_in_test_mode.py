import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    mask = None
    if "seed" in dropout_param:   # the mask is drawn whatever the mode...
        mask = (np.random.default_rng(dropout_param["seed"]).random(x.shape) < p) / p
    out = x * mask if mode == "train" else x
    return out, (dropout_param, mask)


def dropout_backward(dout, cache):
    dropout_param, mask = cache
    if mask is None:
        return dout
    return dout * mask            # ...and the mistake: the backward pass applies it without looking at the mode
