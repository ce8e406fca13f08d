"""drill: attention_forward — scaled dot-product attention, forward pass.

Run `drill check attention_forward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def attention_forward(q, k, v, mask=None):
    """
    Scaled dot-product attention.

    Inputs:
    - q: Queries of shape (B, Tq, d), float64.
    - k: Keys of shape (B, Tk, d), float64.
    - v: Values of shape (B, Tk, dv), float64.
    - mask: None, or a bool array broadcastable to (B, Tq, Tk): mask[b, i, j] is True when query i
      of batch element b MAY attend to key j (as torch's scaled_dot_product_attention). Every query
      has at least one key it may attend to.

    Returns a tuple of:
    - out: Array of shape (B, Tq, dv): for each query, the average of the value vectors weighted by
      softmax(q @ k^T / sqrt(d)) over the keys; blocked keys get weight exactly 0.
    - cache: Anything you like (what a backward pass would need); not judged.

    Do not modify q, k, v or mask.
    """
    raise NotImplementedError("attention_forward: what shape do the scores have, and over which axis is the softmax?")
