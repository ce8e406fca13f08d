"""PyTorch's take on iou, timed next to yours when torch is installed (never judged)."""
import torch

torch.set_num_threads(1)


def iou(box_a, box_b):
    a = torch.as_tensor(box_a, dtype=torch.float64)
    b = torch.as_tensor(box_b, dtype=torch.float64)
    wh = (torch.minimum(a[2:], b[2:]) - torch.maximum(a[:2], b[:2])).clamp(min=0)
    inter = wh[0] * wh[1]
    union = (a[2:] - a[:2]).prod() + (b[2:] - b[:2]).prod() - inter
    return float(inter / union) if union > 0 else 0.0
