import numpy as np


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis)          # the mistake: no keepdims, so the sums broadcast along the wrong axis
