"""drill: conv_forward — the forward pass of a convolutional layer.

Run `drill check conv_forward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def conv_forward(x, w, b, conv_param):
    """
    Compute the forward pass of a convolutional layer (cross-correlation, as in every deep-learning
    library: the kernel is not flipped).

    The input consists of N data points, each with C channels, height H and width W. Each of the
    F filters spans all C channels and has height HH and width WW.

    Inputs:
    - x: Input data of shape (N, C, H, W), float64.
    - w: Filter weights of shape (F, C, HH, WW), float64.
    - b: Biases of shape (F,), float64; b[f] is added to every output of filter f.
    - conv_param: A dictionary with the following keys:
      - 'stride': The number of pixels between adjacent receptive fields, in both the
        horizontal and vertical directions (an int >= 1).
      - 'pad': The number of pixels of zeros added on each side (top, bottom, left and right)
        of the input, and only along the height and width axes (an int >= 0).

    Returns a tuple of:
    - out: Output data, of shape (N, F, H', W') where
        H' = 1 + (H + 2 * pad - HH) // stride
        W' = 1 + (W + 2 * pad - WW) // stride
      (windows that would run past the padded border are dropped), and
        out[n, f, i, j] = b[f] + sum over c, di, dj of
                          x_pad[n, c, i * stride + di, j * stride + dj] * w[f, c, di, dj]
      where x_pad, of shape (N, C, H + 2 * pad, W + 2 * pad), is x with the zero padding.
    - cache: (x, w, b, conv_param), kept for the backward pass.

    Do not modify x, w, b or conv_param.
    """
    raise NotImplementedError("conv_forward: pad x, then slide each filter over it")
