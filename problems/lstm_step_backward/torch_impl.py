"""PyTorch's LSTM cell backward (autograd through torch.lstm_cell), timed next to yours when torch is
installed (never judged). PyTorch's gate order is i, f, g, o and its weights are (4H, D): the blocks
are reordered (a differentiable index, so the gradients come back in this problem's order)."""
import torch

torch.set_num_threads(1)


def _to_torch_order(w, H):
    """Columns i, f, o, g -> i, f, g, o along the last axis."""
    return torch.cat([w[..., :2 * H], w[..., 3 * H:], w[..., 2 * H:3 * H]], dim=-1)


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    inputs = tuple(torch.tensor(a, requires_grad=True) for a in (x, prev_h, prev_c, Wx, Wh, b))
    x, prev_h, prev_c, Wx, Wh, b = inputs
    H = prev_h.shape[1]
    w_ih, w_hh, b_ih = (_to_torch_order(w, H) for w in (Wx, Wh, b))
    next_h, next_c = torch.lstm_cell(x, (prev_h, prev_c), w_ih.T, w_hh.T, b_ih, None)
    return next_h.detach().numpy(), next_c.detach().numpy(), (next_h, next_c, inputs)


def lstm_step_backward(dnext_h, dnext_c, cache):
    next_h, next_c, inputs = cache
    grads = torch.autograd.grad((next_h, next_c), inputs, (torch.from_numpy(dnext_h), torch.from_numpy(dnext_c)),
                                retain_graph=True)
    dx, dprev_h, dprev_c, dWx, dWh, db = (g.numpy() for g in grads)
    return dx, dprev_h, dprev_c, dWx, dWh, db
