"""drill: rnn_step_backward — one time step of a vanilla (tanh) RNN, backward pass.

Run `drill check rnn_step_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

rnn_step_forward below is provided and works; rnn_step_backward is yours. You may replace
rnn_step_forward too (and its cache), as long as it computes the same next_h: the judge runs your
rnn_step_forward, then your rnn_step_backward on its cache.
"""
import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    """
    Forward pass for a single timestep of a vanilla RNN with a tanh activation (provided).

    Inputs:
    - x: Input data for this timestep, of shape (N, D).
    - prev_h: Hidden state from the previous timestep, of shape (N, H).
    - Wx: Weight matrix for input-to-hidden connections, of shape (D, H).
    - Wh: Weight matrix for hidden-to-hidden connections, of shape (H, H).
    - b: Biases, of shape (H,).

    Returns a tuple of:
    - next_h: Next hidden state, of shape (N, H): tanh(x @ Wx + prev_h @ Wh + b).
    - cache: The tuple (x, prev_h, Wx, Wh, next_h).
    """
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    cache = (x, prev_h, Wx, Wh, next_h)
    return next_h, cache


def rnn_step_backward(dnext_h, cache):
    """
    Backward pass for a single timestep of a vanilla RNN.

    Inputs:
    - dnext_h: Gradient of the loss with respect to next_h, of shape (N, H).
    - cache: What rnn_step_forward returned: (x, prev_h, Wx, Wh, next_h).

    Returns a tuple of:
    - dx: Gradient with respect to x, of shape (N, D).
    - dprev_h: Gradient with respect to prev_h, of shape (N, H).
    - dWx: Gradient with respect to Wx, of shape (D, H).
    - dWh: Gradient with respect to Wh, of shape (H, H).
    - db: Gradient with respect to b, of shape (H,).

    Do not modify dnext_h or the arrays in cache.
    """
    raise NotImplementedError("rnn_step_backward: first through the tanh, then through the two products")
