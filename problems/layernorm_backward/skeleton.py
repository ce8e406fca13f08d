"""drill: layernorm_backward — layer normalization, backward pass.

Run `drill check layernorm_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

layernorm_forward below is provided and works; layernorm_backward is yours. You may replace
layernorm_forward too (and its cache), as long as it computes the same `out`: the judge runs your
layernorm_forward, judges its `out`, then runs your layernorm_backward on its cache.
"""
import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    """
    Forward pass of layer normalization (provided).

    Inputs:
    - x: Data of shape (N, D), float64: N samples, D features.
    - gamma: Scale parameter of shape (D,).
    - beta: Shift parameter of shape (D,).
    - ln_param: Dictionary with the optional key 'eps' (1e-5 when absent); other keys are ignored.

    Returns a tuple of:
    - out: Normalised data of shape (N, D): out = gamma * xhat + beta.
    - cache: The tuple (x, xhat, mu, var, istd, gamma, eps) where
        x:     the input, shape (N, D)
        xhat:  the normalised input (x - mu) * istd, shape (N, D)
        mu:    the mean of each sample over its features, shape (N, 1)
        var:   the biased variance of each sample over its features (divided by D), shape (N, 1)
        istd:  1 / sqrt(var + eps), shape (N, 1)
        gamma: the scale parameter, shape (D,)
        eps:   the float eps
    """
    eps = ln_param.get("eps", 1e-5)
    mu = x.mean(axis=1, keepdims=True)
    xmu = x - mu
    var = (xmu ** 2).mean(axis=1, keepdims=True)
    istd = 1.0 / np.sqrt(var + eps)
    xhat = xmu * istd
    out = gamma * xhat + beta
    cache = (x, xhat, mu, var, istd, gamma, eps)
    return out, cache


def layernorm_backward(dout, cache):
    """
    Backward pass of layer normalization.

    Inputs:
    - dout: Upstream gradient dL/dout, of shape (N, D).
    - cache: What layernorm_forward returned: (x, xhat, mu, var, istd, gamma, eps), see above.

    Returns a tuple of:
    - dx: Gradient with respect to x, of shape (N, D).
    - dgamma: Gradient with respect to gamma, of shape (D,).
    - dbeta: Gradient with respect to beta, of shape (D,).

    mu and var are statistics of each sample, so they depend on x: the gradient flows through them.
    Do not modify dout or the arrays in cache.
    """
    raise NotImplementedError("layernorm_backward: start with dbeta and dgamma, then walk the graph back to dx")
