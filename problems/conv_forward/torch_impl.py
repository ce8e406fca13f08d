"""PyTorch's conv2d, timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def conv_forward(x, w, b, conv_param):
    out = F.conv2d(torch.from_numpy(x), torch.from_numpy(w), torch.from_numpy(b),
                   stride=conv_param["stride"], padding=conv_param["pad"])
    return out.numpy(), None
