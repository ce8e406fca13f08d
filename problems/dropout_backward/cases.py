"""Hidden cases for dropout_backward. Each designed case targets one edge or one known mistake.

Every case runs the forward pass on (x, dropout_param), then the backward pass on dout. The dropout
seeds of the designed cases are fixed numbers (their masks are the same at every judge seed; each
train mask keeps some units and drops others), and x and dout are never 0 (magnitudes in
[0.5, 2], random signs): a wrong mask or a wrong scale always shows.
"""
import numpy as np


def _nonzero(rng, shape):
    return rng.uniform(0.5, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)


def _case(rng, name, why, shape, p, mode, seed=None, x=None, dout=None):
    param = {"p": p, "mode": mode}
    if seed is not None:
        param["seed"] = seed
    x = _nonzero(rng, shape) if x is None else np.asarray(x, dtype=np.float64)
    dout = _nonzero(rng, shape) if dout is None else np.asarray(dout, dtype=np.float64)
    return {"name": name, "why": why, "inputs": {"x": x, "dropout_param": param, "dout": dout}}


def designed(rng):
    return [
        _case(rng, "train_half", "p = 0.5: the gradient flows through the kept units only, scaled like them",
              (4, 5), 0.5, "train", 231),
        _case(rng, "small_keep_probability", "p = 0.1: the 1/p scale is 10, so a missing or doubled scale shows",
              (10, 10), 0.1, "train", 11),
        _case(rng, "train_keep_most", "p = 0.8 on a (5, 6) batch", (5, 6), 0.8, "train", 7),
        _case(rng, "keep_probability_1", "p = 1 in train mode: every unit kept, dx equals dout", (3, 4), 1.0, "train", 5),
        _case(rng, "image_batch_4d", "(2, 3, 4, 4) activations: dx has the shape of x", (2, 3, 4, 4), 0.7, "train", 2024),
        _case(rng, "seed_zero", "seed 0: a seed like any other", (4, 6), 0.6, "train", 0),
        _case(rng, "test_mode_with_seed", "mode 'test' with a seed still in dropout_param: the layer is the "
              "identity, so dx equals dout (no mask)", (4, 5), 0.3, "test", 123),
        _case(rng, "test_mode_without_seed", "mode 'test' with no 'seed' key: dx equals dout", (3, 4), 0.5, "test"),
        _case(rng, "gradcheck_train", "a small train case also checked against numerical gradients (dropout is "
              "linear in x for a fixed mask, so centered differences are exact)", (3, 4), 0.6, "train", 3,
              x=np.array([[0.7, -1.3, 2.1, 0.9], [-0.6, 1.8, -1.1, 1.4], [1.2, -0.8, 0.5, -1.7]]),
              dout=np.array([[1.1, -0.9, 0.6, 1.3], [-1.4, 0.7, 1.9, -0.5], [0.8, 1.6, -1.2, 0.9]])),
        _case(rng, "gradcheck_test_mode", "a small test-mode case also checked against numerical gradients",
              (2, 3), 0.4, "test", 3,
              x=np.array([[0.4, -1.1, 0.9], [1.5, -0.7, 1.2]]), dout=np.array([[-0.8, 1.3, 0.6], [1.1, -1.5, 0.7]])),
    ]


def random_case(rng, index):
    ndim = int(rng.integers(1, 5))
    shape = tuple(int(v) for v in rng.integers(1, 7, size=ndim))
    p = 1.0 if rng.random() < 0.15 else float(np.round(rng.uniform(0.05, 0.95), 2))
    mode = "train" if rng.random() < 0.8 else "test"
    seed = int(rng.integers(0, 2**31))
    return _case(rng, f"random_{index}", f"seeded random x and dout of shape {shape}, p = {p}, mode '{mode}', "
                 f"seed {seed}", shape, p, mode, seed, x=rng.standard_normal(shape), dout=rng.standard_normal(shape))


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for n, d in [(16, 64), (64, 512), (128, 4096)]:
        x, dout = rng.standard_normal((n, d)), rng.standard_normal((n, d))
        sizes.append({"label": f"({n}, {d}), p = 0.5, train", "flops": None,
                      "bytes": 6 * x.nbytes,   # forward: x, mask, out; backward: dout, mask, dx
                      "inputs": {"x": x, "dropout_param": {"p": 0.5, "mode": "train", "seed": 0}, "dout": dout}})
    return sizes
