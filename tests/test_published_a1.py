"""Family A, group a1 (affine_forward, affine_backward, relu_backward, softmax_loss): both references
agree with published numbers.

- cs231n assignment 2, FullyConnectedNets.ipynb: the printed correct_out of affine_forward and
  relu_forward, the gradient-check errors printed for affine_backward, relu_backward and
  softmax_loss, softmax_loss's printed loss, and TwoLayerNet's correct_scores / correct_loss
  (affine -> relu -> affine -> softmax_loss).
- PyTorch float64 (F.linear, torch.relu, F.cross_entropy and autograd), stored in tests/data/<id>.json
  by benchmarks/published/a1.py: the cs231n inputs and every designed case at seed 231.
"""
import json
from pathlib import Path

import numpy as np
import pytest

from drill.gradcheck import numerical_gradient, rel_error
from drill.judge import reference_module

KINDS = ["loop", "vectorized"]
DATA = Path(__file__).resolve().parent / "data"


def _ref(catalog, problem_id, kind):
    return reference_module(catalog.get(problem_id), kind)


def _array(d):
    return np.array(d["data"], dtype=d["dtype"]).reshape(d["shape"])


def _torch_cases(problem_id):
    data = json.loads((DATA / f"{problem_id}.json").read_text())
    return [pytest.param(c, id=c["name"]) for c in data["cases"]]


def _close(got, expected, tol=1e-12):
    """|got - expected| <= tol * max(1, max|expected|): summation order is all that may differ."""
    got, expected = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    assert got.shape == expected.shape
    scale = max(1.0, float(np.max(np.abs(expected)))) if expected.size else 1.0
    np.testing.assert_allclose(got, expected, rtol=0, atol=tol * scale)


# ---- cs231n assignment 2, FullyConnectedNets.ipynb: "Test the affine_forward function"
CS231N_AFFINE_OUT = np.array([[1.49834967, 1.70660132, 1.91485297],
                              [3.25553199, 3.5141327, 3.77273342]])


def _cs231n_affine_inputs():
    num_inputs, input_shape, output_dim = 2, (4, 5, 6), 3
    input_size = num_inputs * np.prod(input_shape)
    weight_size = output_dim * np.prod(input_shape)
    x = np.linspace(-0.1, 0.5, num=input_size).reshape(num_inputs, *input_shape)
    w = np.linspace(-0.2, 0.3, num=weight_size).reshape(np.prod(input_shape), output_dim)
    b = np.linspace(-0.3, 0.1, num=output_dim)
    return x, w, b


@pytest.mark.parametrize("problem_id", ["affine_forward", "affine_backward"])
@pytest.mark.parametrize("kind", KINDS)
def test_affine_forward_matches_cs231n_correct_out(catalog, problem_id, kind):
    out, _ = _ref(catalog, problem_id, kind).affine_forward(*_cs231n_affine_inputs())
    # the notebook prints "difference: 9.769847728806635e-10" (correct_out is rounded to 8 decimals)
    assert 1e-10 < rel_error(out, CS231N_AFFINE_OUT) < 1e-8
    np.testing.assert_allclose(out, CS231N_AFFINE_OUT, atol=5e-9, rtol=0)


@pytest.mark.parametrize("kind", KINDS)
def test_affine_backward_gradient_check_matches_cs231n(catalog, kind):
    """The notebook's cell (seed 231) prints dx 1.09e-10, dw 2.18e-10, db 7.74e-12."""
    module = _ref(catalog, "affine_backward", kind)
    rs = np.random.RandomState(231)
    x, w, b, dout = rs.randn(10, 2, 3), rs.randn(6, 5), rs.randn(5), rs.randn(10, 5)
    _, cache = module.affine_forward(x, w, b)
    dx, dw, db = module.affine_backward(dout, cache)
    published = {"dx": 1.0908199508708189e-10, "dw": 2.1752635504596857e-10, "db": 7.736978834487815e-12}
    for name, grad, arr in (("dx", dx, x), ("dw", dw, w), ("db", db, b)):
        error = rel_error(grad, numerical_gradient(lambda: module.affine_forward(x, w, b)[0], arr, dout))
        assert error < 1e-8
        assert published[name] / 10 < error < published[name] * 10, (name, error)


# ---- "Test the relu_forward function" and the ReLU backward gradient check
CS231N_RELU_OUT = np.array([[0., 0., 0., 0.],
                            [0., 0., 0.04545455, 0.13636364],
                            [0.22727273, 0.31818182, 0.40909091, 0.5]])


@pytest.mark.parametrize("kind", KINDS)
def test_relu_forward_matches_cs231n_correct_out(catalog, kind):
    out, _ = _ref(catalog, "relu_backward", kind).relu_forward(np.linspace(-0.5, 0.5, num=12).reshape(3, 4))
    # the notebook prints "difference: 4.999999798022158e-08" (rounding to 8 decimals, at 0.04545455)
    assert abs(rel_error(out, CS231N_RELU_OUT) - 4.999999798022158e-08) < 1e-12
    np.testing.assert_allclose(out, CS231N_RELU_OUT, atol=5e-9, rtol=0)


@pytest.mark.parametrize("kind", KINDS)
def test_relu_backward_gradient_check_matches_cs231n(catalog, kind):
    """The notebook's cell (seed 231, x (10, 10)) prints dx error 3.2756349136310288e-12."""
    module = _ref(catalog, "relu_backward", kind)
    rs = np.random.RandomState(231)
    x = rs.randn(10, 10)
    dout = rs.randn(*x.shape)
    _, cache = module.relu_forward(x)
    dx = module.relu_backward(dout, cache)
    error = rel_error(dx, numerical_gradient(lambda: module.relu_forward(x)[0], x, dout))
    assert 3.2756349136310288e-12 / 10 < error < 3.2756349136310288e-12 * 10


# ---- "Loss layers: Softmax and SVM"
@pytest.mark.parametrize("kind", KINDS)
def test_softmax_loss_matches_cs231n(catalog, kind):
    """The notebook's cell (seed 231, 50 x 10 scores of size 1e-3) prints loss 2.302545844500738 and
    dx error 9.384673161989355e-09."""
    module = _ref(catalog, "softmax_loss", kind)
    rs = np.random.RandomState(231)
    x = 0.001 * rs.randn(50, 10)
    y = rs.randint(10, size=50)
    loss, dx = module.softmax_loss(x, y)
    assert abs(loss - 2.302545844500738) < 1e-14
    error = rel_error(dx, numerical_gradient(lambda: module.softmax_loss(x, y)[0], x, np.array(1.0)))
    assert 9.384673161989355e-09 / 10 < error < 9.384673161989355e-09 * 10


@pytest.mark.parametrize("kind", KINDS)
def test_two_layer_net_scores_and_loss_match_cs231n(catalog, kind):
    """TwoLayerNet's test: affine -> relu -> affine gives correct_scores, softmax_loss correct_loss
    (3.4702243556; 26.5948426952 with reg = 1.0 and the 0.5 * reg * sum(W**2) penalty)."""
    affine = _ref(catalog, "affine_forward", kind).affine_forward
    relu = _ref(catalog, "relu_backward", kind).relu_forward
    softmax_loss = _ref(catalog, "softmax_loss", kind).softmax_loss
    N, D, H, C = 3, 5, 50, 7
    W1 = np.linspace(-0.7, 0.3, num=D * H).reshape(D, H)
    b1 = np.linspace(-0.1, 0.9, num=H)
    W2 = np.linspace(-0.3, 0.4, num=H * C).reshape(H, C)
    b2 = np.linspace(-0.9, 0.1, num=C)
    X = np.linspace(-5.5, 4.5, num=N * D).reshape(D, N).T
    scores, _ = affine(relu(affine(X, W1, b1)[0])[0], W2, b2)
    correct_scores = np.asarray(
        [[11.53165108, 12.2917344, 13.05181771, 13.81190102, 14.57198434, 15.33206765, 16.09215096],
         [12.05769098, 12.74614105, 13.43459113, 14.1230412, 14.81149128, 15.49994135, 16.18839143],
         [12.58373087, 13.20054771, 13.81736455, 14.43418138, 15.05099822, 15.66781506, 16.2846319]])
    assert np.abs(scores - correct_scores).sum() < 1e-6
    loss, _ = softmax_loss(scores, np.asarray([0, 5, 1]))
    assert abs(loss - 3.4702243556) < 1e-10
    penalty = 0.5 * 1.0 * (np.sum(W1 * W1) + np.sum(W2 * W2))
    assert abs(loss + penalty - 26.5948426952) < 1e-10


# ---- PyTorch float64, stored by benchmarks/published/a1.py
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", _torch_cases("affine_forward"))
def test_affine_forward_matches_torch_linear(catalog, kind, case):
    out, _ = _ref(catalog, "affine_forward", kind).affine_forward(_array(case["x"]), _array(case["w"]), _array(case["b"]))
    _close(out, _array(case["out"]))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", _torch_cases("affine_backward"))
def test_affine_backward_matches_torch_autograd(catalog, kind, case):
    module = _ref(catalog, "affine_backward", kind)
    out, cache = module.affine_forward(_array(case["x"]), _array(case["w"]), _array(case["b"]))
    _close(out, _array(case["out"]))
    for name, got in zip(("dx", "dw", "db"), module.affine_backward(_array(case["dout"]), cache)):
        _close(got, _array(case[name]))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", _torch_cases("relu_backward"))
def test_relu_backward_matches_torch_autograd(catalog, kind, case):
    """Exactly equal, including the gradient 0 that PyTorch gives at x = 0 and x = -0.0."""
    module = _ref(catalog, "relu_backward", kind)
    out, cache = module.relu_forward(_array(case["x"]))
    np.testing.assert_array_equal(out, _array(case["out"]))
    np.testing.assert_array_equal(module.relu_backward(_array(case["dout"]), cache), _array(case["dx"]))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", _torch_cases("softmax_loss"))
def test_softmax_loss_matches_torch_cross_entropy(catalog, kind, case):
    loss, dx = _ref(catalog, "softmax_loss", kind).softmax_loss(_array(case["x"]), _array(case["y"]))
    _close(loss, case["loss"])
    _close(dx, _array(case["dx"]))
