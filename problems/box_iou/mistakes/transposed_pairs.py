import numpy as np


def box_iou(boxes_a, boxes_b):
    a = np.asarray(boxes_a, dtype=np.float64).reshape(-1, 4)
    b = np.asarray(boxes_b, dtype=np.float64).reshape(-1, 4)
    # the mistake: boxes_b broadcast along the rows, so the result is (M, N), row j = box j of boxes_b
    wh = np.clip(np.minimum(b[:, None, 2:], a[None, :, 2:]) - np.maximum(b[:, None, :2], a[None, :, :2]), 0, None)
    inter = wh[..., 0] * wh[..., 1]
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_b[:, None] + area_a[None, :] - inter
    out = np.zeros_like(inter)
    np.divide(inter, union, out=out, where=union > 0)
    return out
