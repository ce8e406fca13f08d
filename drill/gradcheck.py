"""Numerical gradients and the cs231n relative error.

Pure numpy, no other drill imports: the worker loads this file by path to check a user's backward
against the user's own forward.
"""
import numpy as np


def numerical_gradient(f, x, upstream, h=1e-5):
    """Centered differences of the loss sum(f() * upstream) with respect to the array x, perturbed in place.

    f takes no arguments and reads x; x is restored after every perturbation. When f returns several
    outputs (a list), upstream is a list too and the loss is the sum of the products. An upstream of
    None means that output is the loss itself (a scalar).
    """
    several = isinstance(upstream, list)
    upstreams = upstream if several else [upstream]

    def evaluate():
        values = f()
        # copies: f may return views of its own buffer
        return [np.array(v, dtype=np.float64) for v in (values if several else [values])]

    grad = np.zeros_like(x, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        plus = evaluate()
        x[i] = old - h
        minus = evaluate()
        x[i] = old
        # difference first, then sum (as cs231n's eval_numerical_gradient_array): less round-off
        grad[i] = sum(np.sum((p - m) * (1.0 if u is None else u)) for p, m, u in zip(plus, minus, upstreams)) / (2 * h)
        it.iternext()
    return grad


def rel_error(a, b):
    """max |a - b| / max(1e-8, |a| + |b|): below 1e-7 is a good gradient, above 1e-2 a wrong one."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        return float("inf")
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
