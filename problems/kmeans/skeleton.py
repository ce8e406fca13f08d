"""drill: kmeans — Lloyd's algorithm for a fixed number of iterations.

Run `drill check kmeans <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def kmeans(x, init_centers, n_iters):
    """
    Run n_iters iterations of Lloyd's k-means from init_centers.

    Inputs:
    - x: float64 array of shape (N, D), the points.
    - init_centers: float64 array of shape (K, D), the initial centers (do not modify it).
    - n_iters: int >= 0, the number of iterations; each assigns every point to its nearest center
      (squared Euclidean distance; ties to the lowest index), then moves every center to the mean
      of its points (a center with no point stays where it is).

    Returns a tuple of:
    - centers: float64 array of shape (K, D), the centers after n_iters iterations.
    - labels: int64 array of shape (N,), the index of the nearest final center of each point.
    """
    raise NotImplementedError("kmeans: alternate the assignment and update steps n_iters times")
