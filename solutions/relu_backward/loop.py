"""Reference: ReLU forward and backward, one number at a time.

max(0, x) has slope 1 where x > 0 and 0 where x < 0; at the kink x = 0 the convention is 0.
"""
import numpy as np


def relu_forward(x):
    out = np.empty(x.shape)
    for i in np.ndindex(x.shape):
        out[i] = x[i] if x[i] > 0 else 0.0
    cache = x
    return out, cache


def relu_backward(dout, cache):
    x = cache
    dx = np.empty(x.shape)
    for i in np.ndindex(x.shape):
        dx[i] = dout[i] if x[i] > 0 else 0.0   # strictly positive: gradient 0 at x = 0
    return dx
