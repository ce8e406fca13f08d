"""Hidden cases for bn_backward. Each designed case targets one edge or one known mistake.

Every case runs the forward pass on (x, gamma, beta, eps), then the backward pass on dout.
"""
import numpy as np


def _case(name, why, x, gamma, beta, dout, eps=1e-5):
    return {"name": name, "why": why,
            "inputs": {"x": x, "gamma": gamma, "beta": beta, "eps": eps, "dout": dout}}


def _batch(rng, n, d, mean, std):
    """(n, d) samples; mean and std are scalars or (d,) arrays, one per feature."""
    return mean + std * rng.standard_normal((n, d))


def _params(rng, d):
    return rng.uniform(0.5, 1.5, d), rng.normal(0.0, 1.0, d)


def _dwarfed(rng, n, d):
    """Integer means ~1e4 plus deviations of std ~1e-2 on a grid of 2**-20: every value, every sum
    and the mean are exact in float64 whatever the summation order, so any two-pass computation is
    exact too, while x**2 (68 bits) is not: E[x^2] - E[x]^2 loses ~1e-4 of the variance."""
    means = rng.integers(8000, 12001, d) * rng.choice([-1, 1], d)
    deviations = np.round(rng.standard_normal((n, d)) * 1e-2 * 2**20) / 2**20
    return means + deviations


def designed(rng):
    cases = []

    # Features with different means and spreads, so every listed mistake shows on the first case.
    x = _batch(rng, 6, 4, mean=np.array([0.5, -2.0, 3.0, 0.0]), std=np.array([1.0, 0.5, 2.0, 0.2]))
    cases.append(_case("basic_small", "a plain (6, 4) batch, features with their own means and spreads",
                       x, *_params(rng, 4), rng.standard_normal((6, 4))))

    # Fixed numbers, chosen so that no gradient entry is near 0: the cs231n relative error of a
    # centered-difference check (h = 1e-5) is then ~1e-10 for a correct backward pass.
    x = np.array([[0.8, -1.0, 3.1], [1.1, -1.5, 2.7], [1.9, 0.0, 2.3], [-0.1, -0.4, 2.0]])
    dout = np.array([[-2.7, 1.1, 0.6], [0.2, 1.0, -0.7], [0.4, -0.6, 0.9], [-0.1, 0.4, 0.2]])
    cases.append(_case("gradcheck_small", "a (4, 3) batch small enough for a numerical gradient check",
                       x, np.array([1.2, -0.7, 0.9]), np.array([0.1, -0.3, 0.5]), dout))

    cases.append(_case("batch_of_1", "N = 1: xhat = 0 whatever x is, so out = beta and dx must be exactly 0 "
                       "(finite, no division by zero)", rng.normal(0.0, 3.0, (1, 5)), *_params(rng, 5),
                       rng.standard_normal((1, 5))))

    cases.append(_case("batch_of_2", "N = 2: the smallest batch with a nonzero variance",
                       _batch(rng, 2, 3, 1.0, 2.0), *_params(rng, 3), rng.standard_normal((2, 3))))

    x = _batch(rng, 6, 4, 0.0, 1.0)
    x[:, 2] = 2.5  # exactly representable, so the batch mean is exactly 2.5 however it is summed
    cases.append(_case("constant_feature_column", "one feature is constant: var = 0, istd = 1/sqrt(eps), and its "
                       "dx column is gamma * istd * (dout - mean(dout))", x, *_params(rng, 4),
                       rng.standard_normal((6, 4))))

    cases.append(_case("tiny_variance", "std ~1e-3, so var (~1e-6) is below eps = 1e-5: the eps in dvar "
                       "matters here", _batch(rng, 8, 4, rng.uniform(-1.0, 1.0, 4), 1e-3), *_params(rng, 4),
                       rng.standard_normal((8, 4))))

    cases.append(_case("huge_variance", "std ~1e3: dx is ~1e-3, small next to dgamma and dbeta",
                       _batch(rng, 8, 3, rng.uniform(-500.0, 500.0, 3), 1e3), *_params(rng, 3),
                       rng.standard_normal((8, 3))))

    cases.append(_case("huge_mean", "means ~1e4, 100 standard deviations from 0: subtract the mean "
                       "before squaring",
                       _batch(rng, 16, 5, 1e4 * rng.uniform(0.8, 1.2, 5) * np.array([1, -1, 1, 1, -1]), 100.0),
                       *_params(rng, 5), rng.standard_normal((16, 5))))

    cases.append(_case("mean_dwarfs_spread", "means ~1e4 with std 1e-2 (mean/std 1e6): E[x^2] - E[x]^2 cancels "
                       "about 8 of its 16 digits here and is off by ~1e-4; the variance must stay accurate",
                       _dwarfed(rng, 16, 5),
                       rng.uniform(0.5, 1.5, 5), rng.normal(0.0, 1.0, 5), rng.standard_normal((16, 5))))

    cases.append(_case("negative_gamma_and_beta", "gamma with negative and small entries: dx scales with gamma, "
                       "dgamma and dbeta do not", _batch(rng, 5, 4, 1.0, 1.5), np.array([-2.0, 0.5, 3.0, -0.25]),
                       np.array([1.5, -1.0, 0.0, 4.0]), rng.standard_normal((5, 4))))

    cases.append(_case("single_feature", "D = 1: sums are over the 7 samples, never over the features",
                       _batch(rng, 7, 1, -3.0, 2.0), np.array([1.5]), np.array([-0.5]),
                       rng.standard_normal((7, 1))))

    cases.append(_case("wide_d_gt_n", "D > N (3 samples, 12 features): axes that are easy to mix up",
                       _batch(rng, 3, 12, rng.uniform(-2.0, 2.0, 12), rng.uniform(0.5, 3.0, 12)),
                       *_params(rng, 12), rng.standard_normal((3, 12))))

    cases.append(_case("non_default_eps", "eps = 1e-3 passed explicitly with variances ~1e-3: a hard-coded 1e-5 "
                       "shows", _batch(rng, 6, 3, rng.uniform(-1.0, 1.0, 3), 0.03), *_params(rng, 3),
                       rng.standard_normal((6, 3)), eps=1e-3))

    cases.append(_case("dout_with_offset", "upstream gradients ~3 + noise: the mean path (-sum(dout) / N) "
                       "carries most of dx", _batch(rng, 8, 4, 0.0, 1.0), *_params(rng, 4),
                       3.0 + 0.5 * rng.standard_normal((8, 4))))
    return cases


def random_case(rng, index):
    n = int(rng.integers(2, 65))
    d = int(rng.integers(1, 33))
    std = 10.0 ** rng.uniform(-2.5, 2.0, d)   # var from about eps (1e-5) to 1e4
    mean = std * rng.uniform(-50.0, 50.0, d)  # up to 50 standard deviations from 0
    z = rng.standard_normal((n, d))
    z = (z - z.mean(axis=0)) / z.std(axis=0)  # so that the batch itself has this mean and std
    x = mean + std * z
    gamma = rng.normal(1.0, 0.5, d)
    beta = rng.normal(0.0, 1.0, d)
    dout = rng.normal(rng.normal(0.0, 1.0), 1.0, (n, d))
    # eps stays at 1e-5 here: the designed non_default_eps case is the one that checks eps is used.
    return _case(f"random_{index}", f"seeded random batch, N={n}, D={d}", x, gamma, beta, dout)


def timing_sizes():
    """bn at (512, 1024), a real layer's batch, after two small ones. Memory-bound: "bytes" counts
    the arrays that must be read and written at least once (dout and x in, dx out), "flops" is null."""
    rng = np.random.default_rng(0)
    sizes = []
    for n, d in [(32, 64), (128, 256), (512, 1024)]:
        sizes.append({"label": f"N={n}, D={d}", "flops": None, "bytes": 3 * 8 * n * d, "inputs": {
            "x": rng.standard_normal((n, d)), "gamma": rng.uniform(0.5, 1.5, d),
            "beta": rng.normal(0.0, 1.0, d), "eps": 1e-5, "dout": rng.standard_normal((n, d))}})
    return sizes
