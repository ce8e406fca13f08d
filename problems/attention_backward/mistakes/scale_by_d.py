import numpy as np


def attention_backward(dout, cache):
    q, k, v, mask, weights = cache
    d = q.shape[-1]
    dv = np.swapaxes(weights, -1, -2) @ dout
    dweights = dout @ np.swapaxes(v, -1, -2)
    dscores = weights * (dweights - (weights * dweights).sum(axis=-1, keepdims=True))
    dscores = dscores / d                                 # the mistake: 1 / d where the forward has 1 / sqrt(d)
    return dscores @ k, np.swapaxes(dscores, -1, -2) @ q, dv
