import numpy as np


def affine_forward(x, w, b):
    N, D = x.shape[0], w.shape[0]
    out = x.reshape(D, N).T @ w + b             # the mistake: right shape, examples mixed together
    return out, (x, w, b)
