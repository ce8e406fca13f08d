"""PyTorch's scaled_dot_product_attention, timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def attention_forward(q, k, v, mask=None):
    attn_mask = None if mask is None else torch.from_numpy(mask)   # bool, True = may attend
    out = F.scaled_dot_product_attention(torch.from_numpy(q), torch.from_numpy(k), torch.from_numpy(v),
                                         attn_mask=attn_mask)
    return out.numpy(), None
