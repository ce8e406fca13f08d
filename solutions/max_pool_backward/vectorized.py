"""Reference: max pooling forward and backward with a strided window view.

Backward, vectorized: argmax over each flattened window gives the first maximum (row-major). Then
loop over the ph*pw offsets (di, dj) inside a window, not over the windows: for a fixed offset the
windows touch the strided grid x[:, :, di + S*i, dj + S*j], each element at most once, so a sliced
+= is safe, and windows that overlap add up across offsets.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _windows(x, ph, pw, S):
    """windows[n, c, i, j, di, dj] = x[n, c, i*S + di, j*S + dj] (a view, no copy)."""
    return sliding_window_view(x, (ph, pw), axis=(2, 3))[:, :, ::S, ::S]


def max_pool_forward(x, pool_param):
    ph, pw, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    out = _windows(x, ph, pw, S).max(axis=(4, 5))
    cache = (x, pool_param)
    return np.ascontiguousarray(out), cache


def max_pool_backward(dout, cache):
    x, pool_param = cache
    ph, pw, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    N, C, H_out, W_out = dout.shape
    windows = _windows(x, ph, pw, S).reshape(N, C, H_out, W_out, ph * pw)   # copies: a view cannot merge
    first = windows.argmax(axis=4)      # (N, C, H', W'): flat index of the first maximum of each window

    dx = np.zeros(x.shape)
    for k in range(ph * pw):
        di, dj = divmod(k, pw)
        # Windows whose first maximum sits at offset (di, dj) send their dout there.
        dx[:, :, di:di + S * H_out:S, dj:dj + S * W_out:S] += np.where(first == k, dout, 0.0)
    return dx
