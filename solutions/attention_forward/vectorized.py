"""Reference: scaled dot-product attention, batched with matmul and broadcasting.

    scores  = q @ k^T / sqrt(d)                       (B, Tq, Tk)
    weights = softmax(scores over the keys), blocked keys at exactly 0
    out     = weights @ v                             (B, Tq, dv)
"""
import numpy as np


def attention_forward(q, k, v, mask=None):
    d = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)      # (B, Tq, Tk): every query against every key
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)          # True = may attend; broadcasts over B (or Tq)
    scores = scores - scores.max(axis=-1, keepdims=True)  # stable softmax; each row has an allowed key
    weights = np.exp(scores)                              # exp(-inf) = 0: blocked keys get exactly 0
    weights /= weights.sum(axis=-1, keepdims=True)
    out = weights @ v                                     # (B, Tq, dv)
    cache = (q, k, v, mask, weights)
    return out, cache
