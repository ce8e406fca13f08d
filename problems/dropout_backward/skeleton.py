"""drill: dropout_backward — the backward pass of (inverted) dropout.

Run `drill check dropout_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

dropout_forward below is provided and works: dropout_backward receives the cache it returns. You may
replace it (and its cache) with your own; the judge calls your dropout_forward, then your
dropout_backward, and judges both out and dx.
"""
import numpy as np


def dropout_forward(x, dropout_param):
    """
    Forward pass of inverted dropout (provided).

    Inputs:
    - x: Input data, a float64 array of any shape.
    - dropout_param: A dictionary with the following keys:
      - 'p': The probability of keeping each unit, 0 < p <= 1.
      - 'mode': 'train' or 'test'.
      - 'seed': An int, always given in train mode.

    Returns a tuple of:
    - out: Array of the same shape as x.
        train: out = x * mask with mask = (np.random.default_rng(seed).random(x.shape) < p) / p
        test:  out = x
    - cache: the tuple (dropout_param, mask); mask is None in test mode.
    """
    p, mode = dropout_param["p"], dropout_param["mode"]
    mask = None
    if mode == "train":
        rng = np.random.default_rng(dropout_param["seed"])
        mask = (rng.random(x.shape) < p) / p
        out = x * mask
    else:
        out = x
    cache = (dropout_param, mask)
    return out, cache


def dropout_backward(dout, cache):
    """
    Backward pass of inverted dropout.

    Inputs:
    - dout: Upstream derivatives dL/dout, of the shape of x.
    - cache: What dropout_forward returned: (dropout_param, mask) for the provided one.

    Returns:
    - dx: Gradient with respect to x, of the shape of x.

    Both modes ('train' and 'test') are judged. Do not modify dout or anything in the cache.
    """
    raise NotImplementedError("dropout_backward: which units did the forward pass keep, and how were they scaled?")
