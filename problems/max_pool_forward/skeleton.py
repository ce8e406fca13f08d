"""drill: max_pool_forward — the forward pass of a max-pooling layer.

Run `drill check max_pool_forward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def max_pool_forward(x, pool_param):
    """
    Compute the forward pass of a max-pooling layer (no padding).

    Each channel of each image is pooled on its own: a pool_height x pool_width window slides over
    the H and W axes, stride pixels at a time, and each output is the maximum of its window.

    Inputs:
    - x: Input data of shape (N, C, H, W), float64.
    - pool_param: A dictionary with the following keys:
      - 'pool_height': The height of each pooling region (rows, axis 2), an int >= 1.
      - 'pool_width': The width of each pooling region (columns, axis 3), an int >= 1.
      - 'stride': The distance between adjacent pooling regions, in both directions, an int >= 1.

    Returns a tuple of:
    - out: Output data, of shape (N, C, H', W') where
        H' = 1 + (H - pool_height) // stride
        W' = 1 + (W - pool_width) // stride
      (windows that would run past the border are not taken).
    - cache: Whatever a backward pass would need, e.g. (x, pool_param). Not judged.

    Do not modify x or pool_param.
    """
    raise NotImplementedError("max_pool_forward: compute H' and W', then take the max of each window")
