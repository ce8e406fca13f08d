"""Reference: IoU with numpy, plus the pairwise (N, M) version of the follow-up question."""
import numpy as np


def iou(box_a, box_b):
    a = np.asarray(box_a, dtype=np.float64)
    b = np.asarray(box_b, dtype=np.float64)
    # [x1, y1] of the intersection is the elementwise max, [x2, y2] the elementwise min.
    wh = np.clip(np.minimum(a[2:], b[2:]) - np.maximum(a[:2], b[:2]), 0.0, None)
    inter = wh[0] * wh[1]
    union = np.prod(a[2:] - a[:2]) + np.prod(b[2:] - b[:2]) - inter
    return float(inter / union) if union > 0 else 0.0


def pairwise_iou(boxes_a, boxes_b):
    """IoU of every box in boxes_a (N, 4) with every box in boxes_b (M, 4): an (N, M) array."""
    a = np.asarray(boxes_a, dtype=np.float64)[:, None, :]  # (N, 1, 4)
    b = np.asarray(boxes_b, dtype=np.float64)[None, :, :]  # (1, M, 4)
    wh = np.clip(np.minimum(a[..., 2:], b[..., 2:]) - np.maximum(a[..., :2], b[..., :2]), 0.0, None)
    inter = wh[..., 0] * wh[..., 1]                              # (N, M)
    area_a = np.prod(a[..., 2:] - a[..., :2], axis=-1)           # (N, 1)
    area_b = np.prod(b[..., 2:] - b[..., :2], axis=-1)           # (1, M)
    union = area_a + area_b - inter
    out = np.zeros_like(inter)
    np.divide(inter, union, out=out, where=union > 0)
    return out
