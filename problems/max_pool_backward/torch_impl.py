"""PyTorch's max_pool2d backward (autograd), timed next to yours when torch is installed (never judged).

PyTorch also sends a window's gradient to its first maximum in row-major order."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def max_pool_forward(x, pool_param):
    x = torch.tensor(x, requires_grad=True)
    kernel = (pool_param["pool_height"], pool_param["pool_width"])
    out = F.max_pool2d(x, kernel, stride=pool_param["stride"])
    return out.detach().numpy(), (out, x)


def max_pool_backward(dout, cache):
    out, x = cache
    (dx,) = torch.autograd.grad(out, (x,), torch.from_numpy(dout), retain_graph=True)
    return dx.numpy()
