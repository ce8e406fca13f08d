"""Reference: attention backward one query at a time, the whiteboard version.

For each batch element b and query i, the forward pass was
    s_j = q_i . k_j / sqrt(d) (allowed keys j),  p = softmax(s),  out_i = sum_j p_j v_j.
Walk it back: dv_j += p_j * dout_i;  dp_j = dout_i . v_j;  ds_j = p_j * (dp_j - sum_l p_l dp_l);
dq_i = sum_j ds_j k_j / sqrt(d);  dk_j += ds_j q_i / sqrt(d).
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
            keys = [j for j in range(Tk) if allowed[b, i, j]]
            scores = [float(np.dot(q[b, i], k[b, j])) / math.sqrt(d) for j in keys]
            m = max(scores)
            e = [math.exp(s - m) for s in scores]
            total = sum(e)
            for j, value in zip(keys, e):
                weights[b, i, j] = value / total
                out[b, i] += weights[b, i, j] * v[b, j]
    cache = (q, k, v, mask, weights)
    return out, cache


def attention_backward(dout, cache):
    q, k, v, mask, weights = cache
    B, Tq, d = q.shape
    dq, dk, dv = np.zeros(q.shape), np.zeros(k.shape), np.zeros(v.shape)
    for b in range(B):
        for i in range(Tq):
            p = weights[b, i]                                  # (Tk,): this query's weights, 0 where blocked
            dv[b] += np.outer(p, dout[b, i])                   # dv_j += p_j * dout_i
            dp = v[b] @ dout[b, i]                             # dp_j = dout_i . v_j
            ds = p * (dp - np.dot(p, dp)) / math.sqrt(d)       # softmax backward, then the scale
            dq[b, i] = ds @ k[b]                               # dq_i = sum_j ds_j k_j
            dk[b] += np.outer(ds, q[b, i])                     # dk_j += ds_j q_i
    return dq, dk, dv
