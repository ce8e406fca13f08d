"""Reference: attention backward, batched matmuls.

Forward: S = q @ k^T / sqrt(d) (blocked entries -inf), P = softmax(S) over the keys, out = P @ v.
Backward, one matmul per edge of that graph; the softmax's Jacobian diag(p) - p p^T is applied row
by row without ever being built: dS = P * (dP - sum(P * dP, over the keys)).
"""
import numpy as np


def attention_forward(q, k, v, mask=None):
    d = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)          # True = may attend
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)                              # blocked keys: exactly 0
    weights /= weights.sum(axis=-1, keepdims=True)
    out = weights @ v
    cache = (q, k, v, mask, weights)
    return out, cache


def attention_backward(dout, cache):
    q, k, v, mask, weights = cache
    d = q.shape[-1]
    dv = np.swapaxes(weights, -1, -2) @ dout              # out = P @ v          -> (B, Tk, dv)
    dweights = dout @ np.swapaxes(v, -1, -2)              #                      -> (B, Tq, Tk)
    # softmax backward per query row; blocked keys have P = 0, so their dS is exactly 0 (the mask
    # needs no special handling here)
    dscores = weights * (dweights - (weights * dweights).sum(axis=-1, keepdims=True))
    dscores /= np.sqrt(d)                                 # S = q @ k^T / sqrt(d)
    dq = dscores @ k                                      # (B, Tq, d)
    dk = np.swapaxes(dscores, -1, -2) @ q                 # (B, Tk, d)
    return dq, dk, dv
