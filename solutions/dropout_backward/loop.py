"""Reference: inverted dropout, forward and backward, one unit at a time.

Each unit is out[k] = x[k] * mask[k] with mask[k] either 0 or 1/p, fixed in the forward pass:
d out[k] / d x[k] = mask[k], and no unit depends on another.
"""
import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if mode != "train":
        return x, (dropout_param, None)
    rng = np.random.default_rng(dropout_param["seed"])
    mask = np.empty(x.shape)
    out = np.empty(x.shape)
    for index in np.ndindex(*x.shape):
        mask[index] = 1.0 / p if rng.random() < p else 0.0
        out[index] = x[index] * mask[index]
    return out, (dropout_param, mask)


def dropout_backward(dout, cache):
    dropout_param, mask = cache
    dx = np.empty(dout.shape)
    for index in np.ndindex(*dout.shape):
        if dropout_param["mode"] == "train":
            dx[index] = dout[index] * mask[index]   # dropped units pass nothing back
        else:
            dx[index] = dout[index]                 # test mode: identity
    return dx
