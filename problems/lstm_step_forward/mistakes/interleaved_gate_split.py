import numpy as np


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    N, H = prev_h.shape
    a = (x @ Wx + prev_h @ Wh + b).reshape(N, H, 4)   # the mistake: (N, H, 4) interleaves the blocks
    i, f, o = sigmoid(a[..., 0]), sigmoid(a[..., 1]), sigmoid(a[..., 2])
    g = np.tanh(a[..., 3])
    next_c = f * prev_c + i * g
    tanh_c = np.tanh(next_c)
    return o * tanh_c, next_c, (x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c)
