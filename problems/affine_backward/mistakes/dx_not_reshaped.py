import numpy as np


def affine_backward(dout, cache):
    x, w, b = cache
    x2 = x.reshape(x.shape[0], -1)
    dx = dout @ w.T                       # the mistake: left as (N, D)
    return dx, x2.T @ dout, dout.sum(axis=0)
