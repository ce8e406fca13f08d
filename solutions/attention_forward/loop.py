"""Reference: attention one query at a time, the whiteboard version.

For each batch element b and query i: score every allowed key j, softmax the scores, and average
the value vectors with those weights.
"""
import math

import numpy as np


def attention_forward(q, k, v, mask=None):
    B, Tq, d = q.shape
    Tk, dv = k.shape[1], v.shape[2]
    allowed = np.ones((B, Tq, Tk), dtype=bool) if mask is None else np.broadcast_to(mask, (B, Tq, Tk))
    weights = np.zeros((B, Tq, Tk))
    out = np.zeros((B, Tq, dv))
    for b in range(B):
        for i in range(Tq):
            keys = [j for j in range(Tk) if allowed[b, i, j]]          # at least one, by contract
            scores = [float(np.dot(q[b, i], k[b, j])) / math.sqrt(d) for j in keys]
            m = max(scores)
            e = [math.exp(s - m) for s in scores]
            total = sum(e)
            for j, value in zip(keys, e):                             # blocked keys keep weight 0
                weights[b, i, j] = value / total
                out[b, i] += weights[b, i, j] * v[b, j]
    cache = (q, k, v, mask, weights)
    return out, cache
