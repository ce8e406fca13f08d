import numpy as np


def multi_head_attention(x, w_qkv, b_qkv, w_out, b_out, num_heads, causal=False):
    B, T, E = x.shape
    H = num_heads
    d = E // H
    q, k, v = (t.reshape(B, T, H, d).transpose(0, 2, 1, 3) for t in np.split(x @ w_qkv + b_qkv, 3, axis=-1))
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
    if causal:   # the mistake: triu, so query t sees keys t..T-1 (the future) instead of 0..t
        scores = np.where(np.triu(np.ones((T, T), dtype=bool)), scores, -np.inf)
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ v).transpose(0, 2, 1, 3).reshape(B, T, E) @ w_out + b_out
