import numpy as np


def affine_backward(dout, cache):
    x, w, b = cache
    x2 = x.reshape(x.shape[0], -1)
    dx = (w @ dout.T).reshape(x.shape)    # the mistake: (D, N) reshaped without a transpose
    return dx, x2.T @ dout, dout.sum(axis=0)
