"""PyTorch's multi_head_attention_forward, timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def multi_head_attention(x, w_qkv, b_qkv, w_out, b_out, num_heads, causal=False):
    t = torch.from_numpy(x).transpose(0, 1)                          # (T, B, E)
    T, E = t.shape[0], t.shape[2]
    attn_mask = torch.ones(T, T, dtype=torch.bool).triu(1) if causal else None   # True = blocked here
    out, _ = F.multi_head_attention_forward(
        t, t, t, E, num_heads, torch.from_numpy(w_qkv).T, torch.from_numpy(b_qkv), None, None, False, 0.0,
        torch.from_numpy(w_out).T, torch.from_numpy(b_out), training=False, need_weights=False,
        attn_mask=attn_mask)
    return out.transpose(0, 1).numpy()
