import numpy as np


def max_pool_backward(dout, cache):
    x, pool_param = cache
    ph, pw, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    _, _, H_out, W_out = dout.shape
    dx = np.zeros_like(x)
    for i in range(H_out):
        for j in range(W_out):
            window = x[:, :, i * S:i * S + ph, j * S:j * S + pw]
            # the mistake: every element equal to the maximum gets the gradient, not only the first
            mask = window == window.max(axis=(2, 3), keepdims=True)
            dx[:, :, i * S:i * S + ph, j * S:j * S + pw] += mask * dout[:, :, i, j][:, :, None, None]
    return dx
