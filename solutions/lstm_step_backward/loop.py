"""Reference: backward pass of one LSTM step, one sample and one hidden unit at a time.

Unit j of sample n used four pre-activations a[n, k*H + j] (k = 0..3 for i, f, o, g), each a sum
over x[n, :] and prev_h[n, :]; its gradient flows back into both rows and into column k*H + j of
Wx, Wh and b.
"""
import math

import numpy as np


def _sigmoid(a):
    if a >= 0:
        return 1.0 / (1.0 + math.exp(-a))
    e = math.exp(a)
    return e / (1.0 + e)


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    N, H = prev_h.shape
    next_h, next_c = np.empty((N, H)), np.empty((N, H))
    i, f, o, g, tanh_c = (np.empty((N, H)) for _ in range(5))
    for n in range(N):
        for j in range(H):
            pre = [np.dot(x[n], Wx[:, k * H + j]) + np.dot(prev_h[n], Wh[:, k * H + j]) + b[k * H + j]
                   for k in range(4)]
            i[n, j], f[n, j], o[n, j] = _sigmoid(pre[0]), _sigmoid(pre[1]), _sigmoid(pre[2])
            g[n, j] = math.tanh(pre[3])
            next_c[n, j] = f[n, j] * prev_c[n, j] + i[n, j] * g[n, j]
            tanh_c[n, j] = math.tanh(next_c[n, j])
            next_h[n, j] = o[n, j] * tanh_c[n, j]
    cache = (x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c)
    return next_h, next_c, cache


def lstm_step_backward(dnext_h, dnext_c, cache):
    x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c = cache
    N, H = dnext_h.shape
    dx, dprev_h, dprev_c = np.zeros_like(x), np.zeros_like(prev_h), np.zeros_like(prev_c)
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros(4 * H)
    for n in range(N):
        for j in range(H):
            I, F, O, G, T = i[n, j], f[n, j], o[n, j], g[n, j], tanh_c[n, j]
            # the cell: its own upstream gradient plus the path through next_h = o * tanh(c)
            dc = dnext_c[n, j] + dnext_h[n, j] * O * (1.0 - T * T)
            dprev_c[n, j] = dc * F
            # each gate's pre-activation, through its own nonlinearity
            da = (dc * G * I * (1.0 - I),                  # i: c = f*prev_c + i*g
                  dc * prev_c[n, j] * F * (1.0 - F),       # f
                  dnext_h[n, j] * T * O * (1.0 - O),       # o: h = o*tanh(c)
                  dc * I * (1.0 - G * G))                  # g
            for k in range(4):
                col = k * H + j
                db[col] += da[k]
                dx[n] += Wx[:, col] * da[k]
                dWx[:, col] += x[n] * da[k]
                dprev_h[n] += Wh[:, col] * da[k]
                dWh[:, col] += prev_h[n] * da[k]
    return dx, dprev_h, dprev_c, dWx, dWh, db
