"""Reference: a numerically stable softmax along any axis, by broadcasting.

softmax is unchanged when the same constant is subtracted from every entry of a slice, so subtract
each slice's maximum first: the largest exponent is then exp(0) = 1, nothing overflows, and the sum
is at least 1, so nothing divides by zero either.
"""
import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    shifted = x - x.max(axis=axis, keepdims=True)    # per-slice max; keepdims so it broadcasts back
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)
