import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if mode == "train":
        # the mistake: np.random.seed(seed); np.random.rand(*x.shape) (the legacy Mersenne Twister
        # stream, written here without touching the global state), not default_rng(seed).random
        mask = (np.random.RandomState(dropout_param["seed"]).rand(*x.shape) < p) / p
        return x * mask, (dropout_param, mask)
    return x, (dropout_param, None)
