"""Hidden cases for softmax. Each designed case targets one edge or one known mistake.

Every case calls softmax(x, axis=axis) and compares p.
"""
import numpy as np


def _case(name, why, x, axis):
    return {"name": name, "why": why, "inputs": {"x": np.asarray(x, dtype=np.float64), "axis": axis}}


def designed(rng):
    cases = []
    cases.append(_case("basic_rows", "a plain (3, 5) array, softmax of each row (axis=-1)",
                       rng.normal(0.0, 2.0, (3, 5)), -1))

    cases.append(_case("square_last_axis", "a square (4, 4) array: sums taken without keepdims broadcast "
                       "along the wrong axis here instead of failing", rng.normal(0.0, 1.5, (4, 4)), -1))

    cases.append(_case("cube_last_axis", "a (3, 3, 3) array, axis=-1: the (3, 3) sums of a missing keepdims "
                       "broadcast silently", rng.normal(0.0, 1.0, (3, 3, 3)), -1))

    cases.append(_case("axis_0_columns", "axis=0 on a (4, 3) array: each column sums to 1, not each row",
                       rng.normal(0.0, 1.0, (4, 3)), 0))

    cases.append(_case("axis_1_of_4d", "a positive middle axis of a 4-D array (2, 3, 2, 2), axis=1",
                       rng.normal(0.0, 1.0, (2, 3, 2, 2)), 1))

    # Every (., :, .) slice sits near +1e4 or near -1e4, with a spread of a few units inside it, so
    # the probabilities are far from 0 and 1 and only a shift by the slice's own max stays finite.
    signs = np.array([1.0, -1.0, 1.0, -1.0, -1.0, 1.0, 1.0, -1.0]).reshape(2, 1, 4)
    x = 1e4 * signs + rng.uniform(-3.0, 3.0, (2, 3, 4))
    cases.append(_case("huge_entries_negative_axis", "entries about +-1e4 in a (2, 3, 4) array, softmax over "
                       "axis=-2: exp(1e4) overflows and exp(-1e4) underflows unless each slice is shifted "
                       "by its own max", x, -2))

    cases.append(_case("overflow_at_710", "rows [710, 709.5, 705] and [709, 708, 0]: exp(710) is inf in "
                       "float64 while exp(709.5) is not, so an unshifted softmax gives NaN and a finite, "
                       "wrong 0 in the first row", [[710.0, 709.5, 705.0], [709.0, 708.0, 0.0]], -1))

    cases.append(_case("sum_overflows", "rows [709.5, 709, 708]: every exp is finite (< 1.8e308) but their sum "
                       "is not, so an unshifted softmax returns finite zeros", [[709.5, 709.0, 708.0],
                                                                                [-1.0, 0.0, 1.0]], -1))

    cases.append(_case("underflow_to_subnormal", "one row near -745: unshifted, exp lands on subnormal numbers "
                       "with a few bits of precision (or 0), so the probabilities come out finite but wrong",
                       [[-745.0, -744.0, -743.5, -744.5]], -1))

    cases.append(_case("rows_far_apart", "rows [30, 31, 32] and [-710, -709.5, -709]: one max for the whole "
                       "array pushes the second row into subnormals; each row needs its own max",
                       [[30.0, 31.0, 32.0], [-710.0, -709.5, -709.0]], -1))

    cases.append(_case("ties", "a constant row gives exactly 1/n each; two tied maxima share equally",
                       [[2.0, 2.0, 2.0, 2.0], [-1.0, 5.0, 5.0, 0.0]], -1))

    cases.append(_case("axis_of_length_1", "an axis of length 1: every probability is exactly 1",
                       rng.normal(0.0, 3.0, (3, 1, 2)), -2))

    cases.append(_case("one_dimensional", "a 1-D vector (7,), axis=0",
                       rng.normal(0.0, 2.0, 7), 0))
    return cases


def random_case(rng, index):
    ndim = int(rng.integers(1, 5))
    shape = tuple(int(n) for n in rng.integers(1, 7, ndim))
    axis = int(rng.integers(-ndim, ndim))
    scale = 10.0 ** rng.uniform(-1.0, 2.5)            # entries up to ~1e3
    x = rng.normal(rng.normal(0.0, scale), scale, shape)
    x = np.clip(x, -1e4, 1e4)
    return _case(f"random_{index}", f"seeded random array of shape {shape}, axis={axis}, scale ~{scale:.3g}",
                 x, axis)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for shape in [(8, 32, 32), (8, 64, 64), (8, 128, 128)]:   # attention score tensors (B, Tq, Tk)
        x = rng.normal(0.0, 3.0, shape)
        sizes.append({"label": "x " + "x".join(map(str, shape)) + ", axis=-1",
                      "inputs": {"x": x, "axis": -1},
                      "flops": None, "bytes": 2 * x.nbytes})   # memory-bound: read x, write p
    return sizes
