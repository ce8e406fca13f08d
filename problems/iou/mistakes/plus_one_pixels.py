def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = (float(v) for v in box_a)
    bx1, by1, bx2, by2 = (float(v) for v in box_b)
    iw = max(0.0, min(ax2, bx2) - max(ax1, bx1) + 1)
    ih = max(0.0, min(ay2, by2) - max(ay1, by1) + 1)
    inter = iw * ih
    union = (ax2 - ax1 + 1) * (ay2 - ay1 + 1) + (bx2 - bx1 + 1) * (by2 - by1 + 1) - inter
    return inter / union if union > 0 else 0.0
