"""Generate tests/data/{affine_forward,affine_backward,relu_backward,softmax_loss}.json from PyTorch (float64).

Not run by the tests (they must not need torch). Run with a Python that has torch:
    /work/refenv/bin/python benchmarks/published/a1.py
Each file holds cases (inputs and PyTorch's outputs, as exact float64 JSON numbers); the inputs are
the cs231n notebook's test inputs plus the problem's designed cases at the default seed 231.
tests/test_published_a1.py checks both references (loop and vectorized) against them.
"""
import json
import runpy
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
ROOT = Path(__file__).resolve().parents[2]
SEED = 231


def designed(problem_id):
    module = runpy.run_path(str(ROOT / "problems" / problem_id / "cases.py"))
    return module["designed"](np.random.default_rng(SEED))


def listed(a):
    a = np.asarray(a)
    return {"shape": list(a.shape), "dtype": str(a.dtype), "data": a.ravel().tolist()}


def t(a, grad=False):
    return torch.tensor(np.asarray(a), requires_grad=grad)


def cs231n_affine_inputs():
    num_inputs, input_shape, output_dim = 2, (4, 5, 6), 3
    input_size = num_inputs * np.prod(input_shape)
    weight_size = output_dim * np.prod(input_shape)
    x = np.linspace(-0.1, 0.5, num=input_size).reshape(num_inputs, *input_shape)
    w = np.linspace(-0.2, 0.3, num=weight_size).reshape(np.prod(input_shape), output_dim)
    b = np.linspace(-0.3, 0.1, num=output_dim)
    return x, w, b


def affine_cases():
    forward, backward = [], []
    x, w, b = cs231n_affine_inputs()
    rs = np.random.RandomState(SEED)
    bx, bw, bb, bd = rs.randn(10, 2, 3), rs.randn(6, 5), rs.randn(5), rs.randn(10, 5)
    inputs = [("cs231n_affine_forward", x, w, b, None), ("cs231n_affine_backward", bx, bw, bb, bd)]
    inputs += [(c["name"], c["inputs"]["x"], c["inputs"]["w"], c["inputs"]["b"], None)
               for c in designed("affine_forward")]
    inputs += [(c["name"], c["inputs"]["x"], c["inputs"]["w"], c["inputs"]["b"], c["inputs"]["dout"])
               for c in designed("affine_backward")]
    for name, x, w, b, dout in inputs:
        xt, wt, bt = t(x, True), t(w, True), t(b, True)
        out = F.linear(xt.reshape(xt.shape[0], -1), wt.T, bt)   # nn.Linear with weight = w.T
        case = {"name": name, "x": listed(x), "w": listed(w), "b": listed(b), "out": listed(out.detach().numpy())}
        if dout is None:
            forward.append(case)
            continue
        dx, dw, db = torch.autograd.grad(out, (xt, wt, bt), t(dout))
        case.update(dout=listed(dout), dx=listed(dx.numpy()), dw=listed(dw.numpy()), db=listed(db.numpy()))
        backward.append(case)
    return forward, backward


def relu_cases():
    cases = []
    rs = np.random.RandomState(SEED)
    x, dout = rs.randn(10, 10), None
    dout = rs.randn(*x.shape)
    inputs = [("cs231n_relu_forward", np.linspace(-0.5, 0.5, num=12).reshape(3, 4), np.ones((3, 4))),
              ("cs231n_relu_backward", x, dout)]
    inputs += [(c["name"], c["inputs"]["x"], c["inputs"]["dout"]) for c in designed("relu_backward")]
    for name, x, dout in inputs:
        xt = t(x, True)
        out = torch.relu(xt)
        (dx,) = torch.autograd.grad(out, (xt,), t(dout))
        cases.append({"name": name, "x": listed(x), "dout": listed(dout), "out": listed(out.detach().numpy()),
                      "dx": listed(dx.numpy())})
    return cases


def softmax_cases():
    cases = []
    rs = np.random.RandomState(SEED)
    x = 0.001 * rs.randn(50, 10)
    y = rs.randint(10, size=50)
    inputs = [("cs231n_softmax_loss", x, y)]
    inputs += [(c["name"], c["inputs"]["x"], c["inputs"]["y"]) for c in designed("softmax_loss")]
    for name, x, y in inputs:
        xt = t(x, True)
        loss = F.cross_entropy(xt, torch.tensor(np.asarray(y, dtype=np.int64)))   # reduction='mean'
        (dx,) = torch.autograd.grad(loss, (xt,))
        cases.append({"name": name, "x": listed(x), "y": listed(np.asarray(y, dtype=np.int64)),
                      "loss": float(loss.detach()), "dx": listed(dx.numpy())})
    return cases


def write(problem_id, cases):
    data = {"source": f"PyTorch {torch.__version__}, float64, CPU (benchmarks/published/a1.py)", "cases": cases}
    path = ROOT / "tests" / "data" / f"{problem_id}.json"
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(path, len(cases), "cases")


if __name__ == "__main__":
    forward, backward = affine_cases()
    write("affine_forward", forward)
    write("affine_backward", backward)
    write("relu_backward", relu_cases())
    write("softmax_loss", softmax_cases())
