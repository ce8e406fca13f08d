"""Reference: inverted dropout, forward and backward.

out = x * mask with a constant mask (drawn once, in the forward pass), so dx = dout * the same mask.
In test mode the layer is the identity and dx = dout.
"""
import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if mode == "train":
        mask = (np.random.default_rng(dropout_param["seed"]).random(x.shape) < p) / p
        out = x * mask
    else:
        mask = None
        out = x
    return out, (dropout_param, mask)


def dropout_backward(dout, cache):
    dropout_param, mask = cache
    if dropout_param["mode"] == "train":
        return dout * mask      # the mask already holds the 1/p scale
    return dout                 # test mode: identity (dout itself is fine; nothing writes to it)
