"""drill: multi_head_attention — multi-head self-attention, forward pass.

Run `drill check multi_head_attention <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def multi_head_attention(x, w_qkv, b_qkv, w_out, b_out, num_heads, causal=False):
    """
    Multi-head self-attention.

    Inputs:
    - x: Input of shape (B, T, E), float64.
    - w_qkv: Input projection of shape (E, 3E); qkv = x @ w_qkv + b_qkv splits into q, k, v (in that
      order) along the last axis.
    - b_qkv: Its bias, of shape (3E,).
    - w_out: Output projection of shape (E, E), applied as concat @ w_out + b_out.
    - b_out: Its bias, of shape (E,).
    - num_heads: int H, dividing E; head h takes the contiguous columns h*d:(h+1)*d (d = E // H) of
      q, k and v, and its scores are scaled by 1/sqrt(d).
    - causal: bool; when True, query t may attend to keys 0..t only.

    Returns:
    - out: Array of shape (B, T, E): the heads' outputs concatenated in head order, then projected.

    Do not modify the inputs.
    """
    raise NotImplementedError("multi_head_attention: get one head right on one sequence first")
