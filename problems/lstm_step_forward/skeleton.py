"""drill: lstm_step_forward — one time step of an LSTM, forward pass.

Run `drill check lstm_step_forward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    """
    Forward pass for a single timestep of an LSTM.

    The input data has dimension D, the hidden state has dimension H, and the minibatch has N samples.
    The 4H columns of Wx, Wh and b are four blocks of H: input gate i, forget gate f, output gate o,
    candidate g, in that order.

    Inputs:
    - x: Input data, of shape (N, D), float64.
    - prev_h: Previous hidden state, of shape (N, H).
    - prev_c: Previous cell state, of shape (N, H).
    - Wx: Input-to-hidden weights, of shape (D, 4H).
    - Wh: Hidden-to-hidden weights, of shape (H, 4H).
    - b: Biases, of shape (4H,).

    Returns a tuple of:
    - next_h: Next hidden state, of shape (N, H), float64.
    - next_c: Next cell state, of shape (N, H), float64.
    - cache: Whatever your backward pass would need (not judged).

    Do not modify the inputs.
    """
    raise NotImplementedError("lstm_step_forward: one product for all four gates, then split it")
