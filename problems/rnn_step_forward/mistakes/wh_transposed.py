import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    next_h = np.tanh(x @ Wx + prev_h @ Wh.T + b)   # the mistake: Wh.T (PyTorch's weight_hh layout)
    return next_h, (x, prev_h, Wx, Wh, next_h)
