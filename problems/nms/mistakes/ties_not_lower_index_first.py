import numpy as np


def nms(boxes, scores, iou_threshold):
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    order = np.argsort(scores, kind="stable")[::-1]   # the mistake: ascending, reversed: ties go higher index first
    keep = []
    while order.size > 0:
        i, rest = order[0], order[1:]
        keep.append(i)
        w = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]), 0.0, None)
        h = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]), 0.0, None)
        inter = w * h
        union = areas[i] + areas[rest] - inter
        iou = np.zeros_like(inter)
        np.divide(inter, union, out=iou, where=union > 0)
        order = rest[iou <= iou_threshold]
    return np.array(keep, dtype=np.int64)


def recognise(inputs, expected, got):
    """Any order of equal scores other than lower index first (a reversed ascending sort, numpy's default
    unstable sort): `keep` is a correct greedy NMS for *some* order of the tied boxes, but not this one."""
    keep = got.get("keep")
    if not isinstance(keep, np.ndarray) or keep.dtype.kind not in "iu" or keep.ndim != 1:
        return False
    if np.array_equal(keep, expected["keep"]):
        return False
    boxes = np.asarray(inputs["boxes"], dtype=np.float64).reshape(-1, 4)
    scores = np.asarray(inputs["scores"], dtype=np.float64).reshape(-1)
    t = inputs["iou_threshold"]
    alive = np.ones(len(scores), dtype=bool)
    for k in keep.tolist():
        if not (0 <= k < len(scores)) or not alive[k] or scores[k] < scores[alive].max():
            return False       # not the highest-scoring box still in the running
        alive[k] = False
        b = boxes[k]
        w = np.clip(np.minimum(b[2], boxes[:, 2]) - np.maximum(b[0], boxes[:, 0]), 0.0, None)
        h = np.clip(np.minimum(b[3], boxes[:, 3]) - np.maximum(b[1], boxes[:, 1]), 0.0, None)
        inter = w * h
        union = (b[2] - b[0]) * (b[3] - b[1]) + (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]) - inter
        iou = np.zeros_like(inter)
        np.divide(inter, union, out=iou, where=union > 0)
        alive &= ~(iou > t)
    return not alive.any()     # every box was either kept or suppressed by a kept one
