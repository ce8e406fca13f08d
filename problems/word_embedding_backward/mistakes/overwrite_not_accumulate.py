import numpy as np


def word_embedding_backward(dout, cache):
    x, W = cache
    dW = np.zeros_like(W)
    dW[x] += dout            # the mistake: buffered fancy indexing, a repeated word keeps one gradient
    return dW
