"""Reference: IoU with plain Python arithmetic — what one writes on a whiteboard."""


def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = (float(v) for v in box_a)  # float(): no integer division anywhere below
    bx1, by1, bx2, by2 = (float(v) for v in box_b)

    # The intersection is a box too: the larger left/top edge, the smaller right/bottom edge.
    # Clamp each side at 0 separately: boxes apart on both axes must not give a positive product.
    inter_w = max(0.0, min(ax2, bx2) - max(ax1, bx1))
    inter_h = max(0.0, min(ay2, by2) - max(ay1, by1))
    inter = inter_w * inter_h

    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    if union <= 0.0:  # two zero-area boxes
        return 0.0
    return inter / union
