"""PyTorch's linear layer backward (autograd), timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def affine_forward(x, w, b):
    x, w, b = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    out = F.linear(x.reshape(x.shape[0], -1), w.T, b)
    return out.detach().numpy(), (out, x, w, b)


def affine_backward(dout, cache):
    out, x, w, b = cache
    grads = torch.autograd.grad(out, (x, w, b), torch.from_numpy(dout), retain_graph=True)
    return tuple(g.numpy() for g in grads)
