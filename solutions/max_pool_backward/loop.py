"""Reference: max pooling forward and backward with explicit loops.

Backward: out[n, c, i, j] is one element of its window (the first maximum in row-major order), so
dout[n, c, i, j] flows to that element only, with weight 1. Windows overlap when stride < pool:
an element that is the chosen maximum of several windows collects all their gradients (+=).
"""
import numpy as np


def max_pool_forward(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out = 1 + (H - ph) // S
    W_out = 1 + (W - pw) // S
    out = np.empty((N, C, H_out, W_out))
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    out[n, c, i, j] = x[n, c, i * S:i * S + ph, j * S:j * S + pw].max()
    cache = (x, pool_param)
    return out, cache


def max_pool_backward(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    _, _, H_out, W_out = dout.shape

    dx = np.zeros_like(x, dtype=np.float64)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * S:i * S + ph, j * S:j * S + pw]
                    # np.argmax scans the flattened (row-major) window and returns the FIRST maximum.
                    r, s = divmod(int(np.argmax(window)), pw)
                    dx[n, c, i * S + r, j * S + s] += dout[n, c, i, j]   # +=: windows may overlap
    return dx
