"""Reference: convolution forward as im2col + matrix products, one image at a time.

Every output pixel is one window of the padded input dotted with one filter. Lay the windows of an
image out as the columns of a matrix (im2col) and the filters as the rows of another: the whole
layer is then a matrix product, which BLAS runs near this machine's peak. One image at a time keeps
the column matrix small enough to stay in cache between the copy that fills it and the product.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv_forward(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), mode="constant")

    # windows[n, c, i, j, di, dj] = x_pad[n, c, i*S + di, j*S + dj]: a read-only view, no copy.
    # Taking every S-th window start keeps exactly 1 + (H + 2P - HH) // S of them (the floor).
    windows = sliding_window_view(x_pad, (HH, WW), axis=(2, 3))[:, :, ::S, ::S]
    H_out, W_out = windows.shape[2], windows.shape[3]

    w_rows = w.reshape(F, C * HH * WW)          # one filter per row, in (c, di, dj) order
    cols = np.empty((C, HH, WW, H_out, W_out))  # one window per column, same (c, di, dj) order
    out = np.empty((N, F, H_out * W_out))
    for n in range(N):
        cols[...] = windows[n].transpose(0, 3, 4, 1, 2)  # im2col: copy image n's windows in
        np.matmul(w_rows, cols.reshape(C * HH * WW, H_out * W_out), out=out[n])
    out += b[:, None]

    cache = (x, w, b, conv_param)
    return out.reshape(N, F, H_out, W_out), cache
