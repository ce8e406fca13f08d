import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    eps = ln_param.get("eps", 1e-5)
    mu = x.mean(axis=1, keepdims=True)
    var = (x ** 2).mean(axis=1, keepdims=True) - mu ** 2   # the mistake: E[x^2] - E[x]^2 cancels
    istd = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * istd
    out = gamma * xhat + beta
    return out, (x, xhat, mu, var, istd, gamma, eps)


def recognise(inputs, expected, got):
    """The one-pass variance's rounding error can depend on the order of the sums, so it is recognised
    by its signature rather than bit for bit: every row's output is the right one with xhat scaled by
    a factor r_i, |r_i - 1| small but beyond the tolerance in some row whose |mean| / std is huge, and
    r_i = 1 (to the tolerance) in every row whose mean is not large."""
    x = inputs["x"]
    out, ref = got.get("out"), expected["out"]
    if not isinstance(out, np.ndarray) or out.shape != ref.shape or not np.all(np.isfinite(out)):
        return False
    beta = np.asarray(inputs["beta"], dtype=np.float64)
    a, b = out - beta, ref - beta
    seen = False
    for i in range(x.shape[0]):
        ai, bi = a[i], b[i]
        scale = np.max(np.abs(bi))
        if scale == 0.0:
            if np.max(np.abs(ai)) > 1e-12:
                return False
            continue
        r = float(ai @ bi / (bi @ bi))
        if np.max(np.abs(ai - r * bi)) > 1e-9 * scale:
            return False                          # not a pure rescaling of the row
        ratio = abs(x[i].mean()) / max(x[i].std(), 1e-300)
        if abs(r - 1.0) > 1e-7:
            if ratio < 1e4 or abs(r - 1.0) > 1e-2:
                return False                      # rescaled where cancellation cannot explain it
            seen = True
    return seen
