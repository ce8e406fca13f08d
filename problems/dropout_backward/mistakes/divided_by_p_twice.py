import numpy as np


def dropout_backward(dout, cache):
    dropout_param, mask = cache
    if dropout_param["mode"] == "train":
        return dout * mask / dropout_param["p"]   # the mistake: mask already holds the 1/p
    return dout
