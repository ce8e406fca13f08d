"""Reference: one LSTM step, one sample and one hidden unit at a time.

Unit j of sample n reads four pre-activations, one from each column block of a = x @ Wx + prev_h @ Wh + b:
column j (input gate i), H + j (forget gate f), 2H + j (output gate o) and 3H + j (candidate g).
"""
import math

import numpy as np


def _sigmoid(a):
    if a >= 0:
        return 1.0 / (1.0 + math.exp(-a))
    e = math.exp(a)               # a < 0: exp(a) < 1, no overflow (math.exp(1000) would raise)
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
