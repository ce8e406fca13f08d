"""Reference: pairwise IoU by broadcasting an (N, 1, 4) against a (1, M, 4) array."""
import numpy as np


def box_iou(boxes_a, boxes_b):
    a = np.asarray(boxes_a, dtype=np.float64).reshape(-1, 4)   # (N, 4); [] -> (0, 4)
    b = np.asarray(boxes_b, dtype=np.float64).reshape(-1, 4)   # (M, 4)
    top_left = np.maximum(a[:, None, :2], b[None, :, :2])      # (N, M, 2)
    bottom_right = np.minimum(a[:, None, 2:], b[None, :, 2:])  # (N, M, 2)
    wh = np.clip(bottom_right - top_left, 0.0, None)           # each side clamped at 0
    inter = wh[..., 0] * wh[..., 1]                            # (N, M)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])         # (N,)
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])         # (M,)
    union = area_a[:, None] + area_b[None, :] - inter
    out = np.zeros_like(inter)
    np.divide(inter, union, out=out, where=union > 0)          # zero union stays 0.0
    return out
