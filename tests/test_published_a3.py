"""Layer norm and spatial batch norm references against published numbers:

- PyTorch float64 (F.layer_norm, F.batch_norm(training=True) on 4-d input, autograd), stored in
  tests/data/<problem>.json by benchmarks/published/a3.py (torch is not needed here);
- the cs231n assignment 2 notebooks (BatchNormalization.ipynb's layer norm cells and
  ConvolutionalNetworks.ipynb's spatial batch norm cells), as printed in a completed notebook
  (github.com/ctttt1119/cs231n).
"""
import json
from pathlib import Path

import numpy as np
import pytest

from drill.gradcheck import numerical_gradient, rel_error
from drill.judge import reference_module

KINDS = ["loop", "vectorized"]
DATA = Path(__file__).resolve().parent / "data"
LAYERNORM = ["layernorm_forward", "layernorm_backward"]
SPATIAL = ["spatial_batchnorm_forward", "spatial_batchnorm_backward"]


def _ref(catalog, problem_id, kind):
    return reference_module(catalog.get(problem_id), kind)


def _torch_cases(problem_id):
    data = json.loads((DATA / f"{problem_id}.json").read_text())
    return [pytest.param(case, id=case["name"]) for case in data["cases"]]


def _run(module, problem_id, inputs):
    x, gamma, beta = (np.array(inputs[k]) for k in ("x", "gamma", "beta"))
    eps = inputs["eps"]
    if problem_id.startswith("layernorm"):
        out, cache = module.layernorm_forward(x, gamma, beta, {"eps": eps})
        backward = getattr(module, "layernorm_backward", None)
    else:
        out, cache = module.spatial_batchnorm_forward(x, gamma, beta, eps)
        backward = getattr(module, "spatial_batchnorm_backward", None)
    got = {"out": out}
    if "dout" in inputs:
        got.update(zip(("dx", "dgamma", "dbeta"), backward(np.array(inputs["dout"]), cache)))
    return got


def _check_against_torch(catalog, problem_id, kind, case):
    got = _run(_ref(catalog, problem_id, kind), problem_id, case["inputs"])
    assert set(got) == set(case["outputs"])
    for name, expected in case["outputs"].items():
        expected = np.array(expected)
        assert got[name].shape == expected.shape, name
        # ~1e-15 on ordinary inputs; on the |mean| / std ~ 2e6 cases both sides carry ~1e-10 of
        # rounding (the reference is the closer one to the exact value there)
        scale = max(1.0, float(np.max(np.abs(expected))))
        np.testing.assert_allclose(got[name], expected, rtol=1e-9, atol=2e-9 * scale, err_msg=name)
        if "huge" not in case["name"]:
            np.testing.assert_allclose(got[name], expected, rtol=1e-12, atol=1e-13 * scale, err_msg=name)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", _torch_cases("layernorm_forward"))
def test_layernorm_forward_matches_torch(catalog, kind, case):
    _check_against_torch(catalog, "layernorm_forward", kind, case)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", _torch_cases("layernorm_backward"))
def test_layernorm_backward_matches_torch_autograd(catalog, kind, case):
    _check_against_torch(catalog, "layernorm_backward", kind, case)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", _torch_cases("spatial_batchnorm_forward"))
def test_spatial_batchnorm_forward_matches_torch(catalog, kind, case):
    _check_against_torch(catalog, "spatial_batchnorm_forward", kind, case)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", _torch_cases("spatial_batchnorm_backward"))
def test_spatial_batchnorm_backward_matches_torch_autograd(catalog, kind, case):
    _check_against_torch(catalog, "spatial_batchnorm_backward", kind, case)


# ---- cs231n BatchNormalization.ipynb, layer norm cells (seed 231)


@pytest.mark.parametrize("problem_id", LAYERNORM)
@pytest.mark.parametrize("kind", KINDS)
def test_layernorm_forward_matches_cs231n_printed_statistics(catalog, problem_id, kind):
    np.random.seed(231)
    X = np.random.randn(4, 50)
    W1 = np.random.randn(50, 60)
    W2 = np.random.randn(60, 3)
    a = np.maximum(0, X.dot(W1)).dot(W2)
    np.testing.assert_allclose(a.mean(axis=1), [-59.06673243, -47.60782686, -43.31137368, -26.40991744], atol=1e-7)
    np.testing.assert_allclose(a.std(axis=1), [10.07429373, 28.39478981, 35.28360729, 4.01831507], atol=1e-7)
    module = _ref(catalog, problem_id, kind)
    out, _ = module.layernorm_forward(a, np.ones(3), np.zeros(3), {"mode": "train"})
    assert np.all(np.abs(out.mean(axis=1)) < 1e-12)
    np.testing.assert_allclose(out.std(axis=1), [0.99999995, 0.99999999, 1.0, 0.99999969], atol=1e-8)
    out, _ = module.layernorm_forward(a, np.full(3, 3.0), np.full(3, 5.0), {"mode": "train"})
    np.testing.assert_allclose(out.mean(axis=1), [5.0, 5.0, 5.0, 5.0], atol=1e-10)
    np.testing.assert_allclose(out.std(axis=1), [2.99999985, 2.99999998, 2.99999999, 2.99999907], atol=1e-8)


@pytest.mark.parametrize("kind", KINDS)
def test_layernorm_backward_gradient_check_matches_cs231n(catalog, kind):
    """The notebook's cell (seed 231, N, D = 4, 5, ln_param = {}) prints dx 1.43e-09, dgamma 4.52e-12,
    dbeta 2.28e-12."""
    module = _ref(catalog, "layernorm_backward", kind)
    np.random.seed(231)
    x = 5 * np.random.randn(4, 5) + 12
    gamma, beta, dout = np.random.randn(5), np.random.randn(5), np.random.randn(4, 5)
    _, cache = module.layernorm_forward(x, gamma, beta, {})
    grads = module.layernorm_backward(dout, cache)
    forward = lambda: module.layernorm_forward(x, gamma, beta, {})[0]  # noqa: E731
    published = {"dx": 1.433616168873336e-09, "dgamma": 4.519489546032799e-12, "dbeta": 2.276445013433725e-12}
    for name, grad, arr in zip(("dx", "dgamma", "dbeta"), grads, (x, gamma, beta)):
        error = rel_error(grad, numerical_gradient(forward, arr, dout))
        assert error < 1e-8
        assert published[name] / 10 < error < published[name] * 10, (name, error)


# ---- cs231n ConvolutionalNetworks.ipynb, spatial batch norm cells (seed 231)


@pytest.mark.parametrize("problem_id", SPATIAL)
@pytest.mark.parametrize("kind", KINDS)
def test_spatial_batchnorm_forward_matches_cs231n_printed_statistics(catalog, problem_id, kind):
    np.random.seed(231)
    x = 4 * np.random.randn(2, 3, 4, 5) + 10
    np.testing.assert_allclose(x.mean(axis=(0, 2, 3)), [9.33463814, 8.90909116, 9.11056338], atol=1e-7)
    np.testing.assert_allclose(x.std(axis=(0, 2, 3)), [3.61447857, 3.19347686, 3.5168142], atol=1e-7)
    module = _ref(catalog, problem_id, kind)
    out, _ = module.spatial_batchnorm_forward(x, np.ones(3), np.zeros(3), 1e-5)
    assert out.shape == (2, 3, 4, 5)
    assert np.all(np.abs(out.mean(axis=(0, 2, 3))) < 1e-12)
    np.testing.assert_allclose(out.std(axis=(0, 2, 3)), [0.99999962, 0.99999951, 0.9999996], atol=1e-8)
    out, _ = module.spatial_batchnorm_forward(x, np.array([3.0, 4.0, 5.0]), np.array([6.0, 7.0, 8.0]), 1e-5)
    np.testing.assert_allclose(out.mean(axis=(0, 2, 3)), [6.0, 7.0, 8.0], atol=1e-10)
    np.testing.assert_allclose(out.std(axis=(0, 2, 3)), [2.99999885, 3.99999804, 4.99999798], atol=1e-8)


@pytest.mark.parametrize("kind", KINDS)
def test_spatial_batchnorm_backward_gradient_check_matches_cs231n(catalog, kind):
    """The notebook's cell (seed 231, (2, 3, 4, 5)) prints dx 2.79e-07, dgamma 7.10e-12, dbeta 3.28e-12."""
    module = _ref(catalog, "spatial_batchnorm_backward", kind)
    np.random.seed(231)
    x = 5 * np.random.randn(2, 3, 4, 5) + 12
    gamma, beta, dout = np.random.randn(3), np.random.randn(3), np.random.randn(2, 3, 4, 5)
    _, cache = module.spatial_batchnorm_forward(x, gamma, beta, 1e-5)
    grads = module.spatial_batchnorm_backward(dout, cache)
    forward = lambda: module.spatial_batchnorm_forward(x, gamma, beta, 1e-5)[0]  # noqa: E731
    published = {"dx": 2.786648197756335e-07, "dgamma": 7.0974817113608705e-12, "dbeta": 3.275608725278405e-12}
    for name, grad, arr in zip(("dx", "dgamma", "dbeta"), grads, (x, gamma, beta)):
        error = rel_error(grad, numerical_gradient(forward, arr, dout))
        assert error < 1e-6
        assert published[name] / 10 < error < published[name] * 10, (name, error)
