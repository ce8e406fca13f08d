"""drill: conv_backward — the backward pass of a convolutional layer.

Run `drill check conv_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

conv_forward below is provided and works: conv_backward receives the cache it returns. You may
replace it (and its cache) with your own; the judge calls your conv_forward, then your conv_backward.
"""
import numpy as np


def conv_forward(x, w, b, conv_param):
    """
    The forward pass of a convolutional layer (cross-correlation: the kernel is not flipped).

    Inputs:
    - x: Input data of shape (N, C, H, W), float64.
    - w: Filter weights of shape (F, C, HH, WW), float64.
    - b: Biases of shape (F,), float64.
    - conv_param: A dictionary with the following keys:
      - 'stride': The number of pixels between adjacent receptive fields (an int >= 1).
      - 'pad': The number of pixels of zeros added on each side of the height and width axes.

    Returns a tuple of:
    - out: Output data, of shape (N, F, H', W') where
        H' = 1 + (H + 2 * pad - HH) // stride,  W' = 1 + (W + 2 * pad - WW) // stride
        out[n, f, i, j] = b[f] + sum over c, di, dj of
                          x_pad[n, c, i * stride + di, j * stride + dj] * w[f, c, di, dj]
      where x_pad, of shape (N, C, H + 2 * pad, W + 2 * pad), is x with the zero padding.
    - cache: the tuple (x, w, b, conv_param), the inputs themselves (not copies, not padded).
    """
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param["stride"], conv_param["pad"]
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode="constant")  # a copy

    out = np.zeros((N, F, H_out, W_out))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    top, left = i * stride, j * stride
                    window = x_pad[n, :, top:top + HH, left:left + WW]   # (C, HH, WW)
                    out[n, f, i, j] = b[f] + np.sum(window * w[f])

    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward(dout, cache):
    """
    Compute the backward pass of a convolutional layer.

    Inputs:
    - dout: Upstream derivatives of the loss with respect to out, of shape (N, F, H', W').
    - cache: A tuple (x, w, b, conv_param) as returned by conv_forward:
      - x: Input data of shape (N, C, H, W)
      - w: Filter weights of shape (F, C, HH, WW)
      - b: Biases of shape (F,)
      - conv_param: {'stride': stride, 'pad': pad}

    Returns a tuple of:
    - dx: Gradient with respect to x, of shape (N, C, H, W) — the shape of x, without padding.
    - dw: Gradient with respect to w, of shape (F, C, HH, WW).
    - db: Gradient with respect to b, of shape (F,).

    Do not modify dout or anything in the cache.
    """
    raise NotImplementedError("conv_backward: backpropagate out = b + sum(window * w) through every window")
