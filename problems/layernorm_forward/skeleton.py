"""drill: layernorm_forward — layer normalization, forward pass.

Run `drill check layernorm_forward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    """
    Forward pass of layer normalization.

    Each sample (row) of x is normalised with the mean and the biased variance of its own D
    features, then scaled by gamma and shifted by beta (per feature).

    Inputs:
    - x: Data of shape (N, D), float64: N samples, D features.
    - gamma: Scale parameter of shape (D,).
    - beta: Shift parameter of shape (D,).
    - ln_param: Dictionary with the optional key
      - eps: Constant added to the variance inside the square root (1e-5 when the key is absent).
      Other keys (such as 'mode') may be present; ignore them.

    Returns a tuple of:
    - out: Normalised data of shape (N, D), float64.
    - cache: Whatever a backward pass would need; not judged here.

    Do not modify x, gamma, beta or ln_param.
    """
    raise NotImplementedError("layernorm_forward: statistics of each row, then normalise, scale and shift")
