"""drill: max_pool_backward — the backward pass of a max-pooling layer.

Run `drill check max_pool_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

max_pool_forward below is provided and works: max_pool_backward receives the cache it returns. You
may replace it (and its cache) with your own; the judge calls your max_pool_forward, then your
max_pool_backward, and judges both out and dx.
"""
import numpy as np


def max_pool_forward(x, pool_param):
    """
    The forward pass of a max-pooling layer, no padding (provided).

    Inputs:
    - x: Input data of shape (N, C, H, W), float64.
    - pool_param: A dictionary with the following keys:
      - 'pool_height': The height of each pooling region (rows), an int >= 1.
      - 'pool_width': The width of each pooling region (columns), an int >= 1.
      - 'stride': The distance between adjacent pooling regions, an int >= 1.

    Returns a tuple of:
    - out: Output data of shape (N, C, H', W') where
        H' = 1 + (H - pool_height) // stride,  W' = 1 + (W - pool_width) // stride
        out[n, c, i, j] = max of x[n, c, i*stride : i*stride + pool_height,
                                          j*stride : j*stride + pool_width]
    - cache: the tuple (x, pool_param), the inputs themselves.
    """
    N, C, H, W = x.shape
    ph, pw, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out = 1 + (H - ph) // stride
    W_out = 1 + (W - pw) // stride
    out = np.empty((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = x[:, :, i * stride:i * stride + ph, j * stride:j * stride + pw]
            out[:, :, i, j] = window.max(axis=(2, 3))
    cache = (x, pool_param)
    return out, cache


def max_pool_backward(dout, cache):
    """
    Compute the backward pass of a max-pooling layer.

    Inputs:
    - dout: Upstream derivatives dL/dout, of shape (N, C, H', W').
    - cache: What max_pool_forward returned: (x, pool_param) for the provided one.

    Returns:
    - dx: Gradient with respect to x, of shape (N, C, H, W).

    Ties: a window whose maximum appears more than once sends its gradient to the FIRST maximum in
    row-major order inside the window, and only to it. Overlapping windows (stride < pool) add up.
    Do not modify dout or anything in the cache.
    """
    raise NotImplementedError("max_pool_backward: route each window's dout to the element that won it")
