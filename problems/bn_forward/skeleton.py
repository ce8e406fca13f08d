"""drill: bn_forward — batch normalization, forward pass, training mode.

Run `drill check bn_forward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    """
    Forward pass of batch normalization in training mode.

    Each feature (column) of x is normalised with the mean and variance of that feature over the
    batch, then scaled by gamma and shifted by beta:

        mu   = mean of x over the batch (axis 0)              shape (D,)
        var  = mean of (x - mu)**2 over the batch             shape (D,)   (biased: divide by N)
        xhat = (x - mu) / sqrt(var + eps)                     shape (N, D)
        out  = gamma * xhat + beta                            shape (N, D)

    Inputs:
    - x: Data of shape (N, D), float64: N samples, D features.
    - gamma: Scale parameter of shape (D,).
    - beta: Shift parameter of shape (D,).
    - eps: Constant added to the variance inside the square root (a float; the judge passes it
      explicitly, and not always 1e-5).

    Returns a tuple of:
    - out: Normalised data of shape (N, D), float64.
    - cache: Whatever a backward pass would need; not judged here. For example the tuple
      (x, xhat, mu, var, istd, gamma, eps) with istd = 1 / sqrt(var + eps) of shape (D,).

    Use this batch's statistics only (no running averages). Do not modify x, gamma or beta.
    """
    raise NotImplementedError("bn_forward: compute mu and var over axis 0, then normalise, scale and shift")
