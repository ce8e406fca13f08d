import numpy as np


def word_embedding_backward(dout, cache):
    x, W = cache
    D = W.shape[1]
    dW = np.zeros_like(W)
    # the mistake: indices flattened time-major (x.T) but dout flattened batch-major
    np.add.at(dW, x.T.reshape(-1), dout.reshape(-1, D))
    return dW
