"""drill: spatial_batchnorm_forward — batch normalization for conv feature maps, forward pass.

Run `drill check spatial_batchnorm_forward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    """
    Forward pass of spatial batch normalization in training mode.

    Each channel is normalised with the mean and the biased variance of all its values over the
    batch and every spatial position, then scaled by gamma and shifted by beta (per channel).

    Inputs:
    - x: Feature maps of shape (N, C, H, W), float64.
    - gamma: Scale parameter of shape (C,).
    - beta: Shift parameter of shape (C,).
    - eps: Constant added to the variance inside the square root (a float; the judge passes it
      explicitly, and not always 1e-5).

    Returns a tuple of:
    - out: Normalised maps of shape (N, C, H, W), float64.
    - cache: Whatever a backward pass would need; not judged here.

    Use this batch's statistics only (no running averages). Do not modify x, gamma or beta.
    """
    raise NotImplementedError("spatial_batchnorm_forward: one mean and one variance per channel")
