"""Hidden cases for layernorm_backward. Each designed case targets one edge or one known mistake.

Every case runs the forward pass on (x, gamma, beta, ln_param), then the backward pass on dout.
Statistics are per sample (row): rows get their own means and spreads, N != D unless a case says
otherwise, and gamma is never constant (so that gamma factored out of the row sums always shows).
"""
import numpy as np


def _case(name, why, x, gamma, beta, dout, ln_param=None):
    return {"name": name, "why": why,
            "inputs": {"x": x, "gamma": gamma, "beta": beta,
                       "ln_param": {"eps": 1e-5} if ln_param is None else ln_param, "dout": dout}}


def _rows(rng, n, d, mean, std):
    """(n, d) samples; mean and std are scalars or (n, 1) columns, one per sample (row)."""
    return mean + std * rng.standard_normal((n, d))


def _params(rng, d):
    return rng.uniform(0.5, 1.5, d), rng.normal(0.0, 1.0, d)


def _col(values):
    return np.asarray(values, dtype=np.float64).reshape(-1, 1)


_OFFSETS = np.array([-1.5, 0.25, 2.0, -0.75, 1.0, -2.25, 0.5, 0.75])  # mean exactly 0


def huge_mean_rows():
    """(3, 8) rows whose |mean| / std is 1.4e6 to 1.9e6 (fixed numbers, the same at every seed)."""
    means = [3.0e8, -4.5e8, 2.5e9]
    stds = [123.4375, 251.3, 987.65]
    return np.array([[m + s * o for o in _OFFSETS] for m, s in zip(means, stds)])


def designed(rng):
    cases = []

    x = _rows(rng, 4, 6, mean=_col([0.5, -2.0, 3.0, 0.0]), std=_col([1.0, 0.5, 2.0, 0.2]))
    cases.append(_case("basic_small", "a plain (4, 6) batch, samples with their own means and spreads: "
                       "every listed mistake shows here", x, *_params(rng, 6), rng.standard_normal((4, 6))))

    # Fixed numbers, chosen so that no gradient entry is near 0: the cs231n relative error of a
    # centered-difference check (h = 1e-5) is then ~1e-10 for a correct backward pass.
    x = np.array([[0.8, -1.0, 3.1, 1.7], [1.1, -1.5, 2.7, 0.2], [1.9, 0.0, -2.3, 0.6]])
    dout = np.array([[-2.7, 1.1, 0.6, 0.3], [0.2, 1.0, -0.7, 1.9], [0.4, -0.6, 0.9, -1.4]])
    cases.append(_case("gradcheck_small", "a (3, 4) batch small enough for a numerical gradient check",
                       x, np.array([1.2, -0.7, 0.9, 1.6]), np.array([0.1, -0.3, 0.5, 0.2]), dout))

    cases.append(_case("single_sample", "N = 1: dgamma and dbeta are sums over one sample; dx is still "
                       "a full (1, 7) gradient through the row statistics",
                       _rows(rng, 1, 7, 2.0, 3.0), *_params(rng, 7), rng.standard_normal((1, 7))))

    x = _rows(rng, 4, 5, _col([1.0, -1.0, 0.0, 4.0]), 1.5)
    x[2, :] = 2.5  # exactly representable, so the row mean is exactly 2.5 however it is summed
    cases.append(_case("constant_row", "one sample is constant: var = 0 and istd = 1/sqrt(eps) ~ 316, "
                       "so its dx row is large but finite", x, *_params(rng, 5), rng.standard_normal((4, 5))))

    cases.append(_case("huge_mean_rows", "|mean| / std >= 1e6 in every row (fixed numbers): the forward "
                       "variance must be computed from centered values, and dx is ~1e-3",
                       huge_mean_rows(), np.array([1.5, -0.5, 2.0, 0.75, 1.0, -1.25, 0.5, 3.0]),
                       np.array([0.1, 0.2, -0.3, 0.4, -0.5, 0.6, -0.7, 0.8]), rng.standard_normal((3, 8))))

    cases.append(_case("tiny_variance_default_eps", "std ~1e-3 (var ~1e-6, below eps) and ln_param = {}: "
                       "eps defaults to 1e-5 and the variance path is damped by it",
                       _rows(rng, 3, 8, rng.uniform(-1.0, 1.0, (3, 1)), 1e-3), *_params(rng, 8),
                       rng.standard_normal((3, 8)), {}))

    pattern = np.array([-1.0, 1.0, -1.0, 1.0, 1.0, -1.0])  # mean 0, variance 1
    x = rng.uniform(-1.0, 1.0, (4, 1)) + 0.03 * pattern * np.array([[1.0], [-1.0], [1.0], [1.0]])
    cases.append(_case("eps_from_ln_param", "ln_param = {'mode': 'train', 'eps': 1e-3} with row variances "
                       "~1e-3: the eps passed in is the one used", x, *_params(rng, 6),
                       rng.standard_normal((4, 6)), {"mode": "train", "eps": 1e-3}))

    cases.append(_case("single_feature", "D = 1: xhat = 0 whatever x is, so out = beta and dx must be "
                       "exactly 0 (finite)", _rows(rng, 5, 1, -3.0, 2.0), np.array([1.5]), np.array([-0.5]),
                       rng.standard_normal((5, 1))))

    cases.append(_case("two_features", "D = 2: the smallest row with a nonzero variance",
                       _rows(rng, 3, 2, _col([1.0, 0.0, -4.0]), 2.0), np.array([0.7, 1.9]),
                       np.array([0.3, -0.2]), rng.standard_normal((3, 2))))

    cases.append(_case("tall_n_gt_d", "N = 12 samples of D = 3 features: row sums and batch sums differ "
                       "in shape and value", _rows(rng, 12, 3, rng.uniform(-5.0, 5.0, (12, 1)),
                                                   rng.uniform(0.1, 3.0, (12, 1))),
                       *_params(rng, 3), rng.standard_normal((12, 3))))

    cases.append(_case("wide_d_gt_n", "N = 2 samples of D = 16 features (a wide layer)",
                       _rows(rng, 2, 16, _col([-1.0, 2.0]), _col([0.5, 4.0])), *_params(rng, 16),
                       rng.standard_normal((2, 16))))

    cases.append(_case("square_n_eq_d", "N = D = 5: sums over the wrong axis have the right shape here",
                       _rows(rng, 5, 5, _col([0.0, 3.0, -3.0, 6.0, 1.0]), _col([1.0, 0.5, 2.0, 1.0, 0.3])),
                       *_params(rng, 5), rng.standard_normal((5, 5))))

    cases.append(_case("dout_with_offset", "upstream gradients ~3 + noise: the path through the row mean "
                       "carries most of dx", _rows(rng, 6, 4, _col([0.0, 1.0, -1.0, 2.0, 0.5, -0.5]), 1.0),
                       *_params(rng, 4), 3.0 + 0.5 * rng.standard_normal((6, 4))))

    cases.append(_case("negative_gamma_and_beta", "gamma with negative and small entries: dx scales with "
                       "gamma inside the row sums, dgamma and dbeta do not",
                       _rows(rng, 3, 4, _col([1.0, -1.0, 2.0]), 1.5), np.array([-2.0, 0.5, 3.0, -0.25]),
                       np.array([1.5, -1.0, 0.0, 4.0]), rng.standard_normal((3, 4))))
    return cases


def random_case(rng, index):
    n = int(rng.integers(1, 41))
    d = int(rng.integers(2, 65))
    std = 10.0 ** rng.uniform(-2.5, 2.0, (n, 1))   # var from about eps (1e-5) to 1e4
    mean = std * rng.uniform(-50.0, 50.0, (n, 1))  # up to 50 standard deviations from 0
    x = mean + std * rng.standard_normal((n, d))
    gamma = rng.normal(1.0, 0.5, d)
    beta = rng.normal(0.0, 1.0, d)
    dout = rng.normal(rng.normal(0.0, 1.0), 1.0, (n, d))
    ln_param = {"eps": 1e-5} if index % 2 == 0 else {}
    return _case(f"random_{index}", f"seeded random batch, N={n}, D={d}", x, gamma, beta, dout, ln_param)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for n, d, label in [(64, 128, "N=64, D=128"), (512, 512, "N=512, D=512"),
                        (2048, 768, "N=2048, D=768 (a BERT-base layer, 2048 tokens)")]:
        sizes.append({"label": label, "flops": None, "bytes": 32 * n * d, "inputs": {
            "x": rng.standard_normal((n, d)), "gamma": rng.uniform(0.5, 1.5, d),
            "beta": rng.normal(0.0, 1.0, d), "ln_param": {"eps": 1e-5}, "dout": rng.standard_normal((n, d))}})
    return sizes
