"""Reference: convolution forward and backward as im2col + matrix products, one image at a time.

The forward pass is out_n = w_rows @ cols_n + b, where cols_n holds image n's windows as columns
(im2col) and w_rows the filters as rows. The backward pass differentiates that product:
dw_rows = sum over n of dout_n @ cols_n.T (computed as its transpose, cols_n @ dout_n.T: the
same arithmetic, ~20% faster with OpenBLAS at a real layer's sizes), and
dcols_n = w_rows.T @ dout_n goes back to the pixels it was copied from (col2im). That last step is
done one kernel offset (di, dj) at a time: the rows of dcols_n for that offset are
w[:, :, di, dj].T @ dout_n, and they all land on distinct pixels, so one sliced += places them;
the windows' overlaps add up across offsets.
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
    w_offsets = np.ascontiguousarray(w.transpose(2, 3, 1, 0))  # w_offsets[di, dj] = w[:, :, di, dj].T, (C, F)
    dout_rows = dout.reshape(N, F, H_out * W_out)
    db = dout_rows.sum(axis=(0, 2))
    dw_cols = np.zeros((K, F))  # dw_rows.T
    dx_pad = np.zeros_like(x_pad)
    # Buffers filled once per image: the matrix products write into them (out=) instead of
    # allocating a fresh megabyte per image, whose first touch costs more than the arithmetic.
    cols = np.empty((C, HH, WW, H_out, W_out))
    dw_n = np.empty((K, F))
    dx_offset = np.empty((C, H_out, W_out))
    for n in range(N):
        cols[...] = windows[n].transpose(0, 3, 4, 1, 2)  # im2col of image n, as in the forward pass
        np.matmul(cols.reshape(K, H_out * W_out), dout_rows[n].T, out=dw_n)
        dw_cols += dw_n
        # col2im, one kernel offset at a time: column entry (c, di, dj, i, j) was copied from
        # x_pad[n, c, i*S + di, j*S + dj]; for a fixed (di, dj) those pixels are distinct.
        dx_n = dx_pad[n]
        for di in range(HH):
            for dj in range(WW):
                np.matmul(w_offsets[di, dj], dout_rows[n], out=dx_offset.reshape(C, H_out * W_out))
                dx_n[:, di:di + S * H_out:S, dj:dj + S * W_out:S] += dx_offset
    # The padding is not an input: strip it (this also works when P is 0).
    dx = dx_pad[:, :, P:P + H, P:P + W]
    return np.ascontiguousarray(dx), np.ascontiguousarray(dw_cols.T).reshape(w.shape), db
