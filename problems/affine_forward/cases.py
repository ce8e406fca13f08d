"""Hidden cases for affine_forward. Each designed case targets one edge or one known mistake.

Every case calls affine_forward(x, w, b); only `out` is judged.
"""
import numpy as np


def _case(name, why, x, w, b):
    return {"name": name, "why": why, "inputs": {"x": x, "w": w, "b": b}}


def _layer(rng, x_shape, m, bias_scale=1.0):
    d = int(np.prod(x_shape[1:]))
    return (rng.standard_normal(x_shape), rng.standard_normal((d, m)) / np.sqrt(d),
            bias_scale * rng.uniform(0.5, 1.5, m) * rng.choice([-1.0, 1.0], m))


def designed(rng):
    cases = []
    # Bias entries are at least 0.5 in magnitude (so missing_bias always shows), and every x below
    # has N >= 2 and D >= 2 unless the case says otherwise (so samples_as_columns shows).
    cases.append(_case("matrix_input", "x already 2-D, (5, 4) @ (4, 3): the plain matrix product plus bias",
                       *_layer(rng, (5, 4), 3)))
    cases.append(_case("image_like_4d", "x (2, 3, 4, 4) as a conv layer hands it over: each example is flattened "
                       "row-major into 48 features (channels, then rows, then columns)", *_layer(rng, (2, 3, 4, 4), 5)))
    cases.append(_case("three_dims", "x (4, 2, 3), the cs231n test shape: two trailing axes to flatten in the "
                       "right order", *_layer(rng, (4, 2, 3), 6)))
    cases.append(_case("batch_of_1", "N = 1 with x (1, 2, 5): a single example still has a batch axis",
                       *_layer(rng, (1, 2, 5), 3)))
    cases.append(_case("singleton_trailing_axes", "x (3, 1, 6, 1): axes of length 1 flatten away in any order",
                       *_layer(rng, (3, 1, 6, 1), 2)))
    cases.append(_case("single_output", "M = 1: w (12, 1), out (N, 1), still 2-D", *_layer(rng, (4, 3, 4), 1)))
    cases.append(_case("single_feature", "D = 1: x (6, 1), every output is x * w[0] + b", *_layer(rng, (6, 1), 4)))
    cases.append(_case("square_shapes", "N = D = M = 4: shapes cannot tell a transposed array from the right one",
                       *_layer(rng, (4, 4), 4)))
    x, w, _ = _layer(rng, (3, 2, 2), 3)
    cases.append(_case("zero_input", "x = 0: out is the bias repeated on every row", np.zeros_like(x), w,
                       np.array([1.5, -0.5, 2.0])))
    x, w, b = _layer(rng, (4, 2, 3), 3)
    cases.append(_case("mixed_scales", "x ~ 1e3 and w ~ 1e-3 with a bias ~ 1: the three terms are comparable",
                       1e3 * x, 1e-3 * w, b))
    # Fixed numbers (the statement's example): every mistake gives a different answer here.
    x = np.array([[[1.0, 2.0], [3.0, 4.0]], [[0.0, -1.0], [2.0, 0.5]]])
    w = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0], [1.0, 1.0, 0.0], [-1.0, 0.5, 1.0]])
    cases.append(_case("worked_example", "the statement's example, x (2, 2, 2): fixed numbers",
                       x, w, np.array([0.5, -1.0, 1.0])))
    return cases


def random_case(rng, index):
    n = int(rng.integers(1, 9))
    trailing = tuple(int(d) for d in rng.integers(1, 5, size=int(rng.integers(1, 4))))
    m = int(rng.integers(1, 9))
    x, w, b = _layer(rng, (n,) + trailing, m)
    return _case(f"random_{index}", f"seeded random layer, x {(n,) + trailing}, M={m}", x, w, b)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    # the last one is the first layer of a CIFAR-10 classifier: 128 images of 3x32x32 -> 100 hidden units
    for shape, m in [((16, 3, 8, 8), 32), ((64, 3, 16, 16), 64), ((128, 3, 32, 32), 100)]:
        x, w, b = _layer(rng, shape, m)
        n, d = shape[0], int(np.prod(shape[1:]))
        sizes.append({"label": f"x {shape}, M={m}", "inputs": {"x": x, "w": w, "b": b},
                      "flops": 2 * n * d * m + n * m})
    return sizes
