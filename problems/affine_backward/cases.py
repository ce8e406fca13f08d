"""Hidden cases for affine_backward. Each designed case targets one edge or one known mistake.

Every case runs affine_forward(x, w, b), then affine_backward(dout, cache); out, dx, dw and db are judged.
"""
import numpy as np


def _case(name, why, x, w, b, dout):
    return {"name": name, "why": why, "inputs": {"x": x, "w": w, "b": b, "dout": dout}}


def _layer(rng, x_shape, m):
    d = int(np.prod(x_shape[1:]))
    return (rng.standard_normal(x_shape), rng.standard_normal((d, m)) / np.sqrt(d), rng.normal(0.0, 1.0, m),
            rng.standard_normal((x_shape[0], m)))


def designed(rng):
    cases = []
    # Fixed numbers, no entry of any gradient near 0: centered differences give ~1e-10 relative error.
    x = np.array([[[0.8, -1.1], [0.4, 1.9]], [[-0.5, 1.2], [2.1, -0.3]], [[1.4, 0.6], [-1.7, 0.9]]])
    w = np.array([[0.3, -1.2, 0.7], [1.1, 0.4, -0.6], [-0.9, 0.8, 1.3], [0.5, -0.7, 0.2]])
    dout = np.array([[1.2, -0.4, 0.9], [-0.8, 1.5, 0.3], [0.6, 0.7, -1.1]])
    cases.append(_case("gradcheck_small", "x (3, 2, 2), w (4, 3): small enough for a numerical gradient check",
                       x, w, np.array([0.1, -0.2, 0.3]), dout))
    # N >= 2, D >= 2 below unless said: dx_transposed_reshape and mean_not_sum show.
    cases.append(_case("matrix_input", "x already 2-D (6, 4): dx has shape (6, 4) either way", *_layer(rng, (6, 4), 3)))
    cases.append(_case("image_like_4d", "x (2, 3, 4, 4): dx must come back as (2, 3, 4, 4), not (2, 48)",
                       *_layer(rng, (2, 3, 4, 4), 5)))
    cases.append(_case("three_dims", "x (10, 2, 3), w (6, 5): the cs231n test shapes", *_layer(rng, (10, 2, 3), 5)))
    cases.append(_case("batch_of_1", "N = 1, x (1, 3, 2): the sums over the batch have one term",
                       *_layer(rng, (1, 3, 2), 4)))
    cases.append(_case("single_output", "M = 1: dout (N, 1), db (1,)", *_layer(rng, (5, 2, 2), 1)))
    cases.append(_case("single_feature", "D = 1: x (4, 1), w (1, 3), dw (1, 3)", *_layer(rng, (4, 1), 3)))
    cases.append(_case("square_shapes", "N = D = M = 4: a transposed gradient has the right shape here",
                       *_layer(rng, (4, 2, 2), 4)))
    x, w, b, _ = _layer(rng, (8, 3), 4)
    cases.append(_case("dout_with_offset", "dout ~ 5 + noise: db is about 5 * N, far from its mean 5",
                       x, w, b, 5.0 + 0.5 * rng.standard_normal((8, 4))))
    x, w, b, dout = _layer(rng, (3, 4, 2), 3)
    cases.append(_case("sparse_dout", "dout zero except one entry: only one example and one unit get gradient",
                       x, w, b, np.where(np.arange(9).reshape(3, 3) == 4, 2.5, 0.0)))
    x, w, b, dout = _layer(rng, (5, 2, 3), 4)
    cases.append(_case("mixed_scales", "x ~ 1e3, w ~ 1e-3: dw ~ 1e3 and dx ~ 1e-3 in the same case",
                       1e3 * x, 1e-3 * w, b, dout))
    return cases


def random_case(rng, index):
    n = int(rng.integers(1, 9))
    trailing = tuple(int(d) for d in rng.integers(1, 5, size=int(rng.integers(1, 4))))
    m = int(rng.integers(1, 9))
    return _case(f"random_{index}", f"seeded random layer, x {(n,) + trailing}, M={m}",
                 *_layer(rng, (n,) + trailing, m))


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    # the last one is the first layer of a CIFAR-10 classifier: 128 images of 3x32x32 -> 100 hidden units
    for shape, m in [((16, 3, 8, 8), 32), ((64, 3, 16, 16), 64), ((128, 3, 32, 32), 100)]:
        x, w, b, dout = _layer(rng, shape, m)
        n, d = shape[0], int(np.prod(shape[1:]))
        sizes.append({"label": f"x {shape}, M={m}", "inputs": {"x": x, "w": w, "b": b, "dout": dout},
                      "flops": 4 * n * d * m + n * m})   # dx and dw: 2*N*D*M each; db: N*M
    return sizes
