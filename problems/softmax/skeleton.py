"""drill: softmax — softmax along any axis, numerically stable.

Run `drill check softmax <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def softmax(x, axis=-1):
    """
    Softmax of x along one axis.

    Inputs:
    - x: float64 array of any shape (at least 1-D); entries may be as large as 1e4 in magnitude.
    - axis: int, the axis to normalise along; negative values count from the end (-1 is the last).

    Returns:
    - p: float64 array of the shape of x; every 1-D slice of p along `axis` is non-negative and sums
      to 1: p = exp(x) / sum(exp(x)) over that slice.

    Must be finite and accurate for every input above. Do not modify x.
    """
    raise NotImplementedError("softmax: start with one 1-D slice; what does np.exp(710.0) return?")
