"""PyTorch's LSTM cell (torch.lstm_cell), timed next to yours when torch is installed (never judged).

PyTorch packs the gates as i, f, g, o with weights stored (4H, D): the columns of Wx are reordered
from i, f, o, g to i, f, g, o and transposed.
"""
import torch

torch.set_num_threads(1)


def _to_torch_order(w, H):
    """Swap the last two blocks of H (o, g -> g, o) along the last axis."""
    return torch.cat([w[..., :2 * H], w[..., 3 * H:], w[..., 2 * H:3 * H]], dim=-1)


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    x, prev_h, prev_c, Wx, Wh, b = (torch.from_numpy(a) for a in (x, prev_h, prev_c, Wx, Wh, b))
    H = prev_h.shape[1]
    w_ih, w_hh, b_ih = (_to_torch_order(w, H) for w in (Wx, Wh, b))
    next_h, next_c = torch.lstm_cell(x, (prev_h, prev_c), w_ih.T, w_hh.T, b_ih, None)
    return next_h.numpy(), next_c.numpy(), None
