"""Reference: the naive convolution forward pass — four loops, what one writes on a whiteboard."""
import numpy as np


def conv_forward(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]

    # Floor: a window that would run past the padded border is dropped.
    H_out = 1 + (H + 2 * P - HH) // S
    W_out = 1 + (W + 2 * P - WW) // S

    # Zero padding on both sides of the two spatial axes only (np.pad returns a copy: x is untouched).
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), mode="constant")

    out = np.zeros((N, F, H_out, W_out))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    # Cross-correlation: window element (di, dj) meets w[f, :, di, dj] (no flip).
                    window = x_pad[n, :, i * S:i * S + HH, j * S:j * S + WW]   # (C, HH, WW)
                    out[n, f, i, j] = np.sum(window * w[f]) + b[f]

    cache = (x, w, b, conv_param)
    return out, cache
