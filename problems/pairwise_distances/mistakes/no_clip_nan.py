import numpy as np


def pairwise_distances(x, y):
    d2 = np.sum(x ** 2, axis=1)[:, None] + np.sum(y ** 2, axis=1)[None, :] - 2.0 * (x @ y.T)
    return np.sqrt(d2)  # the mistake: a rounding-negative d2 gives NaN


def recognise(inputs, expected, got):
    """NaN exactly where two rows (nearly) coincide, right everywhere else: an unclipped square root.
    Which near-duplicate pairs round to a negative square depends on the order of summation, so the
    outputs cannot be reproduced exactly."""
    d, e = got.get("dists"), expected["dists"]
    if not isinstance(d, np.ndarray) or d.shape != e.shape or d.dtype.kind != "f":
        return False
    nan = np.isnan(d)
    if not nan.any():
        return False
    x, y = inputs["x"], inputs["y"]
    scale = max(1.0, float(np.sqrt(np.sum(x * x, axis=1)).max(initial=0.0)),
                float(np.sqrt(np.sum(y * y, axis=1)).max(initial=0.0)))
    if np.any(e[nan] > 1e-6 * scale):
        return False
    finite = ~nan
    return bool(np.all(np.isfinite(d[finite])) and np.all(np.abs(d[finite] - e[finite]) <= 1e-6 * scale))
