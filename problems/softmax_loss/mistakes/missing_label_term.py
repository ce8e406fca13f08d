import numpy as np


def softmax_loss(x, y):
    N = x.shape[0]
    shifted = x - x.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(N), y].mean()
    dx = np.exp(log_p) / N                          # the mistake: the -1 at the label is missing
    return loss, dx
