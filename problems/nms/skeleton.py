"""drill: nms — greedy non-maximum suppression.

Run `drill check nms <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def nms(boxes, scores, iou_threshold):
    """
    Greedy non-maximum suppression, as torchvision.ops.nms.

    Inputs:
    - boxes: float64 array of shape (N, 4), boxes (x1, y1, x2, y2) in continuous coordinates
      (width x2 - x1, no +1). N may be 0.
    - scores: float64 array of shape (N,), the score of each box.
    - iou_threshold: float in [0, 1]; a box is discarded when its IoU with a kept box is strictly
      greater than this.

    Returns:
    - keep: int64 numpy array of shape (K,), the indices of the kept boxes in the order they were
      kept (decreasing score; equal scores: lower index first). Empty (int64) when N is 0.

    Do not modify boxes or scores.
    """
    raise NotImplementedError("nms: sort by score, then keep the best box and discard its overlaps, repeatedly")
