"""torchvision.ops.box_iou's formula in PyTorch, timed next to yours when torch is installed (never judged)."""
import torch

torch.set_num_threads(1)


def box_iou(boxes_a, boxes_b):
    a = torch.as_tensor(boxes_a, dtype=torch.float64).reshape(-1, 4)
    b = torch.as_tensor(boxes_b, dtype=torch.float64).reshape(-1, 4)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    lt = torch.max(a[:, None, :2], b[None, :, :2])
    rb = torch.min(a[:, None, 2:], b[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    union = area_a[:, None] + area_b[None, :] - inter
    return torch.where(union > 0, inter / union, torch.zeros_like(inter)).numpy()
