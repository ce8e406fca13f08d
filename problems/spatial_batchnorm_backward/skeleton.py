"""drill: spatial_batchnorm_backward — batch normalization for conv feature maps, backward pass.

Run `drill check spatial_batchnorm_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

spatial_batchnorm_forward below is provided and works; spatial_batchnorm_backward is yours. You may
replace the forward pass too (and its cache), as long as it computes the same `out`: the judge runs
your forward pass, judges its `out`, then runs your backward pass on its cache.
"""
import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    """
    Forward pass of spatial batch normalization in training mode (provided).

    Inputs:
    - x: Feature maps of shape (N, C, H, W), float64.
    - gamma: Scale parameter of shape (C,).
    - beta: Shift parameter of shape (C,).
    - eps: Constant added to the variance inside the square root.

    Returns a tuple of:
    - out: Normalised maps of shape (N, C, H, W): out = gamma[c] * xhat + beta[c] in channel c.
    - cache: The tuple (x, xhat, mu, var, istd, gamma, eps) where
        x:     the input, shape (N, C, H, W)
        xhat:  the normalised input, shape (N, C, H, W)
        mu:    the mean of each channel over its N * H * W values, shape (C,)
        var:   the biased variance of each channel (divided by N * H * W), shape (C,)
        istd:  1 / sqrt(var + eps), shape (C,)
        gamma: the scale parameter, shape (C,)
        eps:   the float eps
    """
    axes = (0, 2, 3)
    mu = x.mean(axis=axes, keepdims=True)
    xmu = x - mu
    var = (xmu ** 2).mean(axis=axes, keepdims=True)
    istd = 1.0 / np.sqrt(var + eps)
    xhat = xmu * istd
    out = gamma[:, None, None] * xhat + beta[:, None, None]
    cache = (x, xhat, mu.ravel(), var.ravel(), istd.ravel(), gamma, eps)
    return out, cache


def spatial_batchnorm_backward(dout, cache):
    """
    Backward pass of spatial batch normalization in training mode.

    Inputs:
    - dout: Upstream gradient dL/dout, of shape (N, C, H, W).
    - cache: What spatial_batchnorm_forward returned: (x, xhat, mu, var, istd, gamma, eps), see above.

    Returns a tuple of:
    - dx: Gradient with respect to x, of shape (N, C, H, W).
    - dgamma: Gradient with respect to gamma, of shape (C,).
    - dbeta: Gradient with respect to beta, of shape (C,).

    mu and var are statistics of this batch, so they depend on x: the gradient flows through them.
    Do not modify dout or the arrays in cache.
    """
    raise NotImplementedError("spatial_batchnorm_backward: start with dbeta and dgamma, then dx")
