"""Reference: one step of a vanilla RNN, one matrix product per weight matrix.

Every row of x and prev_h is one sample of the batch, so x @ Wx (N, H) and prev_h @ Wh (N, H) are the
two contributions for the whole batch at once; b (H,) broadcasts over the rows.
"""
import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    a = x @ Wx + prev_h @ Wh + b         # (N, H) pre-activations; note prev_h @ Wh, not Wh @ prev_h
    next_h = np.tanh(a)                  # np.tanh saturates to exactly +-1: no overflow for |a| ~ 1e3
    cache = (x, prev_h, Wx, Wh, next_h)  # what a backward pass needs: tanh'(a) = 1 - next_h**2
    return next_h, cache
