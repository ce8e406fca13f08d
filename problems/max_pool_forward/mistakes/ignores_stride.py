import numpy as np


def max_pool_forward(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out, W_out = 1 + (H - ph) // S, 1 + (W - pw) // S
    out = np.empty((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            # the mistake: the window starts at (i, j), not at (i * S, j * S)
            out[:, :, i, j] = x[:, :, i:i + ph, j:j + pw].max(axis=(2, 3))
    return out, (x, pool_param)
