import numpy as np


def conv_backward(dout, cache):
    x, w, b, conv_param = cache
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    _, _, H_out, W_out = dout.shape
    H, W = x.shape[2:]
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    for i in range(H_out):
        for j in range(W_out):
            rows, cols = slice(i * S, i * S + HH), slice(j * S, j * S + WW)
            dx_pad[:, :, rows, cols] += np.tensordot(dout[:, :, i, j], w, axes=([1], [0]))
            dw += np.tensordot(dout[:, :, i, j], x_pad[:, :, rows, cols], axes=([0], [0]))
    db = np.mean(dout, axis=(0, 2, 3))  # should be a sum
    return dx_pad[:, :, P:P + H, P:P + W], dw, db


def _close(got, target, rtol=1e-7, atol=1e-10):
    got, target = np.asarray(got), np.asarray(target)
    if got.shape != target.shape or not np.all(np.isfinite(got)):
        return False
    scale = max(1.0, float(np.max(np.abs(target)))) if target.size else 1.0
    return bool(np.all(np.abs(got - target) <= atol * scale + rtol * np.abs(target)))


def recognise(inputs, expected, got):
    """dx and dw right; db the right sum divided by N, by H'*W' or by N*H'*W' (a mean over some axes)."""
    if "db" not in got or _close(got["db"], expected["db"]):
        return False
    for name in ("dx", "dw"):
        if name in got and not _close(got[name], expected[name]):
            return False
    N, _, H_out, W_out = np.shape(inputs["dout"])
    db = np.asarray(expected["db"])
    return any(_close(got["db"], db / k) for k in {N, H_out * W_out, N * H_out * W_out} if k > 1)
