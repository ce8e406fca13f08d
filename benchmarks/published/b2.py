"""Generate the external reference numbers for group b2 (RNN, LSTM, word embedding) with PyTorch.

Run with a Python that has torch (not needed by the tests):
    /work/refenv/bin/python benchmarks/published/b2.py
It writes tests/data/<problem>.json: the inputs, and PyTorch float64 outputs and autograd gradients.
tests/test_published_b2.py checks both references (loop and vectorized) against these numbers and
against the values cs231n's notebooks print (RNN_Captioning.ipynb, LSTM_Captioning.ipynb).

PyTorch's layouts differ from cs231n's: weights are (out, in), so Wx = weight_ih.T and Wh = weight_hh.T,
and torch.lstm_cell orders the gate blocks i, f, g, o where cs231n uses i, f, o, g.
"""
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = Path(__file__).resolve().parents[2] / "tests" / "data"


def t(a):
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=True)


def lists(d):
    return {k: np.asarray(v.detach().numpy() if isinstance(v, torch.Tensor) else v).tolist() for k, v in d.items()}


def torch_order(w, H):
    """cs231n blocks i, f, o, g -> PyTorch blocks i, f, g, o (last axis)."""
    return torch.cat([w[..., :2 * H], w[..., 3 * H:], w[..., 2 * H:3 * H]], dim=-1)


# ---------------------------------------------------------------- RNN step

def rnn_case(x, prev_h, Wx, Wh, b, dnext_h):
    xs = [t(a) for a in (x, prev_h, Wx, Wh, b)]
    x_, h_, Wx_, Wh_, b_ = xs
    next_h = torch.rnn_tanh_cell(x_, h_, Wx_.T, Wh_.T, b_, None)
    grads = torch.autograd.grad(next_h, xs, torch.tensor(dnext_h))
    return {"inputs": lists(dict(x=x, prev_h=prev_h, Wx=Wx, Wh=Wh, b=b, dnext_h=dnext_h)),
            "torch": lists(dict(next_h=next_h, dx=grads[0], dprev_h=grads[1], dWx=grads[2], dWh=grads[3],
                                db=grads[4]))}


def rnn_cases():
    N, D, H = 3, 10, 4
    linspace = (np.linspace(-0.4, 0.7, num=N * D).reshape(N, D), np.linspace(-0.2, 0.5, num=N * H).reshape(N, H),
                np.linspace(-0.1, 0.9, num=D * H).reshape(D, H), np.linspace(-0.3, 0.7, num=H * H).reshape(H, H),
                np.linspace(-0.2, 0.4, num=H))
    cases = {"cs231n_forward_linspace": rnn_case(*linspace, np.linspace(-1.0, 1.0, num=N * H).reshape(N, H))}
    # the notebook's rnn_step_backward check: np.random.seed(231); N, D, H = 4, 5, 6
    rs = np.random.RandomState(231)
    x, h, Wx, Wh, b = rs.randn(4, 5), rs.randn(4, 6), rs.randn(5, 6), rs.randn(6, 6), rs.randn(6)
    cases["cs231n_backward_seed231"] = rnn_case(x, h, Wx, Wh, b, rs.randn(4, 6))
    rng = np.random.default_rng(7)
    x, h = 100.0 * rng.uniform(1.0, 1.1, (2, 3)), rng.uniform(-1, 1, (2, 3))
    Wx = rng.uniform(2.0, 3.0, (3, 3)) * np.array([1.0, -1.0, 0.001])
    cases["saturated"] = rnn_case(x, h, Wx, rng.standard_normal((3, 3)), rng.standard_normal(3),
                                  rng.standard_normal((2, 3)))
    return cases


# ---------------------------------------------------------------- LSTM step

def lstm_case(x, prev_h, prev_c, Wx, Wh, b, dnext_h, dnext_c):
    xs = [t(a) for a in (x, prev_h, prev_c, Wx, Wh, b)]
    x_, h_, c_, Wx_, Wh_, b_ = xs
    H = h_.shape[1]
    next_h, next_c = torch.lstm_cell(x_, (h_, c_), torch_order(Wx_, H).T, torch_order(Wh_, H).T,
                                     torch_order(b_, H), None)
    grads = torch.autograd.grad((next_h, next_c), xs, (torch.tensor(dnext_h), torch.tensor(dnext_c)))
    names = ("dx", "dprev_h", "dprev_c", "dWx", "dWh", "db")
    return {"inputs": lists(dict(x=x, prev_h=prev_h, prev_c=prev_c, Wx=Wx, Wh=Wh, b=b, dnext_h=dnext_h,
                                 dnext_c=dnext_c)),
            "torch": lists(dict(next_h=next_h, next_c=next_c, **dict(zip(names, grads))))}


def lstm_cases():
    N, D, H = 3, 4, 5
    linspace = (np.linspace(-0.4, 1.2, num=N * D).reshape(N, D), np.linspace(-0.3, 0.7, num=N * H).reshape(N, H),
                np.linspace(-0.4, 0.9, num=N * H).reshape(N, H), np.linspace(-2.1, 1.3, num=4 * D * H).reshape(D, 4 * H),
                np.linspace(-0.7, 2.2, num=4 * H * H).reshape(H, 4 * H), np.linspace(0.3, 0.7, num=4 * H))
    cases = {"cs231n_forward_linspace": lstm_case(*linspace, np.linspace(-1, 1, N * H).reshape(N, H),
                                                  np.linspace(0.5, -0.5, N * H).reshape(N, H))}
    # the notebook's lstm_step_backward check: np.random.seed(231); N, D, H = 4, 5, 6
    rs = np.random.RandomState(231)
    N, D, H = 4, 5, 6
    x, prev_h, prev_c = rs.randn(N, D), rs.randn(N, H), rs.randn(N, H)
    Wx, Wh, b = rs.randn(D, 4 * H), rs.randn(H, 4 * H), rs.randn(4 * H)
    cases["cs231n_backward_seed231"] = lstm_case(x, prev_h, prev_c, Wx, Wh, b, rs.randn(N, H), rs.randn(N, H))
    rng = np.random.default_rng(7)
    H = 2
    signs = np.array([1.0, -1.0, -1.0, 1.0, 1.0, -1.0, 1.0, -1.0])
    cases["saturated"] = lstm_case(rng.uniform(100.0, 110.0, (2, 3)), rng.uniform(-1, 1, (2, H)),
                                   rng.uniform(-2, 2, (2, H)), rng.uniform(2.5, 3.0, (3, 4 * H)) * signs,
                                   rng.standard_normal((H, 4 * H)), rng.standard_normal(4 * H),
                                   rng.standard_normal((2, H)), rng.standard_normal((2, H)))
    return cases


# ---------------------------------------------------------------- word embedding

def embedding_case(x, W, dout):
    W_ = t(W)
    out = F.embedding(torch.tensor(x), W_)
    (dW,) = torch.autograd.grad(out, (W_,), torch.tensor(dout))
    return {"inputs": {"x": np.asarray(x).tolist(), **lists(dict(W=W, dout=dout))},
            "torch": lists(dict(out=out, dW=dW))}


def embedding_cases():
    N, T, V, D = 2, 4, 5, 3
    cases = {"cs231n_forward_linspace": embedding_case(
        np.array([[0, 3, 1, 2], [2, 1, 0, 3]]), np.linspace(0, 1, num=V * D).reshape(V, D),
        np.linspace(-1.0, 1.0, num=N * T * D).reshape(N, T, D))}
    # the notebook's word_embedding_backward check: np.random.seed(231); N, T, V, D = 50, 3, 5, 6
    rs = np.random.RandomState(231)
    N, T, V, D = 50, 3, 5, 6
    x = rs.randint(V, size=(N, T))
    W = rs.randn(V, D)
    cases["cs231n_backward_seed231"] = embedding_case(x, W, rs.randn(N, T, D))
    return cases


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    meta = {"generator": "benchmarks/published/b2.py", "torch": torch.__version__, "dtype": "float64"}
    for problems, cases in ((("rnn_step_forward", "rnn_step_backward"), rnn_cases()),
                            (("lstm_step_forward", "lstm_step_backward"), lstm_cases()),
                            (("word_embedding_backward",), embedding_cases())):
        for problem in problems:
            (OUT / f"{problem}.json").write_text(json.dumps({"meta": meta, "cases": cases}) + "\n")
            print("wrote", OUT / f"{problem}.json")
