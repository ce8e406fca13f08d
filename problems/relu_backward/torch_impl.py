"""PyTorch's relu backward (autograd), timed next to yours when torch is installed (never judged)."""
import torch

torch.set_num_threads(1)


def relu_forward(x):
    xt = torch.tensor(x, requires_grad=True)
    out = torch.relu(xt)
    return out.detach().numpy(), (out, xt)


def relu_backward(dout, cache):
    out, xt = cache
    (dx,) = torch.autograd.grad(out, (xt,), torch.from_numpy(dout), retain_graph=True)
    return dx.numpy()
