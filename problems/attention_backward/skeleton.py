"""drill: attention_backward — scaled dot-product attention, backward pass.

Run `drill check attention_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

attention_forward below is provided and works; attention_backward is yours. You may replace
attention_forward too (and its cache), as long as it computes the same `out`: the judge runs your
attention_forward, then your attention_backward on its cache.
"""
import numpy as np


def attention_forward(q, k, v, mask=None):
    """
    Scaled dot-product attention, forward pass (provided).

    Inputs:
    - q: Queries of shape (B, Tq, d), float64.
    - k: Keys of shape (B, Tk, d).
    - v: Values of shape (B, Tk, dv).
    - mask: None, or a bool array broadcastable to (B, Tq, Tk); True = the query may attend to the key.

    Returns a tuple of:
    - out: Array of shape (B, Tq, dv): weights @ v.
    - cache: The tuple (q, k, v, mask, weights) where weights, of shape (B, Tq, Tk), is the softmax
      over the keys of q @ k^T / sqrt(d), with blocked keys at exactly 0.
    """
    d = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=-1, keepdims=True)
    out = weights @ v
    cache = (q, k, v, mask, weights)
    return out, cache


def attention_backward(dout, cache):
    """
    Scaled dot-product attention, backward pass.

    Inputs:
    - dout: Upstream gradient dL/dout, of shape (B, Tq, dv).
    - cache: What attention_forward returned: (q, k, v, mask, weights), see above.

    Returns a tuple of:
    - dq: Gradient with respect to q, of shape (B, Tq, d).
    - dk: Gradient with respect to k, of shape (B, Tk, d).
    - dv: Gradient with respect to v, of shape (B, Tk, dv).

    The mask is a constant (no gradient). Do not modify dout or the arrays in cache.
    """
    raise NotImplementedError("attention_backward: start with dv, the easiest of the three")
