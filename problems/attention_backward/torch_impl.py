"""PyTorch's scaled_dot_product_attention backward (autograd), timed next to yours when torch is
installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def attention_forward(q, k, v, mask=None):
    q, k, v = (torch.tensor(a, requires_grad=True) for a in (q, k, v))
    attn_mask = None if mask is None else torch.from_numpy(mask)   # bool, True = may attend
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask)
    return out.detach().numpy(), (out, q, k, v)


def attention_backward(dout, cache):
    out, q, k, v = cache
    grads = torch.autograd.grad(out, (q, k, v), torch.from_numpy(dout), retain_graph=True)
    return tuple(g.numpy() for g in grads)
