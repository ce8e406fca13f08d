"""Reference: one LSTM step, all four gates from one matrix product.

a = x @ Wx + prev_h @ Wh + b is (N, 4H); its four column blocks of width H are the pre-activations
of the input, forget and output gates and of the candidate g, in that order (cs231n's i, f, o, g).
"""
import numpy as np


def sigmoid(a):
    """1 / (1 + exp(-a)) without overflow: exp is only ever taken of -|a| <= 0."""
    z = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    H = prev_h.shape[1]
    a = x @ Wx + prev_h @ Wh + b                  # (N, 4H)
    i = sigmoid(a[:, 0 * H:1 * H])                # input gate
    f = sigmoid(a[:, 1 * H:2 * H])                # forget gate
    o = sigmoid(a[:, 2 * H:3 * H])                # output gate
    g = np.tanh(a[:, 3 * H:4 * H])                # candidate cell values
    next_c = f * prev_c + i * g
    tanh_c = np.tanh(next_c)
    next_h = o * tanh_c
    cache = (x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c)
    return next_h, next_c, cache
