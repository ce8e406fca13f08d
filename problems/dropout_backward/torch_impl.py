"""Dropout backward with PyTorch autograd, timed next to yours when torch is installed (never judged).

The mask is drawn with numpy (the stated convention: torch's RNG has another stream); the masking
and its gradient run in torch."""
import numpy as np
import torch

torch.set_num_threads(1)


def dropout_forward(x, dropout_param):
    x = torch.tensor(x, requires_grad=True)
    if dropout_param["mode"] == "train":
        p = dropout_param["p"]
        keep = torch.from_numpy(np.random.default_rng(dropout_param["seed"]).random(tuple(x.shape)) < p)
        out = x * keep / p
    else:
        out = x * 1.0
    return out.detach().numpy(), (out, x)


def dropout_backward(dout, cache):
    out, x = cache
    (dx,) = torch.autograd.grad(out, (x,), torch.from_numpy(dout), retain_graph=True)
    return dx.numpy()
