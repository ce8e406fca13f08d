"""drill: adam — one step of the Adam optimizer (cs231n optim.py).

Run `drill check adam <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def adam(w, dw, config=None):
    """
    Uses the Adam update rule, which incorporates moving averages of both the gradient and its
    square and a bias correction term.

    Inputs:
    - w: A numpy array of any shape, float64: the current weights.
    - dw: A numpy array of the same shape as w: the gradient of the loss with respect to w.
    - config: A dict holding the hyperparameters and the state (it may lack any key):
      - learning_rate: Scalar learning rate (default 1e-3).
      - beta1: Decay rate for the moving average of the first moment of the gradient (default 0.9).
      - beta2: Decay rate for the moving average of the second moment of the gradient (default 0.999).
      - epsilon: Small scalar used for smoothing to avoid dividing by zero (default 1e-8).
      - m: Moving average of the gradient, same shape as w (default zeros).
      - v: Moving average of the squared gradient, same shape as w (default zeros).
      - t: Iteration number, an int (default 0).

    Returns a tuple of:
    - next_w: The updated weights, float64, of the same shape as w.
    - config: The config to pass to the next call, holding the new m, v and t.

    Do not modify w or dw; config may be updated in place.
    """
    if config is None:
        config = {}
    raise NotImplementedError("adam: defaults, t, the two moments, bias correction, the step")
