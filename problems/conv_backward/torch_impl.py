"""PyTorch's conv2d backward (autograd), timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def conv_forward(x, w, b, conv_param):
    x, w, b = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    out = F.conv2d(x, w, b, stride=conv_param["stride"], padding=conv_param["pad"])
    return out.detach().numpy(), (out, x, w, b)


def conv_backward(dout, cache):
    out, x, w, b = cache
    grads = torch.autograd.grad(out, (x, w, b), torch.from_numpy(dout), retain_graph=True)
    return tuple(g.numpy() for g in grads)
