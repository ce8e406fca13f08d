"""PyTorch's RNN cell (torch.rnn_tanh_cell), timed next to yours when torch is installed (never judged).

PyTorch stores weight_ih as (H, D) and weight_hh as (H, H) with rows = output units: the transposes
of Wx and Wh here (views, no copy).
"""
import torch

torch.set_num_threads(1)


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    x, prev_h, Wx, Wh, b = (torch.from_numpy(a) for a in (x, prev_h, Wx, Wh, b))
    next_h = torch.rnn_tanh_cell(x, prev_h, Wx.T, Wh.T, b, torch.zeros_like(b))
    return next_h.numpy(), None
