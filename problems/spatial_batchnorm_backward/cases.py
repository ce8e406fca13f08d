"""Hidden cases for spatial_batchnorm_backward. Each designed case targets one edge or one known mistake.

Every case runs the forward pass on (x, gamma, beta, eps), then the backward pass on dout. Channels
get their own means and spreads, samples are shifted apart, and H != W, so that statistics or sums
over any axes other than (N, H, W) give visibly wrong gradients at every seed.
"""
import numpy as np


def _case(name, why, x, gamma, beta, dout, eps=1e-5):
    return {"name": name, "why": why,
            "inputs": {"x": x, "gamma": gamma, "beta": beta, "eps": eps, "dout": dout}}


def _maps(rng, n, c, h, w, chan_mean=0.0, chan_std=1.0, sample_shift=0.0):
    """(n, c, h, w) maps: channel means and spreads (scalars or (c,)), plus sample_shift * n added to
    sample n."""
    chan_mean = np.broadcast_to(np.asarray(chan_mean, dtype=np.float64), (c,))
    chan_std = np.broadcast_to(np.asarray(chan_std, dtype=np.float64), (c,))
    z = rng.standard_normal((n, c, h, w))
    shift = sample_shift * np.arange(n, dtype=np.float64)[:, None, None, None]
    return chan_mean[:, None, None] + chan_std[:, None, None] * (z + shift)


def _params(rng, c):
    return rng.uniform(0.5, 1.5, c), rng.normal(0.0, 1.0, c)


_PATTERN = np.array([-1.5, 0.25, 2.0, -0.75, 1.0, -2.25, 0.5, 0.75,
                     1.25, -0.5, -1.75, 0.125, 1.5, -0.625, 0.375, -0.375])  # mean exactly 0


def huge_mean_maps():
    """(2, 3, 2, 4) maps whose channels have |mean| / std of 1.5e6 to 2.2e6 (fixed numbers)."""
    means, stds = [3.0e8, -4.5e8, 2.5e9], [123.4375, 251.3, 987.65]
    x = np.empty((2, 3, 2, 4))
    for c in range(3):
        x[:, c] = (means[c] + stds[c] * _PATTERN).reshape(2, 2, 4)
    return x


def designed(rng):
    cases = []

    x = _maps(rng, 2, 3, 4, 5, chan_mean=[0.5, -2.0, 3.0], chan_std=[1.0, 0.5, 2.0], sample_shift=1.0)
    cases.append(_case("basic_small", "a (2, 3, 4, 5) batch, H != W: every listed mistake shows here",
                       x, *_params(rng, 3), rng.standard_normal((2, 3, 4, 5))))

    # Fixed numbers, chosen so that no gradient entry is near 0: the cs231n relative error of a
    # centered-difference check (h = 1e-5) is then ~1e-10 for a correct backward pass.
    x = np.array([[[[0.8, -1.0, 3.1], [1.1, -1.5, 2.7]], [[1.9, 0.0, -2.3], [0.6, 1.4, -0.2]]],
                  [[[-0.4, 2.2, 0.3], [1.6, -0.9, 0.5]], [[2.4, -1.2, 0.7], [-0.8, 1.0, 3.3]]]])
    dout = np.array([[[[-2.7, 1.1, 0.6], [0.2, 1.0, -0.7]], [[0.4, -0.6, 0.9], [1.3, -1.9, 0.35]]],
                     [[[0.45, -1.4, 2.1], [-0.3, 0.8, 1.7]], [[-1.1, 0.25, 0.6], [2.3, -0.55, -1.6]]]])
    cases.append(_case("gradcheck_small", "a (2, 2, 2, 3) batch small enough for a numerical gradient check",
                       x, np.array([1.2, -0.7]), np.array([0.1, -0.3]), dout))

    cases.append(_case("single_sample", "N = 1: the statistics and sums run over H and W of the one sample",
                       _maps(rng, 1, 3, 3, 4, chan_mean=[1.0, -1.0, 4.0], chan_std=[0.5, 2.0, 1.0]),
                       *_params(rng, 3), rng.standard_normal((1, 3, 3, 4))))

    cases.append(_case("single_value_per_channel", "N = H = W = 1: xhat = 0 whatever x is, so out = beta "
                       "and dx must be exactly 0 (finite)", rng.normal(0.0, 3.0, (1, 4, 1, 1)), *_params(rng, 4),
                       rng.standard_normal((1, 4, 1, 1))))

    cases.append(_case("one_by_one_maps", "H = W = 1 with N = 5: plain batch norm over the samples",
                       _maps(rng, 5, 3, 1, 1, chan_mean=[2.0, -1.0, 0.0], chan_std=[1.0, 3.0, 0.5]),
                       *_params(rng, 3), rng.standard_normal((5, 3, 1, 1))))

    x = _maps(rng, 3, 4, 2, 3, chan_mean=[0.0, 1.0, -2.0, 3.0], chan_std=1.0, sample_shift=0.5)
    x[:, 2] = 2.5  # exactly representable, so the channel mean is exactly 2.5 however it is summed
    cases.append(_case("constant_channel", "one channel is constant: var = 0 and istd = 1/sqrt(eps) ~ 316, "
                       "so its dx is large but finite", x, *_params(rng, 4), rng.standard_normal((3, 4, 2, 3))))

    cases.append(_case("huge_mean_channels", "|mean| / std >= 1e6 in every channel (fixed numbers): the "
                       "forward variance must be computed from centered values, and dx is ~1e-3",
                       huge_mean_maps(), np.array([1.5, -0.5, 2.0]), np.array([0.1, 0.2, -0.3]),
                       rng.standard_normal((2, 3, 2, 4))))

    cases.append(_case("tiny_variance", "std ~1e-3 (var ~1e-6, below eps = 1e-5): the variance path is "
                       "damped by eps", _maps(rng, 2, 3, 3, 2, chan_mean=rng.uniform(-1.0, 1.0, 3), chan_std=1e-3),
                       *_params(rng, 3), rng.standard_normal((2, 3, 3, 2))))

    cases.append(_case("non_default_eps", "eps = 1e-3 passed explicitly with channel variances ~1e-3",
                       _maps(rng, 2, 3, 2, 3, chan_mean=rng.uniform(-1.0, 1.0, 3), chan_std=0.03),
                       *_params(rng, 3), rng.standard_normal((2, 3, 2, 3)), eps=1e-3))

    cases.append(_case("more_channels_than_pixels", "C = 6 channels of 2 x 1 maps, N = 2",
                       _maps(rng, 2, 6, 2, 1, chan_mean=rng.uniform(-3.0, 3.0, 6), chan_std=rng.uniform(0.5, 2.0, 6),
                             sample_shift=0.7), *_params(rng, 6), rng.standard_normal((2, 6, 2, 1))))

    cases.append(_case("tall_maps", "H = 5, W = 3, N = 3, C = 2: no two of the axes have the same length",
                       _maps(rng, 3, 2, 5, 3, chan_mean=[-4.0, 1.0], chan_std=[2.0, 0.3], sample_shift=0.4),
                       *_params(rng, 2), rng.standard_normal((3, 2, 5, 3))))

    cases.append(_case("dout_with_offset", "upstream gradients ~3 + noise: the path through the channel mean "
                       "carries most of dx", _maps(rng, 2, 3, 3, 4, chan_mean=[0.0, 1.0, -1.0], sample_shift=0.5),
                       *_params(rng, 3), 3.0 + 0.5 * rng.standard_normal((2, 3, 3, 4))))

    cases.append(_case("negative_gamma_and_beta", "gamma with negative and small entries: dx scales with gamma, "
                       "dgamma and dbeta do not",
                       _maps(rng, 2, 4, 2, 3, chan_mean=[1.0, -1.0, 2.0, 0.0], chan_std=1.5, sample_shift=0.5),
                       np.array([-2.0, 0.5, 3.0, -0.25]), np.array([1.5, -1.0, 0.0, 4.0]),
                       rng.standard_normal((2, 4, 2, 3))))
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
    dout = rng.normal(rng.normal(0.0, 1.0), 1.0, (n, c, h, w))
    return _case(f"random_{index}", f"seeded random batch, N={n}, C={c}, H={h}, W={w}", x, gamma, beta, dout)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for shape, label in [((4, 8, 16, 16), "N=4, C=8, 16x16"), ((8, 32, 32, 32), "N=8, C=32, 32x32"),
                         ((32, 64, 32, 32), "N=32, C=64, 32x32 (a CIFAR ResNet layer)")]:
        n, c, h, w = shape
        sizes.append({"label": label, "flops": None, "bytes": 32 * n * c * h * w, "inputs": {
            "x": rng.standard_normal(shape), "gamma": rng.uniform(0.5, 1.5, c),
            "beta": rng.normal(0.0, 1.0, c), "eps": 1e-5, "dout": rng.standard_normal(shape)}})
    return sizes
