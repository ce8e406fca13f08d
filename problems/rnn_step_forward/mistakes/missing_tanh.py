import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    next_h = x @ Wx + prev_h @ Wh + b               # the mistake: the pre-activation, no tanh
    return next_h, (x, prev_h, Wx, Wh, next_h)
