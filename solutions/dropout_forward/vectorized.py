"""Reference: inverted dropout, forward, in one line of broadcasting."""
import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if mode == "train":
        rng = np.random.default_rng(dropout_param["seed"])
        # Keep each unit with probability p, and scale the survivors by 1/p so that E[out] = x:
        # then the test-time pass needs no scaling at all.
        mask = (rng.random(x.shape) < p) / p
        out = x * mask
    else:
        mask = None
        out = x          # test mode: the identity (returning x itself is fine; nothing writes to it)
    cache = (dropout_param, mask)
    return out, cache
