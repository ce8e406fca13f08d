"""Hidden cases for layernorm_forward. Each designed case targets one edge or one known mistake.

Statistics are per sample (per row of x), so most cases give every row its own mean and spread:
then batch-norm statistics (per column) can never agree with layer-norm ones by chance.
"""
import numpy as np


def _case(name, why, x, gamma, beta, ln_param):
    return {"name": name, "why": why,
            "inputs": {"x": x, "gamma": gamma, "beta": beta, "ln_param": ln_param}}


def _rows(rng, n, d, mean, std):
    """(n, d) samples; mean and std are scalars or (n, 1) columns, one per sample (row)."""
    return mean + std * rng.standard_normal((n, d))


def _params(rng, d):
    return rng.uniform(0.5, 1.5, d), rng.normal(0.0, 1.0, d)


def _col(values):
    return np.asarray(values, dtype=np.float64).reshape(-1, 1)


# Fixed offsets with mean exactly 0: each row of the huge-mean case is mean + std * _OFFSETS.
_OFFSETS = np.array([-1.5, 0.25, 2.0, -0.75, 1.0, -2.25, 0.5, 0.75])


def huge_mean_rows():
    """(3, 8) rows whose |mean| / std is 1.4e6 to 1.9e6 (fixed numbers, the same at every seed).

    E[x^2] and E[x]^2 are both ~1e17 here and agree in their first 12 digits, so the one-pass
    variance E[x^2] - E[x]^2 keeps only ~4 correct digits (relative error 2e-5 to 5e-4 per row,
    the same for every summation order we tried), while the two-pass variance keeps ~14.
    """
    means = [3.0e8, -4.5e8, 2.5e9]
    stds = [123.4375, 251.3, 987.65]
    return np.array([[m + s * o for o in _OFFSETS] for m, s in zip(means, stds)])


def designed(rng):
    cases = []

    # Rows with their own means and spreads, N != D: every listed mistake except the two eps/
    # cancellation ones shows here.
    x = _rows(rng, 4, 6, mean=_col([0.5, -2.0, 3.0, 0.0]), std=_col([1.0, 0.5, 2.0, 0.2]))
    cases.append(_case("basic_small", "a plain (4, 6) batch, samples with their own means and spreads",
                       x, *_params(rng, 6), {"eps": 1e-5}))

    cases.append(_case("single_sample", "N = 1: layer norm still normalises the one sample over its 7 "
                       "features (statistics over the batch axis would give out = beta)",
                       _rows(rng, 1, 7, 2.0, 3.0), *_params(rng, 7), {"eps": 1e-5}))

    x = _rows(rng, 4, 5, _col([1.0, -1.0, 0.0, 4.0]), 1.5)
    x[2, :] = 2.5  # exactly representable, so the row mean is exactly 2.5 however it is summed
    cases.append(_case("constant_row", "one sample is constant over its features: its variance is 0 and "
                       "its output row must be exactly beta (finite, no division by zero)",
                       x, *_params(rng, 5), {"eps": 1e-5}))

    cases.append(_case("huge_mean_rows", "|mean| / std >= 1e6 in every row (fixed numbers): the one-pass "
                       "variance E[x^2] - E[x]^2 loses ~12 digits to cancellation, the centered two-pass "
                       "one does not", huge_mean_rows(), np.array([1.5, -0.5, 2.0, 0.75, 1.0, -1.25, 0.5, 3.0]),
                       np.array([0.1, 0.2, -0.3, 0.4, -0.5, 0.6, -0.7, 0.8]), {"eps": 1e-5}))

    cases.append(_case("tiny_variance_default_eps", "std ~1e-3 (var ~1e-6, below eps) and ln_param = {}: "
                       "eps defaults to 1e-5 and dominates the denominator",
                       _rows(rng, 3, 8, rng.uniform(-1.0, 1.0, (3, 1)), 1e-3), *_params(rng, 8), {}))

    # Each row is mean + 0.03 * (a fixed pattern with mean 0 and variance 1): var is exactly ~9e-4 at
    # every seed, so eps = 1e-3 against a hard-coded 1e-5 changes the output by ~40%.
    pattern = np.array([-1.0, 1.0, -1.0, 1.0, 1.0, -1.0])
    x = rng.uniform(-1.0, 1.0, (4, 1)) + 0.03 * pattern * np.array([[1.0], [-1.0], [1.0], [1.0]])
    cases.append(_case("eps_from_ln_param", "ln_param = {'eps': 1e-3} with row variances ~1e-3: the eps "
                       "passed in must be used, not a hard-coded 1e-5", x, *_params(rng, 6), {"eps": 1e-3}))

    cases.append(_case("extra_keys_ignored", "ln_param = {'mode': 'test', 'eps': 1e-4}: layer norm uses "
                       "each sample's own statistics in every mode; extra keys are ignored",
                       _rows(rng, 3, 5, _col([1.0, -2.0, 0.5]), _col([0.02, 0.5, 3.0])), *_params(rng, 5),
                       {"mode": "test", "eps": 1e-4}))

    cases.append(_case("single_feature", "D = 1: a sample with one feature has variance 0, so out = beta "
                       "in every row (statistics over the 5 samples would not be)",
                       _rows(rng, 5, 1, -3.0, 2.0), np.array([1.5]), np.array([-0.5]), {"eps": 1e-5}))

    cases.append(_case("two_features", "D = 2: xhat is close to -1 and +1; a D - 1 variance is off by sqrt(2)",
                       _rows(rng, 3, 2, _col([1.0, 0.0, -4.0]), 2.0), *_params(rng, 2), {"eps": 1e-5}))

    cases.append(_case("tall_n_gt_d", "N = 12 samples of D = 3 features: sums over the wrong axis are "
                       "visible and shapes cannot line up by accident",
                       _rows(rng, 12, 3, rng.uniform(-5.0, 5.0, (12, 1)), rng.uniform(0.1, 3.0, (12, 1))),
                       *_params(rng, 3), {"eps": 1e-5}))

    cases.append(_case("wide_d_gt_n", "N = 2 samples of D = 16 features (a wide layer)",
                       _rows(rng, 2, 16, _col([-1.0, 2.0]), _col([0.5, 4.0])), *_params(rng, 16),
                       {"eps": 1e-5}))

    cases.append(_case("square_n_eq_d", "N = D = 5: a per-row mean of shape (N,) without keepdims "
                       "broadcasts along the features without an error",
                       _rows(rng, 5, 5, _col([0.0, 3.0, -3.0, 6.0, 1.0]), _col([1.0, 0.5, 2.0, 1.0, 0.3])),
                       *_params(rng, 5), {"eps": 1e-5}))

    cases.append(_case("negative_gamma_and_beta", "gamma with negative and small entries, beta far from 0",
                       _rows(rng, 3, 4, _col([1.0, -1.0, 2.0]), 1.5), np.array([-2.0, 0.5, 3.0, -0.25]),
                       np.array([1.5, -1.0, 0.0, 4.0]), {"eps": 1e-5}))
    return cases


def random_case(rng, index):
    n = int(rng.integers(1, 41))
    d = int(rng.integers(2, 65))
    std = 10.0 ** rng.uniform(-2.5, 2.0, (n, 1))   # var from about eps (1e-5) to 1e4
    mean = std * rng.uniform(-50.0, 50.0, (n, 1))  # up to 50 standard deviations from 0
    x = mean + std * rng.standard_normal((n, d))
    gamma = rng.normal(1.0, 0.5, d)
    beta = rng.normal(0.0, 1.0, d)
    ln_param = {"eps": 1e-5} if index % 2 == 0 else {}
    return _case(f"random_{index}", f"seeded random batch, N={n}, D={d}", x, gamma, beta, ln_param)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for n, d, label in [(64, 128, "N=64, D=128"), (512, 512, "N=512, D=512"),
                        (2048, 768, "N=2048, D=768 (a BERT-base layer, 2048 tokens)")]:
        sizes.append({"label": label, "flops": None, "bytes": 16 * n * d, "inputs": {
            "x": rng.standard_normal((n, d)), "gamma": rng.uniform(0.5, 1.5, d),
            "beta": rng.normal(0.0, 1.0, d), "ln_param": {"eps": 1e-5}}})
    return sizes
