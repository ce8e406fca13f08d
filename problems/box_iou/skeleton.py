"""drill: box_iou — the IoU of every box of one set with every box of another.

Run `drill check box_iou <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def box_iou(boxes_a, boxes_b):
    """
    Compute the pairwise intersection over union of two sets of axis-aligned boxes.

    Inputs:
    - boxes_a: N boxes, a numpy array of shape (N, 4) or a nested list of N boxes, ints or floats.
      Each box is (x1, y1, x2, y2) with x1 <= x2 and y1 <= y2, in continuous coordinates (the
      width is x2 - x1, no +1). N may be 0 (a (0, 4) array or an empty list []).
    - boxes_b: M boxes in the same format; M may be 0.

    Returns:
    - iou: a float64 numpy array of shape (N, M); iou[i, j] is the area of the intersection of
      boxes_a[i] and boxes_b[j] divided by the area of their union, and 0.0 when that union is 0.

    Do not modify boxes_a or boxes_b.
    """
    raise NotImplementedError("box_iou: start from the IoU of one pair, then broadcast it to all pairs")
