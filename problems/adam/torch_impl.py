"""The same update with torch tensor operations, timed next to yours when torch is installed (never
judged). Written with torch's in-place kernels, as torch.optim.Adam's single-tensor path does."""
import torch

torch.set_num_threads(1)


def adam(w, dw, config=None):
    config = {} if config is None else config
    lr = config.setdefault("learning_rate", 1e-3)
    beta1 = config.setdefault("beta1", 0.9)
    beta2 = config.setdefault("beta2", 0.999)
    eps = config.setdefault("epsilon", 1e-8)
    t = config.setdefault("t", 0) + 1
    w_t, g = torch.from_numpy(w), torch.from_numpy(dw)
    m = torch.zeros_like(w_t) if config.get("m") is None else torch.from_numpy(config["m"]).clone()
    v = torch.zeros_like(w_t) if config.get("v") is None else torch.from_numpy(config["v"]).clone()
    m.lerp_(g, 1 - beta1)
    v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
    denom = (v.sqrt() / (1 - beta2 ** t) ** 0.5).add_(eps)
    next_w = w_t.addcdiv(m, denom, value=-lr / (1 - beta1 ** t))
    config["m"], config["v"], config["t"] = m.numpy(), v.numpy(), t
    return next_w.numpy(), config
