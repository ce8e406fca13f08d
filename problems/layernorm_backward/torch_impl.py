"""PyTorch's layer norm backward (autograd), timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def layernorm_forward(x, gamma, beta, ln_param):
    x, gamma, beta = (torch.tensor(a, requires_grad=True) for a in (x, gamma, beta))
    out = F.layer_norm(x, (x.shape[1],), gamma, beta, eps=ln_param.get("eps", 1e-5))
    return out.detach().numpy(), (out, x, gamma, beta)


def layernorm_backward(dout, cache):
    out, x, gamma, beta = cache
    grads = torch.autograd.grad(out, (x, gamma, beta), torch.from_numpy(dout), retain_graph=True)
    return tuple(g.numpy() for g in grads)
