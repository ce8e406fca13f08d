"""Reference: softmax one 1-D slice at a time, the way it is written on a whiteboard.

Move the softmax axis last, then for every other index: find the slice's max, exponentiate the
shifted entries, divide by their sum.
"""
import math

import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    moved = np.moveaxis(x, axis, -1)                 # a view: the softmax axis is now the last one
    p = np.empty(moved.shape)
    for index in np.ndindex(moved.shape[:-1]):
        row = moved[index]
        m = max(row)                                 # the slice's max (any shift would do mathematically;
        e = [math.exp(v - m) for v in row]           #  this one keeps every exponent <= 0)
        total = sum(e)
        for j, value in enumerate(e):
            p[index + (j,)] = value / total
    return np.moveaxis(p, -1, axis)
