"""drill: dropout_forward — the forward pass of (inverted) dropout.

Run `drill check dropout_forward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def dropout_forward(x, dropout_param):
    """
    Forward pass of inverted dropout.

    Inputs:
    - x: Input data, a float64 array of any shape.
    - dropout_param: A dictionary with the following keys:
      - 'p': The probability of KEEPING each unit, 0 < p <= 1.
      - 'mode': 'train' or 'test'. In train mode units are dropped at random and the kept ones
        are scaled by 1/p; in test mode the layer is the identity.
      - 'seed': An int, always given in train mode (maybe absent in test mode). The mask must be
        mask = (np.random.default_rng(seed).random(x.shape) < p) / p.

    Returns a tuple of:
    - out: Array of the same shape as x: x * mask in train mode, x itself (or a copy) in test mode.
    - cache: Whatever your backward pass would need (e.g. (dropout_param, mask)). Not judged.

    Do not modify x or dropout_param, and do not seed numpy's global generator.
    """
    raise NotImplementedError("dropout_forward: check the mode, then draw the mask from default_rng(seed)")
