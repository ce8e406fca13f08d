import numpy as np


def softmax(x, axis=-1):
    e = np.exp(x)                        # the mistake: no shift, exp overflows above ~709.78
    return e / e.sum(axis=axis, keepdims=True)
