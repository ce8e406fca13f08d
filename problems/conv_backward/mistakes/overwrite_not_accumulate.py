import numpy as np


def conv_backward(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    rows, cols = slice(i * S, i * S + HH), slice(j * S, j * S + WW)
                    dx_pad[n, :, rows, cols] = w[f] * dout[n, f, i, j]  # should be +=
                    dw[f] += x_pad[n, :, rows, cols] * dout[n, f, i, j]
    db = dout.sum(axis=(0, 2, 3))
    return dx_pad[:, :, P:P + H, P:P + W], dw, db


def _within(got, target, scale, rtol=1e-7, atol=1e-10):
    """Elementwise: is got within tolerance of target (atol scaled like the judge's)?"""
    return np.abs(got - target) <= atol * max(1.0, scale) + rtol * np.abs(target)


def _close(got, target):
    got, target = np.asarray(got), np.asarray(target)
    if got.shape != target.shape or not np.all(np.isfinite(got)):
        return False
    scale = float(np.max(np.abs(target))) if target.size else 1.0
    return bool(np.all(_within(got, target, scale)))


def _coverage(size, k, stride, pad, n_out):
    """How many windows cover each input row (or column), padding stripped."""
    counts = np.zeros(size + 2 * pad, dtype=int)
    for i in range(n_out):
        counts[i * stride:i * stride + k] += 1
    return counts[pad:pad + size]


def _each_pixel_is_one_term(dx, terms, P, scale):
    """Whether every pixel of dx equals (within tolerance) one of the terms written onto it.

    terms yields (rows, cols, value): a value of shape (N, C, len(rows), len(cols)) written at
    dx_pad[:, :, rows, cols]. Pixels no term reaches must not be checked here (they are uncovered).
    """
    N, C, H, W = dx.shape
    dx_pad = np.pad(dx, ((0, 0), (0, 0), (P, P), (P, P)))
    matched = np.zeros(dx_pad.shape, dtype=bool)
    for rows, cols, value in terms:
        matched[:, :, rows, cols] |= _within(dx_pad[:, :, rows, cols], value, scale)
    return matched[:, :, P:P + H, P:P + W]


def recognise(inputs, expected, got):
    """dx written with = where += belongs. The last write wins, so the result depends on the loop
    order; recognise it by the shape of the error instead (with dw and db right): every pixel that
    some window covers holds exactly one of the terms its gradient should sum, and the pixels no
    window covers are 0. So dx is right wherever at most one window covers a pixel and wrong where
    two or more do. One term is either
    - one window's contribution, summed over the filters (a loop over n, i, j, or over the kernel
      offsets, writing with =): sum over f of w[f, :, di, dj] * dout[n, f, i, j]; or
    - one (filter, window) product (a loop over n, f, i, j writing with =): w[f] * dout[n, f, i, j]."""
    if "dx" not in got:
        return False
    x, w, dout = inputs["x"], inputs["w"], inputs["dout"]
    S, P = inputs["conv_param"]["stride"], inputs["conv_param"]["pad"]
    dx, exp = np.asarray(got["dx"]), np.asarray(expected["dx"])
    if dx.shape != exp.shape or dx.dtype.kind != "f" or not np.all(np.isfinite(dx)) or _close(dx, exp):
        return False
    for name in ("dw", "db"):
        if name in got and not _close(got[name], expected[name]):
            return False
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_out, W_out = dout.shape[2:]
    scale = float(np.max(np.abs(exp))) if exp.size else 1.0
    cover = np.outer(_coverage(H, HH, S, P, H_out), _coverage(W, WW, S, P, W_out))  # (H, W)
    if not np.all(_within(dx, exp, scale)[:, :, cover == 0]):
        return False
    windows = [(slice(i * S, i * S + HH), slice(j * S, j * S + WW), i, j)
               for i in range(H_out) for j in range(W_out)]

    per_window = ((rows, cols, np.tensordot(dout[:, :, i, j], w, axes=([1], [0])))   # (N, C, HH, WW)
                  for rows, cols, i, j in windows)
    if np.all(_each_pixel_is_one_term(dx, per_window, P, scale)[:, :, cover >= 1]):
        return True

    per_filter_window = ((rows, cols, w[f][None] * dout[:, f, i, j][:, None, None, None])
                         for rows, cols, i, j in windows for f in range(F))
    return bool(np.all(_each_pixel_is_one_term(dx, per_filter_window, P, scale)[:, :, cover >= 1]))
