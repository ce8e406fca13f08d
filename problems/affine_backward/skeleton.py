"""drill: affine_backward — a fully connected layer, backward pass.

Run `drill check affine_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

affine_forward below is provided and works; affine_backward is yours. You may replace affine_forward
too (and its cache), as long as it computes the same `out`: the judge runs your affine_forward, then
your affine_backward on its cache, and judges out, dx, dw and db.
"""
import numpy as np


def affine_forward(x, w, b):
    """
    Computes the forward pass for an affine (fully connected) layer (provided).

    Inputs:
    - x: Input data of shape (N, d_1, ..., d_k); each example is flattened (row-major) to D numbers.
    - w: Weights of shape (D, M).
    - b: Biases of shape (M,).

    Returns a tuple of:
    - out: Output of shape (N, M).
    - cache: The tuple (x, w, b).
    """
    out = x.reshape(x.shape[0], -1) @ w + b
    cache = (x, w, b)
    return out, cache


def affine_backward(dout, cache):
    """
    Computes the backward pass for an affine (fully connected) layer.

    Inputs:
    - dout: Upstream derivative dL/dout, of shape (N, M).
    - cache: What affine_forward returned: the tuple (x, w, b) with
      - x: Input data, of shape (N, d_1, ..., d_k)
      - w: Weights, of shape (D, M)
      - b: Biases, of shape (M,)

    Returns a tuple of:
    - dx: Gradient with respect to x, of shape (N, d_1, ..., d_k).
    - dw: Gradient with respect to w, of shape (D, M).
    - db: Gradient with respect to b, of shape (M,).

    Do not modify dout or the arrays in cache.
    """
    raise NotImplementedError("affine_backward: write down the shapes of dout, w and the flattened x first")
