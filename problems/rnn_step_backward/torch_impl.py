"""PyTorch's RNN cell backward (autograd through torch.rnn_tanh_cell), timed next to yours when torch
is installed (never judged)."""
import torch

torch.set_num_threads(1)


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    x, prev_h, Wx, Wh, b = (torch.tensor(a, requires_grad=True) for a in (x, prev_h, Wx, Wh, b))
    next_h = torch.rnn_tanh_cell(x, prev_h, Wx.T, Wh.T, b, None)
    return next_h.detach().numpy(), (next_h, x, prev_h, Wx, Wh, b)


def rnn_step_backward(dnext_h, cache):
    next_h, *inputs = cache
    grads = torch.autograd.grad(next_h, inputs, torch.from_numpy(dnext_h), retain_graph=True)
    return tuple(g.numpy() for g in grads)
