"""Hidden cases for spatial_batchnorm_forward. Each designed case targets one edge or one known mistake.

Statistics are per channel over (N, H, W). Most cases give every channel its own mean and spread and
every sample its own offset, with H != W and C different from N, H and W: then statistics over any
other set of axes (per sample, per position, a reshape without a transpose) differ from the right
ones at every seed, by construction.
"""
import numpy as np


def _case(name, why, x, gamma, beta, eps=1e-5):
    return {"name": name, "why": why, "inputs": {"x": x, "gamma": gamma, "beta": beta, "eps": eps}}


def _maps(rng, n, c, h, w, chan_mean=0.0, chan_std=1.0, sample_shift=0.0):
    """(n, c, h, w) maps: channel means and spreads (scalars or (c,)), plus sample_shift * n added to
    sample n, so that per-sample statistics differ from per-channel ones."""
    chan_mean = np.broadcast_to(np.asarray(chan_mean, dtype=np.float64), (c,))
    chan_std = np.broadcast_to(np.asarray(chan_std, dtype=np.float64), (c,))
    z = rng.standard_normal((n, c, h, w))
    shift = sample_shift * np.arange(n, dtype=np.float64)[:, None, None, None]
    return chan_mean[:, None, None] + chan_std[:, None, None] * (z + shift)


def _params(rng, c):
    return rng.uniform(0.5, 1.5, c), rng.normal(0.0, 1.0, c)


# 16 fixed offsets with mean exactly 0; channel c of the huge-mean case is mean_c + std_c * _PATTERN.
_PATTERN = np.array([-1.5, 0.25, 2.0, -0.75, 1.0, -2.25, 0.5, 0.75,
                     1.25, -0.5, -1.75, 0.125, 1.5, -0.625, 0.375, -0.375])


def huge_mean_maps():
    """(2, 3, 2, 4) maps whose channels have |mean| / std of 1.5e6 to 2.2e6 (fixed numbers).

    The one-pass E[x^2] - E[x]^2 keeps about 4 correct digits of the variance here (its exact error
    depends on the order of the sums); the centered two-pass variance keeps ~14.
    """
    means, stds = [3.0e8, -4.5e8, 2.5e9], [123.4375, 251.3, 987.65]
    x = np.empty((2, 3, 2, 4))
    for c in range(3):
        x[:, c] = (means[c] + stds[c] * _PATTERN).reshape(2, 2, 4)
    return x


def designed(rng):
    cases = []

    x = _maps(rng, 2, 3, 4, 5, chan_mean=[0.5, -2.0, 3.0], chan_std=[1.0, 0.5, 2.0], sample_shift=1.0)
    cases.append(_case("basic_small", "a (2, 3, 4, 5) batch: channels with their own means and spreads, "
                       "samples shifted apart, H != W", x, *_params(rng, 3)))

    cases.append(_case("single_sample", "N = 1: the statistics are over H and W of the one sample (statistics "
                       "over N alone would give out = beta)",
                       _maps(rng, 1, 3, 3, 4, chan_mean=[1.0, -1.0, 4.0], chan_std=[0.5, 2.0, 1.0]),
                       *_params(rng, 3)))

    cases.append(_case("single_value_per_channel", "N = H = W = 1: each channel has a single value, its "
                       "variance is 0 and out = beta (no division by zero)",
                       rng.normal(0.0, 3.0, (1, 4, 1, 1)), *_params(rng, 4)))

    cases.append(_case("one_by_one_maps", "H = W = 1 with N = 5: spatial batch norm is plain batch norm over "
                       "the samples (per-sample statistics would give out = beta)",
                       _maps(rng, 5, 3, 1, 1, chan_mean=[2.0, -1.0, 0.0], chan_std=[1.0, 3.0, 0.5]),
                       *_params(rng, 3)))

    x = _maps(rng, 3, 4, 2, 3, chan_mean=[0.0, 1.0, -2.0, 3.0], chan_std=1.0, sample_shift=0.5)
    x[:, 2] = 2.5  # exactly representable, so the channel mean is exactly 2.5 however it is summed
    cases.append(_case("constant_channel", "one channel is constant over the batch and the map: its variance "
                       "is 0, its output must be exactly beta", x, *_params(rng, 4)))

    cases.append(_case("huge_mean_channels", "|mean| / std >= 1e6 in every channel (fixed numbers): the "
                       "one-pass variance E[x^2] - E[x]^2 loses ~12 digits to cancellation, the centered "
                       "two-pass one does not", huge_mean_maps(), np.array([1.5, -0.5, 2.0]),
                       np.array([0.1, 0.2, -0.3])))

    cases.append(_case("tiny_variance", "std ~1e-3 (var ~1e-6, below eps = 1e-5): eps dominates the "
                       "denominator", _maps(rng, 2, 3, 3, 2, chan_mean=rng.uniform(-1.0, 1.0, 3), chan_std=1e-3),
                       *_params(rng, 3)))

    cases.append(_case("non_default_eps", "eps = 1e-3 passed explicitly with channel variances ~1e-3: a "
                       "hard-coded 1e-5 shows", _maps(rng, 2, 3, 2, 3, chan_mean=rng.uniform(-1.0, 1.0, 3),
                                                      chan_std=0.03), *_params(rng, 3), eps=1e-3))

    cases.append(_case("more_channels_than_pixels", "C = 6 channels of 2 x 1 maps, N = 2: per-channel "
                       "statistics over only 4 values each",
                       _maps(rng, 2, 6, 2, 1, chan_mean=rng.uniform(-3.0, 3.0, 6), chan_std=rng.uniform(0.5, 2.0, 6),
                             sample_shift=0.7), *_params(rng, 6)))

    cases.append(_case("tall_maps", "H = 5, W = 3, N = 3, C = 2: no two of the axes have the same length",
                       _maps(rng, 3, 2, 5, 3, chan_mean=[-4.0, 1.0], chan_std=[2.0, 0.3], sample_shift=0.4),
                       *_params(rng, 2)))

    cases.append(_case("single_channel", "C = 1: one mean and one variance for the whole batch",
                       _maps(rng, 2, 1, 3, 4, chan_mean=5.0, chan_std=2.0, sample_shift=0.5),
                       np.array([1.5]), np.array([-0.5])))

    cases.append(_case("negative_gamma_and_beta", "gamma with negative and small entries, beta far from 0",
                       _maps(rng, 2, 4, 2, 3, chan_mean=[1.0, -1.0, 2.0, 0.0], chan_std=1.5, sample_shift=0.5),
                       np.array([-2.0, 0.5, 3.0, -0.25]), np.array([1.5, -1.0, 0.0, 4.0])))
    return cases


def random_case(rng, index):
    n, c = int(rng.integers(1, 7)), int(rng.integers(1, 9))
    h, w = int(rng.integers(1, 8)), int(rng.integers(1, 8))
    if n * h * w == 1:
        h = 2  # keep the random cases away from the designed single-value edge
    std = 10.0 ** rng.uniform(-2.5, 2.0, c)        # var from about eps (1e-5) to 1e4
    mean = std * rng.uniform(-50.0, 50.0, c)       # up to 50 standard deviations from 0
    x = mean[:, None, None] + std[:, None, None] * rng.standard_normal((n, c, h, w))
    gamma = rng.normal(1.0, 0.5, c)
    beta = rng.normal(0.0, 1.0, c)
    return _case(f"random_{index}", f"seeded random batch, N={n}, C={c}, H={h}, W={w}", x, gamma, beta)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for shape, label in [((4, 8, 16, 16), "N=4, C=8, 16x16"), ((8, 32, 32, 32), "N=8, C=32, 32x32"),
                         ((32, 64, 32, 32), "N=32, C=64, 32x32 (a CIFAR ResNet layer)")]:
        n, c, h, w = shape
        sizes.append({"label": label, "flops": None, "bytes": 16 * n * c * h * w, "inputs": {
            "x": rng.standard_normal(shape), "gamma": rng.uniform(0.5, 1.5, c),
            "beta": rng.normal(0.0, 1.0, c), "eps": 1e-5}})
    return sizes
