import numpy as np


def max_pool_backward(dout, cache):
    x, pool_param = cache
    N, C, _, _ = x.shape
    ph, pw, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    _, _, H_out, W_out = dout.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * S:i * S + ph, j * S:j * S + pw]
                    # the mistake: the LAST maximum in row-major order (a `>=` scan) gets the gradient
                    flat = window.size - 1 - int(np.argmax(window.ravel()[::-1]))
                    r, s = divmod(flat, pw)
                    dx[n, c, i * S + r, j * S + s] += dout[n, c, i, j]
    return dx
