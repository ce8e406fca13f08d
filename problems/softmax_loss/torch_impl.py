"""PyTorch's cross_entropy and its backward (autograd), timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def softmax_loss(x, y):
    xt = torch.tensor(x, requires_grad=True)
    loss = F.cross_entropy(xt, torch.from_numpy(y))
    (dx,) = torch.autograd.grad(loss, (xt,))
    return float(loss.detach()), dx.numpy()
