"""drill: iou — intersection over union of two axis-aligned boxes.

Run `drill check iou <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def iou(box_a, box_b):
    """
    Compute the intersection over union of two boxes.

    Inputs:
    - box_a: a box (x1, y1, x2, y2) with x1 <= x2 and y1 <= y2, as a list, tuple or numpy array
      of 4 ints or floats. Continuous coordinates: the width is x2 - x1 (no +1).
    - box_b: a second box, in the same format.

    Returns:
    - iou: a float in [0, 1], the area of the intersection divided by the area of the union;
      0.0 when the union has zero area.

    Do not modify box_a or box_b.
    """
    raise NotImplementedError("iou: compute the intersection, then the union")
