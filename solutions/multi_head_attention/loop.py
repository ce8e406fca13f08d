"""Reference: multi-head self-attention one batch element, one head and one query at a time.

The projections are one matmul each (a loop over the tokens would only hide them); the heads and the
queries are looped over, as one explains it on a whiteboard.
"""
import math

import numpy as np


def multi_head_attention(x, w_qkv, b_qkv, w_out, b_out, num_heads, causal=False):
    B, T, E = x.shape
    H = num_heads
    d = E // H
    out = np.zeros((B, T, E))
    for b in range(B):
        qkv = x[b] @ w_qkv + b_qkv                       # (T, 3E): q | k | v
        q, k, v = qkv[:, :E], qkv[:, E:2 * E], qkv[:, 2 * E:]
        concat = np.zeros((T, E))
        for h in range(H):
            cols = slice(h * d, (h + 1) * d)             # this head's columns of q, k and v
            for t in range(T):
                keys = range(t + 1) if causal else range(T)
                scores = [float(np.dot(q[t, cols], k[j, cols])) / math.sqrt(d) for j in keys]
                m = max(scores)
                e = [math.exp(s - m) for s in scores]
                total = sum(e)
                for j, weight in zip(keys, e):
                    concat[t, cols] += (weight / total) * v[j, cols]
        out[b] = concat @ w_out + b_out
    return out
