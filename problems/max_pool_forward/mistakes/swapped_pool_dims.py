import numpy as np


def max_pool_forward(x, pool_param):
    N, C, H, W = x.shape
    # the mistake: pool_height and pool_width read the wrong way round
    pw, ph, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out, W_out = 1 + (H - ph) // S, 1 + (W - pw) // S
    out = np.empty((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            out[:, :, i, j] = x[:, :, i * S:i * S + ph, j * S:j * S + pw].max(axis=(2, 3))
    return out, (x, pool_param)
