"""Reference: the affine layer as one matrix product."""
import numpy as np


def affine_forward(x, w, b):
    # Keep the batch axis, flatten everything else (row-major): (N, d_1, ..., d_k) -> (N, D).
    x2 = x.reshape(x.shape[0], -1)
    out = x2 @ w + b                          # (N, D) @ (D, M) + (M,) broadcast over the rows
    cache = (x, w, b)                         # the original x: its shape is needed for dx
    return out, cache
