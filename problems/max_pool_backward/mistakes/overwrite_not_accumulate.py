import numpy as np


def max_pool_backward(dout, cache):
    x, pool_param = cache
    N, C, _, _ = x.shape
    ph, pw, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    _, _, H_out, W_out = dout.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * S:i * S + ph, j * S:j * S + pw]
                    r, s = divmod(int(np.argmax(window)), pw)
                    dx[n, c, i * S + r, j * S + s] = dout[n, c, i, j]   # the mistake: = where += belongs
    return dx


def _within(got, target, scale, rtol=1e-7, atol=1e-10):
    return np.abs(got - target) <= atol * max(1.0, scale) + rtol * np.abs(target)


def _close(got, target):
    got, target = np.asarray(got), np.asarray(target)
    if got.shape != target.shape or got.dtype.kind != "f" or not np.all(np.isfinite(got)):
        return False
    scale = float(np.max(np.abs(target))) if target.size else 1.0
    return bool(np.all(_within(got, target, scale)))


def recognise(inputs, expected, got):
    """dx written with = where += belongs. The last write wins, so the result depends on the loop
    order (and on whether the whole window is written, zeros included, or only its maximum).
    Recognise it by the shape of the error instead, with out right: every element covered by at most
    one window is right; every element covered by two or more holds 0 or one of the douts of the
    windows whose first maximum it is (never a sum of several, never a dout of a window whose first
    maximum is elsewhere)."""
    if "dx" not in got:
        return False
    if "out" in got and not _close(got["out"], expected["out"]):
        return False
    x, dout = np.asarray(inputs["x"]), np.asarray(inputs["dout"])
    p = inputs["pool_param"]
    ph, pw, S = p["pool_height"], p["pool_width"], p["stride"]
    dx, exp = np.asarray(got["dx"]), np.asarray(expected["dx"])
    if dx.shape != exp.shape or dx.dtype.kind != "f" or not np.all(np.isfinite(dx)) or _close(dx, exp):
        return False
    N, C, H, W = x.shape
    H_out, W_out = dout.shape[2:]
    scale = float(np.max(np.abs(exp))) if exp.size else 1.0
    cover = np.zeros((H, W), dtype=int)
    allowed = np.zeros(dx.shape, dtype=bool)
    allowed |= _within(dx, 0.0, scale)
    for i in range(H_out):
        for j in range(W_out):
            cover[i * S:i * S + ph, j * S:j * S + pw] += 1
            window = x[:, :, i * S:i * S + ph, j * S:j * S + pw].reshape(N, C, -1)
            r, s = np.divmod(window.argmax(axis=2), pw)
            for n in range(N):
                for c in range(C):
                    a, b = i * S + r[n, c], j * S + s[n, c]
                    allowed[n, c, a, b] |= bool(_within(dx[n, c, a, b], dout[n, c, i, j], scale))
    single = cover <= 1
    if not np.all(_within(dx, exp, scale)[:, :, single]):
        return False
    return bool(np.all(allowed[:, :, ~single]))
