"""drill: sgd_momentum — one step of stochastic gradient descent with momentum (cs231n optim.py).

Run `drill check sgd_momentum <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def sgd_momentum(w, dw, config=None):
    """
    Performs stochastic gradient descent with momentum.

    Inputs:
    - w: A numpy array of any shape, float64: the current weights.
    - dw: A numpy array of the same shape as w: the gradient of the loss with respect to w.
    - config: A dict holding the hyperparameters and the state (it may lack any key):
      - learning_rate: Scalar learning rate (default 1e-2).
      - momentum: Scalar between 0 and 1 giving the momentum value (default 0.9).
      - velocity: A numpy array of the same shape as w, the moving average of the steps
        (default: zeros like w).

    Returns a tuple of:
    - next_w: The updated weights, float64, of the same shape as w.
    - config: The config to pass to the next call, holding the new velocity.

    Do not modify w or dw; config may be updated in place.
    """
    if config is None:
        config = {}
    raise NotImplementedError("sgd_momentum: fill in the defaults, update the velocity, step, store it")
