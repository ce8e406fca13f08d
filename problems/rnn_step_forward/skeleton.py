"""drill: rnn_step_forward — one time step of a vanilla (tanh) RNN, forward pass.

Run `drill check rnn_step_forward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    """
    Run the forward pass for a single timestep of a vanilla RNN that uses a tanh activation.

    The input data has dimension D, the hidden state has dimension H, and the minibatch has N samples.

    Inputs:
    - x: Input data for this timestep, of shape (N, D), float64.
    - prev_h: Hidden state from the previous timestep, of shape (N, H).
    - Wx: Weight matrix for input-to-hidden connections, of shape (D, H).
    - Wh: Weight matrix for hidden-to-hidden connections, of shape (H, H).
    - b: Biases, of shape (H,).

    Returns a tuple of:
    - next_h: Next hidden state, of shape (N, H), float64.
    - cache: Whatever your backward pass would need (not judged).

    Do not modify the inputs.
    """
    raise NotImplementedError("rnn_step_forward: one affine map per input, then the nonlinearity")
