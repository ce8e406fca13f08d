import numpy as np


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if mode == "train":
        rng = np.random.default_rng(dropout_param["seed"])
        mask = (rng.random(x.shape) < p) / p
        return x * mask, (dropout_param, rng)     # the generator goes in the cache, not the mask
    return x, (dropout_param, None)


def dropout_backward(dout, cache):
    dropout_param, rng = cache
    if dropout_param["mode"] == "train":
        p = dropout_param["p"]
        # the mistake: a second draw from the generator is a NEW mask, not the forward pass's one
        # (here the generator's next numbers; an unseeded or global generator is just as wrong)
        mask = (rng.random(dout.shape) < p) / p
        return dout * mask
    return dout


def _within(got, target, scale, rtol=1e-7, atol=1e-10):
    return np.abs(got - target) <= atol * max(1.0, scale) + rtol * np.abs(target)


def _close(got, target):
    got, target = np.asarray(got), np.asarray(target)
    if got.shape != target.shape or got.dtype.kind != "f" or not np.all(np.isfinite(got)):
        return False
    scale = float(np.max(np.abs(target))) if target.size else 1.0
    return bool(np.all(_within(got, target, scale)))


def recognise(inputs, expected, got):
    """A mask drawn again in the backward pass, from whatever generator: out is right (train mode),
    dx is wrong, and every entry of dx is 0 or dout / p — a dropout mask, only not the forward one."""
    param = inputs["dropout_param"]
    if param.get("mode") != "train" or "dx" not in got:
        return False
    if "out" in got and not _close(got["out"], expected["out"]):
        return False
    dx, exp = np.asarray(got["dx"]), np.asarray(expected["dx"])
    if dx.shape != exp.shape or dx.dtype.kind != "f" or not np.all(np.isfinite(dx)) or _close(dx, exp):
        return False
    dout = np.asarray(inputs["dout"])
    scale = float(np.max(np.abs(exp))) if exp.size else 1.0
    kept = _within(dx, dout / param["p"], scale)
    dropped = _within(dx, 0.0, scale)
    return bool(np.all(kept | dropped))
