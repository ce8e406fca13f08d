"""Reference: word embedding backward, one token at a time.

Each position (n, t) copied row x[n, t] of W into out[n, t]; its upstream gradient goes back to that
row, and a word used at several positions collects the sum.
"""
import numpy as np


def word_embedding_forward(x, W):
    N, T = x.shape
    out = np.empty((N, T, W.shape[1]))
    for n in range(N):
        for t in range(T):
            out[n, t] = W[x[n, t]]
    cache = (x, W)
    return out, cache


def word_embedding_backward(dout, cache):
    x, W = cache
    N, T = x.shape
    dW = np.zeros_like(W)
    for n in range(N):
        for t in range(T):
            dW[x[n, t]] += dout[n, t]     # +=: the same word may appear at many positions
    return dW
