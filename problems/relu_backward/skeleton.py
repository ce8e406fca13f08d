"""drill: relu_backward — rectified linear units, backward pass.

Run `drill check relu_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

relu_forward below is provided and works; relu_backward is yours. You may replace relu_forward too
(and its cache), as long as it computes the same `out`: the judge runs your relu_forward, then your
relu_backward on its cache, and judges out and dx.
"""
import numpy as np


def relu_forward(x):
    """
    Computes the forward pass for a layer of rectified linear units (ReLUs) (provided).

    Inputs:
    - x: Inputs, of any shape, float64.

    Returns a tuple of:
    - out: Output, of the same shape as x: max(0, x) elementwise.
    - cache: x itself.
    """
    out = np.maximum(0, x)
    cache = x
    return out, cache


def relu_backward(dout, cache):
    """
    Computes the backward pass for a layer of rectified linear units (ReLUs).

    Inputs:
    - dout: Upstream derivatives dL/dout, of the same shape as x.
    - cache: What relu_forward returned: the input x (it is the caller's array: do not write into it).

    Returns:
    - dx: Gradient with respect to x, of the same shape as x. At x == 0 the gradient is 0.
    """
    raise NotImplementedError("relu_backward: where does the gradient pass, and how much of it?")
