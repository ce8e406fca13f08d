"""Hidden cases for dropout_forward. Each designed case targets one edge or one known mistake.

The dropout seeds of the designed cases are fixed numbers, so their masks are the same at every judge
seed (only x changes), and x is never 0 (magnitudes in [0.5, 2], random signs): a wrong mask or a
wrong scale always shows. Each designed train case's mask keeps some units and drops others.
"""
import numpy as np


def _x(rng, shape):
    return rng.uniform(0.5, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)


def _case(name, why, x, p, mode, seed=None):
    param = {"p": p, "mode": mode}
    if seed is not None:
        param["seed"] = seed
    return {"name": name, "why": why, "inputs": {"x": np.asarray(x, dtype=np.float64), "dropout_param": param}}


def designed(rng):
    return [
        _case("train_half", "p = 0.5: about half the units kept, each scaled by 2", _x(rng, (4, 5)), 0.5, "train", 231),
        _case("train_keep_most", "p = 0.8: keep probability, not drop probability (about 80% kept, scaled by 1.25)",
              _x(rng, (5, 6)), 0.8, "train", 7),
        _case("small_keep_probability", "p = 0.1: few units survive, each scaled by 10",
              _x(rng, (10, 10)), 0.1, "train", 11),
        _case("keep_probability_1", "p = 1 in train mode: every unit kept, scale 1, out equals x",
              _x(rng, (3, 4)), 1.0, "train", 5),
        _case("image_batch_4d", "x of shape (2, 3, 4, 4): one mask draw of the full shape, row-major",
              _x(rng, (2, 3, 4, 4)), 0.7, "train", 2024),
        _case("vector_1d", "a 1-D x of 12 units", _x(rng, (12,)), 0.5, "train", 42),
        _case("seed_zero", "seed 0 is a seed like any other (not 'no seed')", _x(rng, (4, 6)), 0.6, "train", 0),
        _case("large_seed", "a seed above 2**32", _x(rng, (3, 5)), 0.5, "train", 2**40 + 7),
        _case("test_mode_with_seed", "mode 'test' with p = 0.3 and a seed in dropout_param: out equals x, no "
              "mask and no scaling", _x(rng, (4, 5)), 0.3, "test", 123),
        _case("test_mode_without_seed", "mode 'test' and no 'seed' key at all: out equals x",
              _x(rng, (3, 4)), 0.5, "test"),
        _case("test_mode_small_p", "mode 'test' with p = 0.05 and a seed: out is x, not x * p nor x / p",
              _x(rng, (2, 3, 4)), 0.05, "test", 99),
    ]


def random_case(rng, index):
    ndim = int(rng.integers(1, 5))
    shape = tuple(int(v) for v in rng.integers(1, 7, size=ndim))
    p = 1.0 if rng.random() < 0.15 else float(np.round(rng.uniform(0.05, 0.95), 2))
    mode = "train" if rng.random() < 0.8 else "test"
    seed = int(rng.integers(0, 2**31))
    case = _case(f"random_{index}", f"seeded random x of shape {shape}, p = {p}, mode '{mode}', seed {seed}",
                 rng.standard_normal(shape), p, mode, seed)
    return case


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for n, d in [(16, 64), (64, 512), (128, 4096)]:
        x = rng.standard_normal((n, d))
        sizes.append({"label": f"({n}, {d}), p = 0.5, train", "flops": None, "bytes": 3 * x.nbytes,  # x, mask, out
                      "inputs": {"x": x, "dropout_param": {"p": 0.5, "mode": "train", "seed": 0}}})
    return sizes
