"""PyTorch's batch norm backward on 4-d input (autograd), timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    x, gamma, beta = (torch.tensor(a, requires_grad=True) for a in (x, gamma, beta))
    out = F.batch_norm(x, None, None, gamma, beta, training=True, eps=eps)
    return out.detach().numpy(), (out, x, gamma, beta)


def spatial_batchnorm_backward(dout, cache):
    out, x, gamma, beta = cache
    grads = torch.autograd.grad(out, (x, gamma, beta), torch.from_numpy(dout), retain_graph=True)
    return tuple(g.numpy() for g in grads)
