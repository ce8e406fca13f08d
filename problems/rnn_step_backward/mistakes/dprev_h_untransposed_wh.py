import numpy as np


def rnn_step_backward(dnext_h, cache):
    x, prev_h, Wx, Wh, next_h = cache
    da = dnext_h * (1.0 - next_h ** 2)
    dprev_h = da @ Wh                     # the mistake: Wh where Wh.T belongs (it is square, so it runs)
    return da @ Wx.T, dprev_h, x.T @ da, prev_h.T @ da, da.sum(axis=0)
