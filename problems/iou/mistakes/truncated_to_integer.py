def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = box_a
    bx1, by1, bx2, by2 = box_b
    inter = max(0, min(ax2, bx2) - max(ax1, bx1)) * max(0, min(ay2, by2) - max(ay1, by1))
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    return int(inter // union) if union > 0 else 0


def recognise(inputs, expected, got):
    """The answer is the true IoU rounded down to a whole number (0 for a partial overlap), whether it
    comes back as an int or as a float: floor division or int() somewhere."""
    try:
        value, true = float(got["iou"]), float(expected["iou"])
    except (TypeError, ValueError, OverflowError):
        return False
    if isinstance(got["iou"], bool) or true == int(true):
        return False  # only a fractional answer can be truncated
    return value == float(int(true))
