"""Generate the external numbers for group c2 (pairwise_distances, sgd_momentum, adam).

Run with an environment that has torch and scikit-learn (not needed by the tests):
    /work/refenv/bin/python benchmarks/published/c2.py
Writes tests/data/pairwise_distances.json, tests/data/sgd_momentum.json, tests/data/adam.json.

- pairwise_distances: sklearn.metrics.pairwise.euclidean_distances and torch.cdist with
  compute_mode='donot_use_mm_for_euclid_dist' (the exact, difference-based kernel), float64.
- sgd_momentum: torch.optim.SGD(lr, momentum, dampening=0). PyTorch keeps buf = mu * buf + g and steps
  w -= lr * buf, cs231n keeps v = mu * v - lr * g and steps w += v. With a constant learning rate
  v = -lr * buf at every step, so we store PyTorch's weights after each step and its momentum buffer;
  the tests compare next_w directly and velocity with -lr * buf (a supplied starting velocity v0 is
  given to PyTorch as the buffer -v0 / lr).
- adam: torch.optim.Adam(lr, betas, eps), float64, no weight decay, not amsgrad: the same formula
  (eps added after the square root); a supplied state (m, v, t) is set as exp_avg, exp_avg_sq, step.
"""
import json
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics.pairwise import euclidean_distances

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
OUT = Path(__file__).resolve().parents[2] / "tests" / "data"


def _list(a):
    return np.asarray(a, dtype=np.float64).tolist()


def pairwise():
    rng = np.random.default_rng(440)
    sets = []
    x, y = rng.standard_normal((7, 5)), rng.standard_normal((4, 5))
    sets.append(("gaussian_7x4_d5", x, y))
    x = rng.uniform(-100, 100, (6, 16))
    y = np.concatenate([x[:2], rng.uniform(-100, 100, (3, 16))])
    sets.append(("shared_rows_d16", x, y))
    center = rng.uniform(1e4, 2e4, 3)
    sets.append(("clustered_far_from_origin", center + rng.standard_normal((5, 3)), center + rng.standard_normal((5, 3))))
    sets.append(("one_dimension", rng.uniform(-3, 3, (3, 1)), rng.uniform(-3, 3, (8, 1))))
    records = []
    for name, x, y in sets:
        records.append({"name": name, "x": _list(x), "y": _list(y),
                        "sklearn": _list(euclidean_distances(x, y)),
                        "torch_cdist": _list(torch.cdist(torch.from_numpy(x), torch.from_numpy(y),
                                                         compute_mode="donot_use_mm_for_euclid_dist").numpy())})
    return {"source": "sklearn.metrics.pairwise.euclidean_distances and torch.cdist(compute_mode="
                      "'donot_use_mm_for_euclid_dist'), float64", "records": records}


def sgd():
    rng = np.random.default_rng(450)
    records = []
    for name, shape, lr, mu, v0 in [("zero_start_defaults", (4, 5), 1e-2, 0.9, None),
                                    ("zero_start_custom", (3,), 0.1, 0.5, None),
                                    ("supplied_velocity", (2, 3), 0.05, 0.8, 0.1 * rng.standard_normal((2, 3)))]:
        w0 = rng.standard_normal(shape)
        grads = [rng.standard_normal(shape) for _ in range(3)]
        p = torch.nn.Parameter(torch.from_numpy(w0.copy()))
        opt = torch.optim.SGD([p], lr=lr, momentum=mu, dampening=0.0, foreach=False)
        if v0 is not None:
            opt.state[p]["momentum_buffer"] = torch.from_numpy(-v0 / lr)
        ws = []
        for g in grads:
            p.grad = torch.from_numpy(g.copy())
            opt.step()
            ws.append(_list(p.detach().numpy()))
        records.append({"name": name, "w": _list(w0), "grads": [_list(g) for g in grads], "learning_rate": lr,
                        "momentum": mu, "velocity0": None if v0 is None else _list(v0), "torch_w": ws,
                        "torch_momentum_buffer": _list(opt.state[p]["momentum_buffer"].numpy())})
    return {"source": "torch.optim.SGD(lr, momentum, dampening=0), float64; velocity = -lr * momentum_buffer",
            "records": records}


def adam():
    rng = np.random.default_rng(460)
    records = []
    for name, shape, lr, betas, eps, state in [
            ("fresh_defaults", (4, 5), 1e-3, (0.9, 0.999), 1e-8, None),
            ("fresh_custom", (6,), 0.05, (0.5, 0.9), 1e-4, None),
            ("supplied_state_t7", (2, 3), 1e-2, (0.9, 0.999), 1e-8,
             {"m": 0.1 * rng.standard_normal((2, 3)), "v": 0.01 * rng.uniform(0.1, 1.0, (2, 3)), "t": 7})]:
        w0 = rng.standard_normal(shape)
        grads = [rng.standard_normal(shape) * s for s in (1.0, 1e-3, 10.0)]
        p = torch.nn.Parameter(torch.from_numpy(w0.copy()))
        opt = torch.optim.Adam([p], lr=lr, betas=betas, eps=eps, foreach=False)
        if state is not None:
            opt.state[p]["step"] = torch.tensor(float(state["t"]))
            opt.state[p]["exp_avg"] = torch.from_numpy(state["m"].copy())
            opt.state[p]["exp_avg_sq"] = torch.from_numpy(state["v"].copy())
        ws = []
        for g in grads:
            p.grad = torch.from_numpy(g.copy())
            opt.step()
            ws.append(_list(p.detach().numpy()))
        s = opt.state[p]
        records.append({"name": name, "w": _list(w0), "grads": [_list(g) for g in grads], "learning_rate": lr,
                        "beta1": betas[0], "beta2": betas[1], "epsilon": eps,
                        "state0": None if state is None else {"m": _list(state["m"]), "v": _list(state["v"]),
                                                             "t": state["t"]},
                        "torch_w": ws, "torch_exp_avg": _list(s["exp_avg"].numpy()),
                        "torch_exp_avg_sq": _list(s["exp_avg_sq"].numpy()), "torch_step": float(s["step"])})
    return {"source": "torch.optim.Adam(lr, betas, eps), float64, foreach=False", "records": records}


if __name__ == "__main__":
    for name, data in (("pairwise_distances", pairwise()), ("sgd_momentum", sgd()), ("adam", adam())):
        data["generator"] = "benchmarks/published/c2.py"
        data["torch"] = torch.__version__
        (OUT / f"{name}.json").write_text(json.dumps(data, indent=1) + "\n")
        print("wrote", OUT / f"{name}.json")
