"""Generate PyTorch float64 reference numbers for the layer norm and spatial batch norm problems.

Run with an interpreter that has torch (not needed by the tests):
    /work/refenv/bin/python benchmarks/published/a3.py
It writes tests/data/<problem id>.json: for each case the inputs and PyTorch's outputs
(F.layer_norm / F.batch_norm(training=True) forward, autograd for the gradients), all float64.
tests/test_published_a3.py checks both references against them without torch.
"""
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)
ROOT = Path(__file__).resolve().parents[2]
OFFSETS8 = np.array([-1.5, 0.25, 2.0, -0.75, 1.0, -2.25, 0.5, 0.75])
PATTERN16 = np.array([-1.5, 0.25, 2.0, -0.75, 1.0, -2.25, 0.5, 0.75,
                      1.25, -0.5, -1.75, 0.125, 1.5, -0.625, 0.375, -0.375])
HUGE_MEANS, HUGE_STDS = [3.0e8, -4.5e8, 2.5e9], [123.4375, 251.3, 987.65]


def huge_rows():
    return np.array([[m + s * o for o in OFFSETS8] for m, s in zip(HUGE_MEANS, HUGE_STDS)])


def huge_maps():
    x = np.empty((2, 3, 2, 4))
    for c in range(3):
        x[:, c] = (HUGE_MEANS[c] + HUGE_STDS[c] * PATTERN16).reshape(2, 2, 4)
    return x


def ln(x, gamma, beta, eps, dout=None):
    tx, tg, tb = (torch.tensor(a, dtype=torch.float64, requires_grad=dout is not None) for a in (x, gamma, beta))
    out = F.layer_norm(tx, (x.shape[1],), tg, tb, eps=eps)
    result = {"out": out.detach().numpy()}
    if dout is not None:
        dx, dg, db = torch.autograd.grad(out, (tx, tg, tb), torch.tensor(dout))
        result.update(dx=dx.numpy(), dgamma=dg.numpy(), dbeta=db.numpy())
    return result


def sbn(x, gamma, beta, eps, dout=None):
    tx, tg, tb = (torch.tensor(a, dtype=torch.float64, requires_grad=dout is not None) for a in (x, gamma, beta))
    out = F.batch_norm(tx, None, None, tg, tb, training=True, eps=eps)
    result = {"out": out.detach().numpy()}
    if dout is not None:
        dx, dg, db = torch.autograd.grad(out, (tx, tg, tb), torch.tensor(dout))
        result.update(dx=dx.numpy(), dgamma=dg.numpy(), dbeta=db.numpy())
    return result


def record(name, inputs, outputs):
    plain = lambda v: v.tolist() if isinstance(v, np.ndarray) else v  # noqa: E731
    return {"name": name, "inputs": {k: plain(v) for k, v in inputs.items()},
            "outputs": {k: plain(v) for k, v in outputs.items()}}


def layernorm_cases(backward):
    rs = np.random.RandomState(180)
    cases = []

    def add(name, x, gamma, beta, eps):
        dout = rs.randn(*x.shape) if backward else None
        inputs = {"x": x, "gamma": gamma, "beta": beta, "eps": eps}
        if backward:
            inputs["dout"] = dout
        cases.append(record(name, inputs, ln(x, gamma, beta, eps, dout)))

    add("random_5x7", 2.0 * rs.randn(5, 7) + 3.0, rs.randn(7), rs.randn(7), 1e-5)
    x = 0.03 * rs.randn(4, 6) + rs.uniform(-1, 1, (4, 1))
    add("small_variance_eps_1e-3", x, rs.uniform(0.5, 1.5, 6), rs.randn(6), 1e-3)
    x = rs.randn(3, 5)
    x[1] = 2.5
    add("constant_row", x, rs.randn(5), rs.randn(5), 1e-5)
    add("single_sample", 3.0 * rs.randn(1, 6) - 1.0, rs.randn(6), rs.randn(6), 1e-5)
    add("huge_mean_rows", huge_rows(), np.array([1.5, -0.5, 2.0, 0.75, 1.0, -1.25, 0.5, 3.0]),
        np.array([0.1, 0.2, -0.3, 0.4, -0.5, 0.6, -0.7, 0.8]), 1e-5)
    return cases


def spatial_cases(backward):
    rs = np.random.RandomState(200)
    cases = []

    def add(name, x, gamma, beta, eps):
        dout = rs.randn(*x.shape) if backward else None
        inputs = {"x": x, "gamma": gamma, "beta": beta, "eps": eps}
        if backward:
            inputs["dout"] = dout
        cases.append(record(name, inputs, sbn(x, gamma, beta, eps, dout)))

    add("random_2x3x4x5", 4.0 * rs.randn(2, 3, 4, 5) + 10.0, rs.randn(3), rs.randn(3), 1e-5)
    add("tall_3x2x5x3_eps_1e-3", 0.03 * rs.randn(3, 2, 5, 3) + 0.5, rs.uniform(0.5, 1.5, 2), rs.randn(2), 1e-3)
    x = rs.randn(2, 4, 2, 3)
    x[:, 2] = 2.5
    add("constant_channel", x, rs.randn(4), rs.randn(4), 1e-5)
    add("single_sample_1x3x3x4", 2.0 * rs.randn(1, 3, 3, 4) + 1.0, rs.randn(3), rs.randn(3), 1e-5)
    add("one_by_one_maps_5x3x1x1", rs.randn(5, 3, 1, 1), rs.randn(3), rs.randn(3), 1e-5)
    add("huge_mean_channels", huge_maps(), np.array([1.5, -0.5, 2.0]), np.array([0.1, 0.2, -0.3]), 1e-5)
    return cases


def main():
    meta = {"generator": "benchmarks/published/a3.py", "torch": torch.__version__, "dtype": "float64"}
    for problem, cases in [("layernorm_forward", layernorm_cases(False)), ("layernorm_backward", layernorm_cases(True)),
                           ("spatial_batchnorm_forward", spatial_cases(False)),
                           ("spatial_batchnorm_backward", spatial_cases(True))]:
        path = ROOT / "tests" / "data" / f"{problem}.json"
        path.write_text(json.dumps({**meta, "problem": problem, "cases": cases}) + "\n")
        print(path, len(cases))


if __name__ == "__main__":
    main()
