import numpy as np


def multi_head_attention(x, w_qkv, b_qkv, w_out, b_out, num_heads, causal=False):
    B, T, E = x.shape
    H = num_heads
    d = E // H
    q, k, v = np.split(x @ w_qkv + b_qkv, 3, axis=-1)

    def split_heads(t):
        # the mistake: (B, T, d, H), so head h takes the interleaved columns h, h + H, h + 2H, ...
        return t.reshape(B, T, d, H).transpose(0, 3, 1, 2)

    q, k, v = split_heads(q), split_heads(k), split_heads(v)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    heads = w @ v                                          # (B, H, T, d)
    concat = heads.transpose(0, 2, 3, 1).reshape(B, T, E)  # put back the same interleaved way
    return concat @ w_out + b_out
