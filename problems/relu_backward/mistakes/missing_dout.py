import numpy as np


def relu_backward(dout, cache):
    x = cache
    return (x > 0).astype(np.float64)      # the mistake: dout is never used
