"""PyTorch's layer norm, timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def layernorm_forward(x, gamma, beta, ln_param):
    out = F.layer_norm(torch.from_numpy(x), (x.shape[1],), torch.from_numpy(gamma), torch.from_numpy(beta),
                       eps=ln_param.get("eps", 1e-5))
    return out.numpy(), None
