import numpy as np


def relu_backward(dout, cache):
    return np.maximum(0, dout)             # the mistake: masks by the sign of dout, not of x
