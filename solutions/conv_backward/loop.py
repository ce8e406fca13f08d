"""Reference: naive convolution forward and backward — loops, what one writes on a whiteboard."""
import numpy as np


def conv_forward(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    H_out = 1 + (H + 2 * P - HH) // S
    W_out = 1 + (W + 2 * P - WW) // S
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), mode="constant")

    out = np.zeros((N, F, H_out, W_out))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    window = x_pad[n, :, i * S:i * S + HH, j * S:j * S + WW]
                    out[n, f, i, j] = np.sum(window * w[f]) + b[f]

    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), mode="constant")

    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    # out[n, f, i, j] = b[f] + sum(window * w[f]), so each output sends dout[n, f, i, j] back to
    # b[f] (times 1), to w[f] (times its window) and to its window (times w[f]).
    db = np.sum(dout, axis=(0, 2, 3))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    hs, ws = i * S, j * S
                    g = dout[n, f, i, j]
                    dw[f] += x_pad[n, :, hs:hs + HH, ws:ws + WW] * g
                    # +=, not =: when stride < kernel the windows overlap and an input pixel
                    # receives a gradient from every window (and every filter) that saw it.
                    dx_pad[n, :, hs:hs + HH, ws:ws + WW] += w[f] * g

    # The padding is not an input: strip it. Rows/columns no window reached keep a zero gradient.
    dx = dx_pad[:, :, P:P + H, P:P + W]
    return dx, dw, db
