"""Greedy NMS written with PyTorch ops (torchvision.ops.nms is C++; there is no torchvision here),
timed next to yours when torch is installed (never judged)."""
import numpy as np
import torch

torch.set_num_threads(1)


def nms(boxes, scores, iou_threshold):
    b = torch.as_tensor(np.asarray(boxes, dtype=np.float64).reshape(-1, 4))
    s = torch.as_tensor(np.asarray(scores, dtype=np.float64).reshape(-1))
    areas = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    order = torch.sort(s, descending=True, stable=True).indices
    keep = []
    while order.numel() > 0:
        i, rest = order[0], order[1:]
        keep.append(int(i))
        lt = torch.maximum(b[i, :2], b[rest, :2])
        rb = torch.minimum(b[i, 2:], b[rest, 2:])
        wh = (rb - lt).clamp(min=0)
        inter = wh[:, 0] * wh[:, 1]
        union = areas[i] + areas[rest] - inter
        iou = torch.where(union > 0, inter / union, torch.zeros_like(inter))
        order = rest[iou <= iou_threshold]
    return np.array(keep, dtype=np.int64)
