"""Reference: word embedding backward with an unbuffered scatter-add.

out[n, t] = W[x[n, t]], so row v of W receives the sum of dout[n, t] over every position where
x[n, t] == v. A fancy-indexed `dW[x] += dout` is buffered: for an index that appears several
times it keeps one contribution. np.add.at is unbuffered: every occurrence adds.
"""
import numpy as np


def word_embedding_forward(x, W):
    out = W[x]                   # (N, T, D): one row of W per token
    cache = (x, W)
    return out, cache


def word_embedding_backward(dout, cache):
    x, W = cache
    dW = np.zeros_like(W)        # rows of words that never occur get exactly 0
    np.add.at(dW, x, dout)       # dW[x[n, t]] += dout[n, t] for every (n, t), repeats included
    return dW
