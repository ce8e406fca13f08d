"""PyTorch's max_pool2d, timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def max_pool_forward(x, pool_param):
    kernel = (pool_param["pool_height"], pool_param["pool_width"])
    out = F.max_pool2d(torch.from_numpy(x), kernel, stride=pool_param["stride"])
    return out.numpy(), (x, pool_param)
