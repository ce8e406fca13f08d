import numpy as np


def max_pool_forward(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out, W_out = 1 + (H - ph) // S, 1 + (W - pw) // S
    out = np.empty((N, C, H_out, W_out))
    for n in range(N):
        for i in range(H_out):
            for j in range(W_out):
                # the mistake: one maximum over the whole (C, ph, pw) block, copied to every channel
                out[n, :, i, j] = np.max(x[n, :, i * S:i * S + ph, j * S:j * S + pw])
    return out, (x, pool_param)
