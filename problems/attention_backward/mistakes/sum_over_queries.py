import numpy as np


def attention_backward(dout, cache):
    q, k, v, mask, weights = cache
    d = q.shape[-1]
    dv = np.swapaxes(weights, -1, -2) @ dout
    dweights = dout @ np.swapaxes(v, -1, -2)
    # the mistake: the softmax's sum taken over the queries (axis 1), not over the keys of each row
    dscores = weights * (dweights - (weights * dweights).sum(axis=1, keepdims=True)) / np.sqrt(d)
    return dscores @ k, np.swapaxes(dscores, -1, -2) @ q, dv
