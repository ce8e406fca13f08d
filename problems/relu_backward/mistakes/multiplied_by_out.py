import numpy as np


def relu_backward(dout, cache):
    x = cache
    return dout * np.maximum(0, x)         # the mistake: the value of ReLU, not its slope
