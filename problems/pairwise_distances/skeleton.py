"""drill: pairwise_distances — Euclidean distances between the rows of two matrices, no loops.

Run `drill check pairwise_distances <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def pairwise_distances(x, y):
    """
    Compute the Euclidean distance between every row of x and every row of y.

    Inputs:
    - x: A numpy array of shape (N, D), float64: N points with D features.
    - y: A numpy array of shape (M, D), float64: M points with the same D features.

    Returns:
    - dists: A numpy array of shape (N, M), float64, where dists[i, j] is the Euclidean distance
      between x[i] and y[j]. Never NaN: equal rows have distance 0.

    Do not modify x or y.
    """
    raise NotImplementedError("pairwise_distances: write it with loops first, then without")
