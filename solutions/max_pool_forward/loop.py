"""Reference: max pooling forward with explicit loops — what one writes on a whiteboard."""
import numpy as np


def max_pool_forward(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out = 1 + (H - ph) // S   # the floor drops windows that would run past the border
    W_out = 1 + (W - pw) // S

    out = np.empty((N, C, H_out, W_out))
    for n in range(N):
        for c in range(C):              # each channel is pooled on its own
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * S:i * S + ph, j * S:j * S + pw]
                    out[n, c, i, j] = window.max()

    cache = (x, pool_param)
    return out, cache
