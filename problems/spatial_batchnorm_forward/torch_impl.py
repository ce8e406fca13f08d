"""PyTorch's batch norm on 4-d input (training mode), timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    out = F.batch_norm(torch.from_numpy(x), None, None, torch.from_numpy(gamma), torch.from_numpy(beta),
                       training=True, eps=eps)
    return out.numpy(), None
