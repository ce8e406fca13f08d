"""Hidden cases for relu_backward. Each designed case targets one edge or one known mistake.

Every case runs relu_forward(x), then relu_backward(dout, cache); out and dx are judged.
"""
import numpy as np


def _case(name, why, x, dout):
    return {"name": name, "why": why, "inputs": {"x": np.asarray(x, dtype=np.float64),
                                                 "dout": np.asarray(dout, dtype=np.float64)}}


def _away_from_zero(rng, shape, low=0.1):
    """Entries of random sign with |x| >= low: no kink within reach of a numerical check."""
    return rng.choice([-1.0, 1.0], shape) * rng.uniform(low, 2.0, shape)


def designed(rng):
    cases = []
    # Fixed numbers with |x| >= 0.2, no entry of x equal to 1, and a negative dout on active units.
    x = np.array([[0.5, -1.2, 1.7, -0.3], [-0.8, 0.9, 0.2, 2.4], [1.3, -0.6, -2.1, 0.7]])
    dout = np.array([[-1.1, 0.4, 0.8, -0.5], [0.6, -0.7, 1.5, 0.3], [-0.9, 1.2, 0.25, -1.4]])
    cases.append(_case("gradcheck_small", "a (3, 4) input away from the kink: small enough for a numerical "
                       "gradient check", x, dout))

    x = _away_from_zero(rng, (4, 5))
    x[0, 1] = x[1, 3] = x[2, 0] = x[3, 4] = 0.0   # exact zeros, placed on purpose
    dout = _away_from_zero(rng, (4, 5), 0.5)
    cases.append(_case("exact_zeros", "x is exactly 0 at four places with dout != 0 there: the gradient is "
                       "0 at the kink", x, dout))
    x = _away_from_zero(rng, (3, 4))
    x[0, 0], x[1, 2], x[2, 3] = -0.0, -0.0, 0.0
    cases.append(_case("negative_zero", "x holds -0.0 (not > 0 either): gradient 0 there too", x,
                       _away_from_zero(rng, (3, 4), 0.5)))
    x = rng.standard_normal((2, 3, 4, 4))
    x[0, 1, 2] = 0.0
    cases.append(_case("image_like_4d", "x (2, 3, 4, 4) after a convolution: ReLU works on any shape, with a "
                       "row of zeros", x, rng.standard_normal((2, 3, 4, 4))))
    cases.append(_case("vector_1d", "x (7,): one axis only", _away_from_zero(rng, 7), _away_from_zero(rng, 7)))
    cases.append(_case("all_negative", "every unit inactive: dx is all zeros", -rng.uniform(0.1, 3.0, (4, 3)),
                       _away_from_zero(rng, (4, 3))))
    cases.append(_case("all_positive", "every unit active: dx equals dout", rng.uniform(0.1, 3.0, (3, 5)),
                       _away_from_zero(rng, (3, 5))))
    x = _away_from_zero(rng, (4, 4))
    cases.append(_case("signs_disagree", "dout has the opposite sign of x everywhere: negative gradients through "
                       "active units must pass, positive ones through inactive units must not",
                       x, -np.sign(x) * rng.uniform(0.5, 2.0, (4, 4))))
    x = np.array([[5e-324, -5e-324, 1e-300, -1e-300], [2.5e-308, -2.5e-308, 1e-12, -1e-12]])
    cases.append(_case("tiny_magnitudes", "|x| from 5e-324 (the smallest subnormal) to 1e-12: any positive x is "
                       "active, however small", x, _away_from_zero(rng, (2, 4), 0.5)))
    x = np.array([[1e300, -1e300, 3e8], [-3e8, 1.0, 0.0]])
    cases.append(_case("huge_magnitudes", "|x| up to 1e300 (and one x = 1, one x = 0): the slope is 1 or 0, "
                       "never the size of x", x, np.array([[0.5, -0.25, -1.5], [2.0, 0.75, 1.25]])))
    cases.append(_case("batch_of_1", "x (1, 6): a single example", _away_from_zero(rng, (1, 6)),
                       _away_from_zero(rng, (1, 6))))
    return cases


def random_case(rng, index):
    shape = tuple(int(d) for d in rng.integers(1, 7, size=int(rng.integers(1, 5))))
    x = rng.standard_normal(shape) * 10.0 ** rng.uniform(-2, 2)
    x[rng.random(shape) < 0.1] = 0.0          # a few exact zeros, as after another ReLU or dropout
    return _case(f"random_{index}", f"seeded random input of shape {shape} with some exact zeros",
                 x, rng.standard_normal(shape))


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    # the last one is a real conv activation map: a batch of 32, 64 channels of 16x16
    for shape in [(16, 256), (32, 16, 16, 16), (32, 64, 16, 16)]:
        n = int(np.prod(shape))
        sizes.append({"label": f"x {shape}", "inputs": {"x": rng.standard_normal(shape),
                                                        "dout": rng.standard_normal(shape)},
                      "flops": None, "bytes": 3 * 8 * n})   # read x and dout, write dx (a compare + a multiply each)
    return sizes
