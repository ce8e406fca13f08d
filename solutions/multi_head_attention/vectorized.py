"""Reference: multi-head self-attention, all heads at once with reshapes and batched matmuls.

Equal to PyTorch's F.multi_head_attention_forward on x.transpose(1, 0, 2) with in_proj_weight = w_qkv.T,
out_proj_weight = w_out.T (PyTorch's Linear stores weights as (out, in); here they are (in, out)).
"""
import numpy as np


def multi_head_attention(x, w_qkv, b_qkv, w_out, b_out, num_heads, causal=False):
    B, T, E = x.shape
    H = num_heads
    d = E // H
    qkv = x @ w_qkv + b_qkv                               # (B, T, 3E)
    q, k, v = np.split(qkv, 3, axis=-1)                   # each (B, T, E), in that order

    def split_heads(t):
        # head h owns the contiguous columns h*d:(h+1)*d -> (B, H, T, d)
        return t.reshape(B, T, H, d).transpose(0, 2, 1, 3)

    q, k, v = split_heads(q), split_heads(k), split_heads(v)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)     # (B, H, T, T), scaled by the head width
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)   # query t: keys <= t
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    heads = weights @ v                                   # (B, H, T, d)
    concat = heads.transpose(0, 2, 1, 3).reshape(B, T, E) # heads side by side, in order
    return concat @ w_out + b_out
