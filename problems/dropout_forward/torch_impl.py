"""Dropout with PyTorch tensors, timed next to yours when torch is installed (never judged).

torch's own RNG cannot reproduce numpy's default_rng stream, so the mask is drawn with numpy (the
stated convention) and only the masking runs in torch."""
import numpy as np
import torch

torch.set_num_threads(1)


def dropout_forward(x, dropout_param):
    if dropout_param["mode"] != "train":
        return x, (dropout_param, None)
    p = dropout_param["p"]
    keep = torch.from_numpy(np.random.default_rng(dropout_param["seed"]).random(x.shape) < p)
    out = torch.from_numpy(x) * keep / p
    return out.numpy(), (dropout_param, keep)
