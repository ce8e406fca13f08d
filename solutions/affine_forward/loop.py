"""Reference: the affine layer on a whiteboard, one example and one output unit at a time.

    out[n, m] = sum_j x[n].ravel()[j] * w[j, m] + b[m]

Each example x[n] (any shape) is read as one flat row-major vector of D numbers.
"""
import numpy as np


def affine_forward(x, w, b):
    N = x.shape[0]
    D, M = w.shape
    out = np.empty((N, M))
    for n in range(N):
        row = x[n].reshape(D)                 # row-major: the last axis varies fastest
        for m in range(M):
            out[n, m] = np.dot(row, w[:, m]) + b[m]   # one output unit: a dot product plus its bias
    cache = (x, w, b)
    return out, cache
