import numpy as np


def word_embedding_backward(dout, cache):
    x, W = cache
    dW = np.zeros_like(W)
    np.add.at(dW, x, dout)
    return dW / x.shape[0]   # the mistake: divided by the batch size N
