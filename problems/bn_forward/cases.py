"""Hidden cases for bn_forward. Each designed case targets one edge or one known mistake."""
import numpy as np


def _case(name, why, x, gamma, beta, eps=1e-5):
    return {"name": name, "why": why, "inputs": {"x": x, "gamma": gamma, "beta": beta, "eps": eps}}


def _batch(rng, n, d, mean, std):
    """(n, d) samples; mean and std are scalars or (d,) arrays, one per feature."""
    return mean + std * rng.standard_normal((n, d))


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
                       x, rng.uniform(0.5, 1.5, 4), rng.normal(0.0, 1.0, 4)))

    cases.append(_case("batch_of_1", "N = 1: every variance is 0, so xhat = 0 and out = beta (eps keeps it finite; "
                       "N - 1 would divide by zero)", rng.normal(0.0, 3.0, (1, 5)), rng.uniform(0.5, 2.0, 5),
                       rng.normal(0.0, 1.0, 5)))

    cases.append(_case("batch_of_2", "N = 2: xhat is close to -1 and +1; an N - 1 variance is off by sqrt(2)",
                       _batch(rng, 2, 3, 1.0, 2.0), rng.uniform(0.5, 1.5, 3), rng.normal(0.0, 1.0, 3)))

    x = _batch(rng, 6, 4, 0.0, 1.0)
    x[:, 2] = 2.5  # exactly representable, so the batch mean is exactly 2.5 however it is summed
    cases.append(_case("constant_feature_column", "one feature is constant over the batch: its variance is 0, "
                       "its output must be beta (no division by zero)", x, rng.uniform(0.5, 1.5, 4),
                       rng.normal(0.0, 1.0, 4)))

    cases.append(_case("tiny_variance", "std ~1e-3, so the variance (~1e-6) is below eps = 1e-5: eps dominates "
                       "the denominator", _batch(rng, 8, 4, rng.uniform(-1.0, 1.0, 4), 1e-3),
                       rng.uniform(0.5, 1.5, 4), rng.normal(0.0, 1.0, 4)))

    cases.append(_case("huge_variance", "std ~1e3: the output must still be O(1)",
                       _batch(rng, 8, 3, rng.uniform(-500.0, 500.0, 3), 1e3), rng.uniform(0.5, 1.5, 3),
                       rng.normal(0.0, 1.0, 3)))

    cases.append(_case("huge_mean", "means ~1e4, 100 standard deviations from 0: subtract the mean "
                       "before squaring (float32 arithmetic fails here)",
                       _batch(rng, 16, 5, 1e4 * rng.uniform(0.8, 1.2, 5) * np.array([1, -1, 1, 1, -1]), 100.0),
                       rng.uniform(0.5, 1.5, 5), rng.normal(0.0, 1.0, 5)))

    cases.append(_case("mean_dwarfs_spread", "means ~1e4 with std 1e-2 (mean/std 1e6): E[x^2] - E[x]^2 cancels "
                       "about 8 of its 16 digits here and is off by ~1e-4; the variance must stay accurate",
                       _dwarfed(rng, 16, 5),
                       rng.uniform(0.5, 1.5, 5), rng.normal(0.0, 1.0, 5)))

    cases.append(_case("negative_gamma_and_beta", "gamma with negative and small entries, beta far from 0",
                       _batch(rng, 5, 4, 1.0, 1.5), np.array([-2.0, 0.5, 3.0, -0.25]),
                       np.array([1.5, -1.0, 0.0, 4.0])))

    cases.append(_case("single_feature", "D = 1: the statistics are over the 7 samples, never over the features",
                       _batch(rng, 7, 1, -3.0, 2.0), np.array([1.5]), np.array([-0.5])))

    cases.append(_case("wide_d_gt_n", "D > N (3 samples, 12 features): axes that are easy to mix up",
                       _batch(rng, 3, 12, rng.uniform(-2.0, 2.0, 12), rng.uniform(0.5, 3.0, 12)),
                       rng.uniform(0.5, 1.5, 12), rng.normal(0.0, 1.0, 12)))

    cases.append(_case("non_default_eps", "eps = 1e-3 passed explicitly with variances ~1e-3: a hard-coded 1e-5 "
                       "shows", _batch(rng, 6, 3, rng.uniform(-1.0, 1.0, 3), 0.03), rng.uniform(0.5, 1.5, 3),
                       rng.normal(0.0, 1.0, 3), eps=1e-3))
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
    # eps stays at 1e-5 here: the designed non_default_eps case is the one that checks eps is used.
    return _case(f"random_{index}", f"seeded random batch, N={n}, D={d}", x, gamma, beta)


def timing_sizes():
    """bn at (512, 1024), a real layer's batch, after two small ones. Memory-bound: "bytes" counts
    the arrays that must be read and written at least once (x in, out), "flops" is null."""
    rng = np.random.default_rng(0)
    sizes = []
    for n, d in [(32, 64), (128, 256), (512, 1024)]:
        sizes.append({"label": f"N={n}, D={d}", "flops": None, "bytes": 2 * 8 * n * d, "inputs": {
            "x": rng.standard_normal((n, d)), "gamma": rng.uniform(0.5, 1.5, d),
            "beta": rng.normal(0.0, 1.0, d), "eps": 1e-5}})
    return sizes
