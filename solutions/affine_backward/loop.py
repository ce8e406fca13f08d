"""Reference: affine backward on a whiteboard, one (example, output unit) pair at a time.

Forward: out[n, m] = sum_j x2[n, j] * w[j, m] + b[m], with x2 = x flattened to (N, D).
Each out[n, m] passes dout[n, m] back to everything it used:
    b[m]     gets dout[n, m]
    w[:, m]  gets dout[n, m] * x2[n, :]
    x2[n, :] gets dout[n, m] * w[:, m]
and a value used several times receives the sum of its contributions.
"""
import numpy as np


def affine_forward(x, w, b):
    N = x.shape[0]
    D, M = w.shape
    out = np.empty((N, M))
    for n in range(N):
        row = x[n].reshape(D)
        for m in range(M):
            out[n, m] = np.dot(row, w[:, m]) + b[m]
    cache = (x, w, b)
    return out, cache


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    D, M = w.shape
    x2 = x.reshape(N, D)
    dx2 = np.zeros((N, D))
    dw = np.zeros((D, M))
    db = np.zeros(M)
    for n in range(N):
        for m in range(M):
            g = dout[n, m]
            db[m] += g
            dw[:, m] += g * x2[n]
            dx2[n] += g * w[:, m]
    dx = dx2.reshape(x.shape)             # back to the shape of the original input
    return dx, dw, db
