"""Reference: greedy non-maximum suppression with plain loops — the whiteboard version."""
import numpy as np


def _iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def nms(boxes, scores, iou_threshold):
    boxes = [[float(v) for v in box] for box in np.asarray(boxes, dtype=np.float64).reshape(-1, 4)]
    scores = [float(s) for s in np.asarray(scores, dtype=np.float64).reshape(-1)]
    # Highest score first; equal scores keep their index order (the sort key says so explicitly).
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    suppressed = [False] * len(scores)
    keep = []
    for pos, i in enumerate(order):
        if suppressed[i]:
            continue
        keep.append(i)
        # Only boxes still in the running are compared: a suppressed box suppresses nothing.
        for j in order[pos + 1:]:
            if not suppressed[j] and _iou(boxes[i], boxes[j]) > iou_threshold:  # strictly greater
                suppressed[j] = True
    return np.array(keep, dtype=np.int64)
