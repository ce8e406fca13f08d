"""Reference: backward pass of one vanilla RNN step, one sample and one hidden unit at a time.

For sample n and unit j the forward pass computed
    a[n, j] = sum_d x[n, d] Wx[d, j] + sum_k prev_h[n, k] Wh[k, j] + b[j],   next_h[n, j] = tanh(a[n, j]).
So da[n, j] = dnext_h[n, j] * (1 - next_h[n, j]**2), and da[n, j] flows back to every term of that sum:
x[n, d] gets Wx[d, j] * da, Wx[d, j] gets x[n, d] * da, prev_h[n, k] gets Wh[k, j] * da, and so on.
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
            next_h[n, j] = math.tanh(a)
    cache = (x, prev_h, Wx, Wh, next_h)
    return next_h, cache


def rnn_step_backward(dnext_h, cache):
    x, prev_h, Wx, Wh, next_h = cache
    N, H = dnext_h.shape
    dx, dprev_h = np.zeros_like(x), np.zeros_like(prev_h)
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros(H)
    for n in range(N):
        for j in range(H):
            da = dnext_h[n, j] * (1.0 - next_h[n, j] ** 2)
            db[j] += da
            dx[n] += Wx[:, j] * da           # every x[n, d] met Wx[d, j] in unit j
            dWx[:, j] += x[n] * da
            dprev_h[n] += Wh[:, j] * da      # every prev_h[n, k] met Wh[k, j]
            dWh[:, j] += prev_h[n] * da
    return dx, dprev_h, dWx, dWh, db
