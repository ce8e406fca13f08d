import numpy as np


def softmax_loss(x, y):
    N = x.shape[0]
    shifted = x - x.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(N), y].sum()            # the mistake: summed, and dx not divided by N
    dx = np.exp(log_p)
    dx[np.arange(N), y] -= 1
    return loss, dx
