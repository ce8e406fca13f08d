"""Generate the external numbers the a2 problems (max_pool_forward, max_pool_backward, dropout_forward,
dropout_backward) are checked against. Not run by the tests; run it with a Python that has torch:

    /work/refenv/bin/python benchmarks/published/a2.py

It writes tests/data/max_pool_forward.json, max_pool_backward.json and dropout_backward.json:
- max pooling: PyTorch float64 F.max_pool2d and its autograd gradient, on inputs with ties (small
  integers, a constant plateau), overlapping windows, non-square pools, floor-dropped rows, stride >
  pool and all-negative values. PyTorch sends a window's gradient to its first maximum in row-major
  order, the problem's convention (checked below on a tie, before anything is written).
- dropout backward: PyTorch autograd of x * mask / p with the mask drawn by the problem's rule.
dropout_forward.json is written by hand from published numpy examples (see test_published_a2.py).
"""
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)
DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def torch_pool(x, ph, pw, S, dout):
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    out = F.max_pool2d(xt, (ph, pw), stride=S)
    (dx,) = torch.autograd.grad(out, (xt,), torch.tensor(dout, dtype=torch.float64))
    return out.detach().numpy(), dx.numpy()


def check_torch_tie_rule():
    x = np.array([[[[1.0, 3.0], [3.0, 2.0]]]])           # tie at (0, 1) and (1, 0)
    _, dx = torch_pool(x, 2, 2, 2, np.ones((1, 1, 1, 1)))
    assert dx[0, 0].tolist() == [[0.0, 1.0], [0.0, 0.0]], dx  # the first maximum in row-major order


def max_pool_cases():
    rng = np.random.default_rng(2026)
    configs = [
        ("cs231n_linspace", np.linspace(-0.3, 0.4, num=2 * 3 * 4 * 4).reshape(2, 3, 4, 4), 2, 2, 2),
        ("integer_ties_overlap_3x3_stride_2", rng.integers(0, 3, size=(2, 2, 7, 7)).astype(float), 3, 3, 2),
        ("constant_plateau_stride_1", np.full((1, 2, 4, 5), 0.5), 2, 2, 1),
        ("non_square_pool_2x3_stride_1", rng.standard_normal((1, 2, 5, 8)), 2, 3, 1),
        ("floor_drops_last_row", rng.standard_normal((2, 1, 7, 6)), 2, 2, 2),
        ("stride_3_pool_2", rng.standard_normal((1, 2, 8, 8)), 2, 2, 3),
        ("all_negative_3x2", -rng.uniform(1.0, 100.0, size=(1, 2, 4, 6)), 3, 2, 1),
        ("integer_ties_2x2_stride_1", rng.integers(0, 4, size=(2, 3, 5, 5)).astype(float), 2, 2, 1),
    ]
    cases = []
    for name, x, ph, pw, S in configs:
        H_out, W_out = 1 + (x.shape[2] - ph) // S, 1 + (x.shape[3] - pw) // S
        dout = rng.standard_normal((x.shape[0], x.shape[1], H_out, W_out))
        out, dx = torch_pool(x, ph, pw, S, dout)
        cases.append({"name": name, "x": x.tolist(), "pool_param": {"pool_height": ph, "pool_width": pw, "stride": S},
                      "dout": dout.tolist(), "out": out.tolist(), "dx": dx.tolist()})
    return cases


def dropout_cases():
    rng = np.random.default_rng(7)
    cases = []
    for name, shape, p, mode, seed in [("train_p_0.5", (4, 5), 0.5, "train", 231), ("train_p_0.1", (6, 6), 0.1, "train", 11),
                                       ("train_p_1", (3, 4), 1.0, "train", 5), ("train_4d", (2, 3, 4, 4), 0.7, "train", 2024),
                                       ("test_mode", (3, 4), 0.3, "test", 123)]:
        x, dout = rng.standard_normal(shape), rng.standard_normal(shape)
        xt = torch.tensor(x, requires_grad=True)
        if mode == "train":
            keep = torch.from_numpy(np.random.default_rng(seed).random(shape) < p)
            out = xt * keep / p
        else:
            out = xt * 1.0
        (dx,) = torch.autograd.grad(out, (xt,), torch.tensor(dout))
        cases.append({"name": name, "x": x.tolist(), "dropout_param": {"p": p, "mode": mode, "seed": seed},
                      "dout": dout.tolist(), "out": out.detach().numpy().tolist(), "dx": dx.numpy().tolist()})
    return cases


def main():
    check_torch_tie_rule()
    meta = {"source": f"torch {torch.__version__} float64 (F.max_pool2d, autograd), numpy {np.__version__}",
            "generator": "benchmarks/published/a2.py"}
    pools = max_pool_cases()
    (DATA / "max_pool_forward.json").write_text(json.dumps(
        {**meta, "cases": [{k: c[k] for k in ("name", "x", "pool_param", "out")} for c in pools]}) + "\n")
    (DATA / "max_pool_backward.json").write_text(json.dumps({**meta, "cases": pools}) + "\n")
    (DATA / "dropout_backward.json").write_text(json.dumps({**meta, "cases": dropout_cases()}) + "\n")


if __name__ == "__main__":
    main()
