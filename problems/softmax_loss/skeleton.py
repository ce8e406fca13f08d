"""drill: softmax_loss — softmax cross-entropy loss and its gradient.

Run `drill check softmax_loss <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def softmax_loss(x, y):
    """
    Computes the loss and gradient for softmax classification.

    Inputs:
    - x: Input data, of shape (N, C) where x[i, j] is the score for the jth class for the ith
      input, float64. Scores may be as large as 1e4 in magnitude.
    - y: Vector of labels, of shape (N,), int64, where y[i] is the label for x[i] and 0 <= y[i] < C.

    Returns a tuple of:
    - loss: Scalar giving the loss: the mean over the batch of -log softmax(x[i])[y[i]]
      (a Python float or a numpy float64).
    - dx: Gradient of the loss with respect to x, of shape (N, C).

    Do not modify x or y.
    """
    raise NotImplementedError("softmax_loss: log-probabilities first, then the mean, then dx")
