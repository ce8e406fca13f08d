"""Reference: convolution forward and backward as im2col + matrix products, one image at a time.

The forward pass is out_n = w_rows @ cols_n + b, where cols_n holds image n's windows as columns
(im2col) and w_rows the filters as rows. The backward pass differentiates that product:
dw_rows = sum over n of dout_n @ cols_n.T, dcols_n = w_rows.T @ dout_n, and dcols_n goes back to
the pixels it was copied from (col2im: a += per kernel offset, since windows overlap).
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _windows(x_pad, HH, WW, S):
    """windows[n, c, i, j, di, dj] = x_pad[n, c, i*S + di, j*S + dj] (a view, no copy)."""
    return sliding_window_view(x_pad, (HH, WW), axis=(2, 3))[:, :, ::S, ::S]


def conv_forward(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    windows = _windows(np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), mode="constant"), HH, WW, S)
    H_out, W_out = windows.shape[2], windows.shape[3]
    w_rows = w.reshape(F, C * HH * WW)
    cols = np.empty((C, HH, WW, H_out, W_out))
    out = np.empty((N, F, H_out * W_out))
    for n in range(N):
        cols[...] = windows[n].transpose(0, 3, 4, 1, 2)  # im2col of image n
        np.matmul(w_rows, cols.reshape(C * HH * WW, H_out * W_out), out=out[n])
    out += b[:, None]
    cache = (x, w, b, conv_param)
    return out.reshape(N, F, H_out, W_out), cache


def conv_backward(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), mode="constant")
    windows = _windows(x_pad, HH, WW, S)

    K = C * HH * WW
    w_rows = w.reshape(F, K)
    w_cols = np.ascontiguousarray(w_rows.T)  # (K, F)
    dout_rows = dout.reshape(N, F, H_out * W_out)
    db = dout_rows.sum(axis=(0, 2))
    dw_rows = np.zeros((F, K))
    dx_pad = np.zeros_like(x_pad)
    # Buffers filled once per image: the matrix products write into them (out=) instead of
    # allocating a fresh megabyte per image, whose first touch costs more than the arithmetic.
    cols = np.empty((C, HH, WW, H_out, W_out))
    dcols = np.empty((C, HH, WW, H_out, W_out))
    dw_n = np.empty((F, K))
    for n in range(N):
        cols[...] = windows[n].transpose(0, 3, 4, 1, 2)  # im2col of image n, as in the forward pass
        np.matmul(dout_rows[n], cols.reshape(K, H_out * W_out).T, out=dw_n)
        dw_rows += dw_n
        np.matmul(w_cols, dout_rows[n], out=dcols.reshape(K, H_out * W_out))
        # col2im: column entry (c, di, dj, i, j) was copied from x_pad[n, c, i*S + di, j*S + dj].
        # For a fixed kernel offset (di, dj) those pixels are distinct, so a sliced += is safe;
        # the overlaps of the windows add up across offsets.
        dx_n = dx_pad[n]
        for di in range(HH):
            for dj in range(WW):
                dx_n[:, di:di + S * H_out:S, dj:dj + S * W_out:S] += dcols[:, di, dj]
    # The padding is not an input: strip it (this also works when P is 0).
    dx = dx_pad[:, :, P:P + H, P:P + W]
    return np.ascontiguousarray(dx), dw_rows.reshape(w.shape), db
