"""Reference: convolution forward and backward with strided window views and tensordot."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _windows(x_pad, HH, WW, S):
    """windows[n, c, i, j, di, dj] = x_pad[n, c, i*S + di, j*S + dj] (a view, no copy)."""
    return sliding_window_view(x_pad, (HH, WW), axis=(2, 3))[:, :, ::S, ::S]


def conv_forward(x, w, b, conv_param):
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), mode="constant")
    # Contract channels and kernel axes: (N, H', W', F) -> (N, F, H', W').
    out = np.tensordot(_windows(x_pad, HH, WW, S), w, axes=([1, 4, 5], [1, 2, 3])).transpose(0, 3, 1, 2)
    out = out + b[None, :, None, None]
    cache = (x, w, b, conv_param)
    return np.ascontiguousarray(out), cache


def conv_backward(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), mode="constant")

    db = dout.sum(axis=(0, 2, 3))
    # dw[f, c, di, dj] = sum over n, i, j of windows[n, c, i, j, di, dj] * dout[n, f, i, j].
    dw = np.tensordot(dout, _windows(x_pad, HH, WW, S), axes=([0, 2, 3], [0, 2, 3]))  # (F, C, HH, WW)

    # dx: loop over the HH*WW kernel offsets instead of the windows. For a fixed offset (di, dj)
    # the outputs read the strided grid x_pad[:, :, di + S*i, dj + S*j], each pixel at most once,
    # so a sliced += is safe; overlapping windows are summed across offsets.
    dx_pad = np.zeros_like(x_pad)
    for di in range(HH):
        for dj in range(WW):
            # (N, F, H', W') x (F, C) -> (N, H', W', C) -> (N, C, H', W')
            g = np.tensordot(dout, w[:, :, di, dj], axes=([1], [0])).transpose(0, 3, 1, 2)
            dx_pad[:, :, di:di + S * H_out:S, dj:dj + S * W_out:S] += g
    dx = dx_pad[:, :, P:P + H, P:P + W]
    return np.ascontiguousarray(dx), dw, db
