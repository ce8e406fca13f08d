import numpy as np


def attention_backward(dout, cache):
    q, k, v, mask, weights = cache
    dv = np.swapaxes(weights, -1, -2) @ dout
    dweights = dout @ np.swapaxes(v, -1, -2)
    dscores = weights * (dweights - (weights * dweights).sum(axis=-1, keepdims=True))
    # the mistake: no 1 / sqrt(d), the scale of the forward scores is forgotten
    return dscores @ k, np.swapaxes(dscores, -1, -2) @ q, dv
