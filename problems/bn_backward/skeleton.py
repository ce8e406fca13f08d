"""drill: bn_backward — batch normalization, backward pass, training mode.

Run `drill check bn_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

bn_forward below is provided and works; bn_backward is yours. You may replace bn_forward too (and
its cache), as long as it computes the same `out`: the judge runs your bn_forward, then your
bn_backward on its cache.
"""
import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    """
    Forward pass of batch normalization in training mode (provided).

    Inputs:
    - x: Data of shape (N, D), float64: N samples, D features.
    - gamma: Scale parameter of shape (D,).
    - beta: Shift parameter of shape (D,).
    - eps: Constant added to the variance inside the square root.

    Returns a tuple of:
    - out: Normalised data of shape (N, D): out = gamma * xhat + beta.
    - cache: The tuple (x, xhat, mu, var, istd, gamma, eps) where
        x:     the input, shape (N, D)
        xhat:  the normalised input (x - mu) * istd, shape (N, D)
        mu:    the batch mean of each feature, shape (D,)
        var:   the biased batch variance of each feature (divided by N), shape (D,)
        istd:  1 / sqrt(var + eps), shape (D,)
        gamma: the scale parameter, shape (D,)
        eps:   the float eps
    """
    mu = x.mean(axis=0)
    xmu = x - mu
    var = (xmu ** 2).mean(axis=0)
    istd = 1.0 / np.sqrt(var + eps)
    xhat = xmu * istd
    out = gamma * xhat + beta
    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache


def bn_backward(dout, cache):
    """
    Backward pass of batch normalization in training mode.

    Inputs:
    - dout: Upstream gradient dL/dout, of shape (N, D).
    - cache: What bn_forward returned: (x, xhat, mu, var, istd, gamma, eps), see above.

    Returns a tuple of:
    - dx: Gradient with respect to x, of shape (N, D).
    - dgamma: Gradient with respect to gamma, of shape (D,).
    - dbeta: Gradient with respect to beta, of shape (D,).

    mu and var are statistics of this batch, so they depend on x: the gradient flows through them.
    Do not modify dout or the arrays in cache.
    """
    raise NotImplementedError("bn_backward: start with dbeta and dgamma, then walk the graph back to dx")
