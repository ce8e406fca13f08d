import numpy as np


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    x2 = x.reshape(N, -1)
    dx = (dout @ w.T).reshape(x.shape)
    dw = x2.T @ dout / N                  # the mistake: averaged over the batch
    db = dout.mean(axis=0)
    return dx, dw, db
