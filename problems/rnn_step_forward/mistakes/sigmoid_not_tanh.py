import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    a = x @ Wx + prev_h @ Wh + b
    next_h = 0.5 * (1.0 + np.tanh(0.5 * a))          # the mistake: a sigmoid (written stably), not tanh
    return next_h, (x, prev_h, Wx, Wh, next_h)
