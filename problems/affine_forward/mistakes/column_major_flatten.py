import numpy as np


def affine_forward(x, w, b):
    N = x.shape[0]
    out = x.reshape(N, -1, order="F") @ w + b   # the mistake: Fortran order lines features up wrongly
    return out, (x, w, b)
