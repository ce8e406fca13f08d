"""PyTorch's linear layer (F.linear), timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def affine_forward(x, w, b):
    xt, wt, bt = torch.from_numpy(x), torch.from_numpy(w), torch.from_numpy(b)
    out = F.linear(xt.reshape(xt.shape[0], -1), wt.T, bt)   # F.linear computes x @ weight.T + bias
    return out.numpy(), (x, w, b)
