"""drill: lstm_step_backward — one time step of an LSTM, backward pass.

Run `drill check lstm_step_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

lstm_step_forward below is provided and works; lstm_step_backward is yours. You may replace
lstm_step_forward too (and its cache), as long as it computes the same next_h and next_c: the judge
runs your lstm_step_forward, then your lstm_step_backward on its cache.
"""
import numpy as np


def sigmoid(a):
    """Numerically stable sigmoid: exp is only taken of -|a|, so it never overflows."""
    z = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    """
    Forward pass for a single timestep of an LSTM (provided).

    The 4H columns of Wx, Wh and b are four blocks of H: input gate i, forget gate f, output gate o,
    candidate g, in that order.

    Inputs:
    - x: Input data, of shape (N, D).
    - prev_h: Previous hidden state, of shape (N, H).
    - prev_c: Previous cell state, of shape (N, H).
    - Wx: Input-to-hidden weights, of shape (D, 4H).
    - Wh: Hidden-to-hidden weights, of shape (H, 4H).
    - b: Biases, of shape (4H,).

    Returns a tuple of:
    - next_h: Next hidden state, of shape (N, H).
    - next_c: Next cell state, of shape (N, H).
    - cache: The tuple (x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c), where i, f, o, g are the
      gate values (N, H) each and tanh_c = tanh(next_c).
    """
    H = prev_h.shape[1]
    a = x @ Wx + prev_h @ Wh + b
    i = sigmoid(a[:, 0:H])
    f = sigmoid(a[:, H:2 * H])
    o = sigmoid(a[:, 2 * H:3 * H])
    g = np.tanh(a[:, 3 * H:4 * H])
    next_c = f * prev_c + i * g
    tanh_c = np.tanh(next_c)
    next_h = o * tanh_c
    cache = (x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c)
    return next_h, next_c, cache


def lstm_step_backward(dnext_h, dnext_c, cache):
    """
    Backward pass for a single timestep of an LSTM.

    Inputs:
    - dnext_h: Gradient of the loss with respect to next_h, of shape (N, H).
    - dnext_c: Gradient of the loss with respect to next_c, of shape (N, H).
    - cache: What lstm_step_forward returned: (x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c).

    Returns a tuple of:
    - dx: Gradient with respect to x, of shape (N, D).
    - dprev_h: Gradient with respect to prev_h, of shape (N, H).
    - dprev_c: Gradient with respect to prev_c, of shape (N, H).
    - dWx: Gradient with respect to Wx, of shape (D, 4H).
    - dWh: Gradient with respect to Wh, of shape (H, 4H).
    - db: Gradient with respect to b, of shape (4H,).

    Do not modify dnext_h, dnext_c or the arrays in cache.
    """
    raise NotImplementedError("lstm_step_backward: start from the cell, which both outputs depend on")
