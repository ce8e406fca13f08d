"""Reference: pairwise IoU with two plain loops — the whiteboard version."""
import numpy as np


def box_iou(boxes_a, boxes_b):
    # Plain Python floats (tolist) make the loops fast; reshape(-1, 4) turns [] into zero boxes.
    a = np.asarray(boxes_a, dtype=np.float64).reshape(-1, 4).tolist()
    b = np.asarray(boxes_b, dtype=np.float64).reshape(-1, 4).tolist()
    out = [[0.0] * len(b) for _ in a]
    for i, (ax1, ay1, ax2, ay2) in enumerate(a):
        area_a = (ax2 - ax1) * (ay2 - ay1)          # continuous coordinates: no +1
        for j, (bx1, by1, bx2, by2) in enumerate(b):
            # The intersection is a box: larger left/top edge, smaller right/bottom edge.
            # Clamp each side separately, or two negative sides multiply into a positive area.
            w = max(0.0, min(ax2, bx2) - max(ax1, bx1))
            h = max(0.0, min(ay2, by2) - max(ay1, by1))
            inter = w * h
            union = area_a + (bx2 - bx1) * (by2 - by1) - inter
            out[i][j] = inter / union if union > 0 else 0.0   # two zero-area boxes: 0, not NaN
    return np.array(out, dtype=np.float64).reshape(len(a), len(b))
