import numpy as np


def relu_backward(dout, cache):
    x = cache
    return dout * (x >= 0)                 # the mistake: 1 at x = 0
