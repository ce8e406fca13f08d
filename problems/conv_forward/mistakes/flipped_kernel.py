import numpy as np


def conv_forward(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    w_flipped = w[:, :, ::-1, ::-1]  # true convolution: the kernel turned by 180 degrees
    H_out, W_out = 1 + (H + 2 * P - HH) // S, 1 + (W + 2 * P - WW) // S
    out = np.zeros((N, F, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = x_pad[:, :, i * S:i * S + HH, j * S:j * S + WW]
            out[:, :, i, j] = np.tensordot(window, w_flipped, axes=([1, 2, 3], [1, 2, 3])) + b
    return out, (x, w, b, conv_param)
