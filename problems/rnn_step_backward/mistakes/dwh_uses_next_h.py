import numpy as np


def rnn_step_backward(dnext_h, cache):
    x, prev_h, Wx, Wh, next_h = cache
    da = dnext_h * (1.0 - next_h ** 2)
    dWh = next_h.T @ da                   # the mistake: Wh multiplied prev_h, not next_h
    return da @ Wx.T, da @ Wh.T, x.T @ da, dWh, da.sum(axis=0)
