"""Reference: inverted dropout, forward, one unit at a time.

rng.random() called once per element, in row-major order, yields the same numbers as one call of
rng.random(x.shape): the generator's stream is the same however the draws are grouped.
"""
import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if mode != "train":
        return x, (dropout_param, None)

    rng = np.random.default_rng(dropout_param["seed"])
    mask = np.empty(x.shape)
    out = np.empty(x.shape)
    for index in np.ndindex(*x.shape):          # row-major order, like rng.random(x.shape)
        keep = rng.random() < p                 # keep this unit with probability p
        mask[index] = 1.0 / p if keep else 0.0  # inverted dropout: survivors are scaled by 1/p
        out[index] = x[index] * mask[index]
    return out, (dropout_param, mask)
