import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    next_h = np.tanh(x @ Wx + prev_h @ Wh) + b      # the mistake: b added after the nonlinearity
    return next_h, (x, prev_h, Wx, Wh, next_h)
