def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = box_a
    bx1, by1, bx2, by2 = box_b
    inter = max(0, min(ax2, bx2) - max(ax1, bx1)) * max(0, min(ay2, by2) - max(ay1, by1))
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    return int(inter // union) if union > 0 else 0


def recognise(inputs, expected, got):
    """An integer-typed answer, or the floor of the true answer where that differs from it."""
    value = got["iou"]
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    kind = getattr(getattr(value, "dtype", None), "kind", None)
    if kind in ("i", "u"):
        return True
    try:
        v = float(value)
    except (TypeError, ValueError):
        return False
    e = float(expected["iou"])
    return v == float(int(e)) and v != e
