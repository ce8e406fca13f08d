"""Reference: backward pass of one vanilla RNN step, as matrix products.

Forward: a = x @ Wx + prev_h @ Wh + b, next_h = tanh(a). Backward: first through the tanh
(elementwise), then through the two affine maps (each like an affine layer's backward).
"""
import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    cache = (x, prev_h, Wx, Wh, next_h)
    return next_h, cache


def rnn_step_backward(dnext_h, cache):
    x, prev_h, Wx, Wh, next_h = cache
    da = dnext_h * (1.0 - next_h ** 2)   # tanh'(a) = 1 - tanh(a)**2, from the cached output
    dx = da @ Wx.T                       # (N, H) @ (H, D)
    dprev_h = da @ Wh.T                  # (N, H) @ (H, H): transposed, as for dx
    dWx = x.T @ da                       # sums over the batch
    dWh = prev_h.T @ da                  # the *previous* state multiplied Wh
    db = da.sum(axis=0)
    return dx, dprev_h, dWx, dWh, db
