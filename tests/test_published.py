"""The references agree with published numbers: the cs231n assignment 2 notebooks (conv and batch
norm) and torchvision's box-IoU tests (test/test_ops.py, TestBoxIou)."""
import numpy as np
import pytest

from drill.gradcheck import numerical_gradient, rel_error
from drill.judge import reference_module

KINDS = ["loop", "vectorized"]


def _ref(catalog, problem_id, kind):
    return reference_module(catalog.get(problem_id), kind)


# ---- cs231n assignment 2, ConvolutionalNetworks.ipynb: "Test the conv_forward_naive function"
CS231N_CONV_OUT = np.array([[[[-0.08759809, -0.10987781], [-0.18387192, -0.2109216]],
                             [[0.21027089, 0.21661097], [0.22847626, 0.23004637]],
                             [[0.50813986, 0.54309974], [0.64082444, 0.67101435]]],
                            [[[-0.98053589, -1.03143541], [-1.19128892, -1.24695841]],
                             [[0.69108355, 0.66880383], [0.59480972, 0.56776003]],
                             [[2.36270298, 2.36904306], [2.38090835, 2.38247847]]]])


@pytest.mark.parametrize("problem_id", ["conv_forward", "conv_backward"])
@pytest.mark.parametrize("kind", KINDS)
def test_conv_forward_matches_cs231n_correct_out(catalog, problem_id, kind):
    x = np.linspace(-0.1, 0.5, num=2 * 3 * 4 * 4).reshape(2, 3, 4, 4)
    w = np.linspace(-0.2, 0.3, num=3 * 3 * 4 * 4).reshape(3, 3, 4, 4)
    b = np.linspace(-0.1, 0.2, num=3)
    out, _ = _ref(catalog, problem_id, kind).conv_forward(x, w, b, {"stride": 2, "pad": 1})
    assert out.shape == (2, 3, 2, 2)
    # the notebook prints "difference: 2.2121476417505994e-08" (correct_out is rounded to 8 decimals)
    assert rel_error(out, CS231N_CONV_OUT) < 5e-8
    np.testing.assert_allclose(out, CS231N_CONV_OUT, atol=5e-9, rtol=0)


@pytest.mark.parametrize("kind", KINDS)
def test_conv_backward_gradient_check_matches_cs231n(catalog, kind):
    """The notebook's cell (seed 231, stride 1, pad 1) prints dx 1.16e-08, dw 2.25e-10, db 3.37e-11."""
    module = _ref(catalog, "conv_backward", kind)
    rs = np.random.RandomState(231)
    x, w, b = rs.randn(4, 3, 5, 5), rs.randn(2, 3, 3, 3), rs.randn(2)
    dout = rs.randn(4, 2, 5, 5)
    conv_param = {"stride": 1, "pad": 1}
    out, cache = module.conv_forward(x, w, b, conv_param)
    dx, dw, db = module.conv_backward(dout, cache)
    numeric = {name: numerical_gradient(lambda: module.conv_forward(x, w, b, conv_param)[0], arr, dout)
               for name, arr in (("dx", x), ("dw", w), ("db", b))}
    published = {"dx": 1.159803161159293e-08, "dw": 2.2471264748452487e-10, "db": 3.37264006649648e-11}
    for name, grad in (("dx", dx), ("dw", dw), ("db", db)):
        error = rel_error(grad, numeric[name])
        assert error < 1e-7
        assert published[name] / 10 < error < published[name] * 10, (name, error)


def _cs231n_two_layer_activations():
    rs = np.random.RandomState(231)
    N, D1, D2, D3 = 200, 50, 60, 3
    X = rs.randn(N, D1)
    W1 = rs.randn(D1, D2)
    W2 = rs.randn(D2, D3)
    return np.maximum(0, X.dot(W1)).dot(W2)


@pytest.mark.parametrize("problem_id", ["bn_forward", "bn_backward"])
@pytest.mark.parametrize("kind", KINDS)
def test_bn_forward_matches_cs231n_printed_statistics(catalog, problem_id, kind):
    a = _cs231n_two_layer_activations()
    np.testing.assert_allclose(a.mean(axis=0), [-2.3814598, -13.18038246, 1.91780462], atol=1e-7)
    np.testing.assert_allclose(a.std(axis=0), [27.18502186, 34.21455511, 37.68611762], atol=1e-7)
    module = _ref(catalog, problem_id, kind)
    out, _ = module.bn_forward(a, np.ones(3), np.zeros(3), 1e-5)
    assert np.all(np.abs(out.mean(axis=0)) < 1e-12)
    np.testing.assert_allclose(out.std(axis=0), [0.99999999, 1.0, 1.0], atol=1e-8)
    out, _ = module.bn_forward(a, np.array([1.0, 2.0, 3.0]), np.array([11.0, 12.0, 13.0]), 1e-5)
    np.testing.assert_allclose(out.mean(axis=0), [11.0, 12.0, 13.0], atol=1e-10)
    np.testing.assert_allclose(out.std(axis=0), [0.99999999, 1.99999999, 2.99999999], atol=1e-8)


@pytest.mark.parametrize("kind", KINDS)
def test_bn_backward_gradient_check_matches_cs231n(catalog, kind):
    """The notebook's cell (seed 231, N, D = 4, 5) prints dx 1.70e-09, dgamma 7.42e-13, dbeta 2.88e-12."""
    module = _ref(catalog, "bn_backward", kind)
    rs = np.random.RandomState(231)
    x = 5 * rs.randn(4, 5) + 12
    gamma, beta, dout = rs.randn(5), rs.randn(5), rs.randn(4, 5)
    _, cache = module.bn_forward(x, gamma, beta, 1e-5)
    dx, dgamma, dbeta = module.bn_backward(dout, cache)
    forward = lambda: module.bn_forward(x, gamma, beta, 1e-5)[0]  # noqa: E731
    published = {"dx": 1.7029261167605239e-09, "dgamma": 7.420414216247087e-13, "dbeta": 2.8795057655839487e-12}
    for name, grad, arr in (("dx", dx, x), ("dgamma", dgamma, gamma), ("dbeta", dbeta, beta)):
        error = rel_error(grad, numerical_gradient(forward, arr, dout))
        assert error < 1e-8
        assert published[name] / 10 < error < published[name] * 10, (name, error)


# ---- torchvision test/test_ops.py, class TestBoxIou
INT_BOXES = [[0, 0, 100, 100], [0, 0, 50, 50], [200, 200, 300, 300], [0, 0, 25, 25]]
INT_BOXES2 = [[0, 0, 100, 100], [0, 0, 50, 50], [200, 200, 300, 300]]
INT_EXPECTED = [[1.0, 0.25, 0.0], [0.25, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0625, 0.25, 0.0]]
FLOAT_BOXES = [[285.3538, 185.5758, 1193.5110, 851.4551], [285.1472, 188.7374, 1192.4984, 851.0669],
               [279.2440, 197.9812, 1189.4746, 849.2019]]
FLOAT_EXPECTED = [[1.0, 0.9933, 0.9673], [0.9933, 1.0, 0.9737], [0.9673, 0.9737, 1.0]]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("boxes_a, boxes_b, expected, atol", [
    (INT_BOXES, INT_BOXES2, INT_EXPECTED, 1e-4), (FLOAT_BOXES, FLOAT_BOXES, FLOAT_EXPECTED, 1e-3)])
def test_iou_matches_torchvision_box_iou(catalog, kind, boxes_a, boxes_b, expected, atol):
    iou = _ref(catalog, "iou", kind).iou
    got = [[iou(a, b) for b in boxes_b] for a in boxes_a]
    np.testing.assert_allclose(got, expected, atol=atol, rtol=0)
    assert all(isinstance(v, float) for row in got for v in row)


@pytest.mark.parametrize("boxes_a, boxes_b, expected, atol", [
    (INT_BOXES, INT_BOXES2, INT_EXPECTED, 1e-4), (FLOAT_BOXES, FLOAT_BOXES, FLOAT_EXPECTED, 1e-3)])
def test_pairwise_iou_follow_up_matches_torchvision(catalog, boxes_a, boxes_b, expected, atol):
    got = _ref(catalog, "iou", "vectorized").pairwise_iou(np.array(boxes_a), np.array(boxes_b))
    assert got.shape == (len(boxes_a), len(boxes_b))
    np.testing.assert_allclose(got, expected, atol=atol, rtol=0)
