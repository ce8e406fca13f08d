"""drill: word_embedding_backward — the gradient of an embedding lookup.

Run `drill check word_embedding_backward <this file>` to grade it.
Allowed imports: numpy and the Python standard library.

word_embedding_forward below is provided and works; word_embedding_backward is yours. You may
replace word_embedding_forward too (and its cache), as long as it computes the same out: the judge
runs your word_embedding_forward, then your word_embedding_backward on its cache.
"""
import numpy as np


def word_embedding_forward(x, W):
    """
    Forward pass for word embeddings (provided): each integer word index becomes a vector.

    Inputs:
    - x: Integer array (int64) of shape (N, T): N sentences of T words, each index in [0, V).
    - W: Weight matrix of shape (V, D): one D-dimensional vector per word of the vocabulary.

    Returns a tuple of:
    - out: Array of shape (N, T, D): out[n, t] = W[x[n, t]].
    - cache: The tuple (x, W).
    """
    out = W[x]
    cache = (x, W)
    return out, cache


def word_embedding_backward(dout, cache):
    """
    Backward pass for word embeddings. Only W has a gradient: x holds integers.

    Inputs:
    - dout: Upstream gradient dL/dout, of shape (N, T, D).
    - cache: What word_embedding_forward returned: (x, W).

    Returns:
    - dW: Gradient with respect to W, of shape (V, D), float64.

    Do not modify dout or the arrays in cache (W in particular).
    """
    raise NotImplementedError("word_embedding_backward: which positions of out did row v of W go to?")
