"""drill: affine_forward — a fully connected layer, forward pass.

Run `drill check affine_forward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def affine_forward(x, w, b):
    """
    Computes the forward pass for an affine (fully connected) layer.

    The input x has shape (N, d_1, ..., d_k): a minibatch of N examples, each of shape
    (d_1, ..., d_k). Each example is read as a vector of dimension D = d_1 * ... * d_k
    (row-major order, as numpy flattens) and transformed to an output vector of dimension M.

    Inputs:
    - x: A numpy array containing input data, of shape (N, d_1, ..., d_k), float64.
    - w: A numpy array of weights, of shape (D, M).
    - b: A numpy array of biases, of shape (M,).

    Returns a tuple of:
    - out: Output, of shape (N, M), float64.
    - cache: Whatever a backward pass would need, e.g. (x, w, b).

    Do not modify x, w or b.
    """
    raise NotImplementedError("affine_forward: flatten each example, then one matrix product plus the bias")
