"""Reference: one step of a vanilla RNN written out one hidden unit at a time.

For sample n and hidden unit j:
    a[n, j]      = sum_d x[n, d] * Wx[d, j] + sum_k prev_h[n, k] * Wh[k, j] + b[j]
    next_h[n, j] = tanh(a[n, j])
Column j of Wh holds the weights *into* unit j from every unit k of the previous state.
"""
import math

import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    N = x.shape[0]
    H = Wh.shape[0]
    next_h = np.empty((N, H))
    for n in range(N):
        for j in range(H):
            a = np.dot(x[n], Wx[:, j]) + np.dot(prev_h[n], Wh[:, j]) + b[j]
            next_h[n, j] = math.tanh(a)   # math.tanh is exact at saturation too (+-1.0, never NaN)
    cache = (x, prev_h, Wx, Wh, next_h)
    return next_h, cache
