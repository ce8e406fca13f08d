import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=(0, 2, 3), keepdims=True)
    var = (x ** 2).mean(axis=(0, 2, 3), keepdims=True) - mu ** 2   # the mistake: E[x^2] - E[x]^2
    istd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * istd
    out = gamma[:, None, None] * xhat + beta[:, None, None]
    return out, (x, xhat, mu, var, istd, gamma, eps)


def recognise(inputs, expected, got):
    """The one-pass variance's rounding error depends on the order of the sums, so it cannot be
    reproduced bit for bit. Its signature: every channel's output is the right one with xhat scaled
    by a factor r_c, |r_c - 1| small but beyond the tolerance in some channel whose |mean| / std is
    huge, and r_c = 1 (to the tolerance) in every channel whose mean is not large."""
    x = inputs["x"]
    out, ref = got.get("out"), expected["out"]
    if not isinstance(out, np.ndarray) or out.shape != ref.shape or not np.all(np.isfinite(out)):
        return False
    beta = np.asarray(inputs["beta"], dtype=np.float64)[:, None, None]
    a, b = out - beta, ref - beta
    seen = False
    for c in range(x.shape[1]):
        ac, bc = a[:, c].ravel(), b[:, c].ravel()
        scale = np.max(np.abs(bc))
        if scale == 0.0:
            if np.max(np.abs(ac)) > 1e-12:
                return False
            continue
        r = float(ac @ bc / (bc @ bc))
        if np.max(np.abs(ac - r * bc)) > 1e-9 * scale:
            return False                          # not a pure rescaling of the channel
        values = x[:, c]
        ratio = abs(values.mean()) / max(values.std(), 1e-300)
        if abs(r - 1.0) > 1e-7:
            if ratio < 1e4 or abs(r - 1.0) > 1e-2:
                return False                      # rescaled where cancellation cannot explain it
            seen = True
    return seen
