"""The attention family's references agree with PyTorch (float64): torch.softmax,
F.scaled_dot_product_attention and its autograd backward, F.multi_head_attention_forward.

The numbers are stored in tests/data/<problem>.json by benchmarks/published/b1.py (run once with
torch); these tests need only numpy.
"""
import json
from pathlib import Path

import numpy as np
import pytest

from drill.judge import reference_module

DATA = Path(__file__).resolve().parent / "data"
KINDS = ["loop", "vectorized"]
RTOL, ATOL = 1e-12, 1e-13   # atol relative to the largest expected magnitude


def _array(stored):
    if stored is None:
        return None
    return np.array(stored["values"], dtype=stored["dtype"]).reshape(stored["shape"])


def _records(problem_id):
    data = json.loads((DATA / f"{problem_id}.json").read_text())
    assert data["records"]
    return data["records"]


def _close(got, expected, label):
    assert got.shape == expected.shape, label
    assert got.dtype == np.float64, label
    scale = max(1.0, float(np.max(np.abs(expected))))
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=ATOL * scale, err_msg=label)


def _ref(catalog, problem_id, kind):
    return reference_module(catalog.get(problem_id), kind)


@pytest.mark.parametrize("kind", KINDS)
def test_softmax_matches_torch(catalog, kind):
    softmax = _ref(catalog, "softmax", kind).softmax
    for record in _records("softmax"):
        x = _array(record["x"])
        before = x.copy()
        _close(softmax(x, axis=record["axis"]), _array(record["p"]), record["label"])
        assert np.array_equal(x, before)


@pytest.mark.parametrize("problem_id", ["attention_forward", "attention_backward"])
@pytest.mark.parametrize("kind", KINDS)
def test_attention_forward_matches_torch_sdpa(catalog, problem_id, kind):
    module = _ref(catalog, problem_id, kind)
    for record in _records("attention_forward"):
        q, k, v, mask = (_array(record[n]) for n in ("q", "k", "v", "mask"))
        out, _ = module.attention_forward(q, k, v, mask=mask)
        _close(out, _array(record["out"]), record["label"])


@pytest.mark.parametrize("kind", KINDS)
def test_attention_backward_matches_torch_autograd(catalog, kind):
    module = _ref(catalog, "attention_backward", kind)
    for record in _records("attention_backward"):
        q, k, v, mask = (_array(record[n]) for n in ("q", "k", "v", "mask"))
        out, cache = module.attention_forward(q, k, v, mask=mask)
        _close(out, _array(record["out"]), record["label"])
        grads = module.attention_backward(_array(record["dout"]), cache)
        for name, got in zip(("dq", "dk", "dv"), grads):
            _close(got, _array(record[name]), f"{record['label']}: {name}")


@pytest.mark.parametrize("kind", KINDS)
def test_multi_head_attention_matches_torch(catalog, kind):
    mha = _ref(catalog, "multi_head_attention", kind).multi_head_attention
    for record in _records("multi_head_attention"):
        args = [_array(record[n]) for n in ("x", "w_qkv", "b_qkv", "w_out", "b_out")]
        out = mha(*args, record["num_heads"], causal=record["causal"])
        _close(out, _array(record["out"]), record["label"])


def test_stored_cases_cover_the_conventions():
    """The stored numbers exercise what the statements promise: 1e4 entries on a negative axis, masks of
    several shapes (True = may attend), causal attention, one and many heads."""
    soft = _records("softmax")
    assert any(r["axis"] < 0 and np.abs(_array(r["x"])).max() > 9e3 and _array(r["x"]).ndim == 3 for r in soft)
    masks = [_array(r["mask"]) for r in _records("attention_forward") if r["mask"] is not None]
    assert {m.ndim for m in masks} >= {2, 3} and all(m.dtype == bool for m in masks)
    heads = {r["num_heads"] for r in _records("multi_head_attention")}
    assert 1 in heads and max(heads) > 1
    assert any(r["causal"] for r in _records("multi_head_attention"))


def max_differences():
    """For the report: the largest absolute difference of each reference from PyTorch's numbers."""
    from drill.catalog import Catalog

    catalog = Catalog()
    worst = {}
    for kind in KINDS:
        s = _ref(catalog, "softmax", kind).softmax
        worst[("softmax", kind)] = max(float(np.max(np.abs(s(_array(r["x"]), axis=r["axis"]) - _array(r["p"]))))
                                       for r in _records("softmax"))
        for pid in ("attention_forward", "attention_backward"):
            m = _ref(catalog, pid, kind)
            diffs = []
            for r in _records("attention_backward"):
                q, k, v, mask = (_array(r[n]) for n in ("q", "k", "v", "mask"))
                out, cache = m.attention_forward(q, k, v, mask=mask)
                diffs.append(np.max(np.abs(out - _array(r["out"]))))
                if pid == "attention_backward":
                    for name, g in zip(("dq", "dk", "dv"), m.attention_backward(_array(r["dout"]), cache)):
                        diffs.append(np.max(np.abs(g - _array(r[name]))))
            worst[(pid, kind)] = float(max(diffs))
        mha = _ref(catalog, "multi_head_attention", kind).multi_head_attention
        worst[("multi_head_attention", kind)] = max(
            float(np.max(np.abs(mha(*[_array(r[n]) for n in ("x", "w_qkv", "b_qkv", "w_out", "b_out")],
                                    r["num_heads"], causal=r["causal"]) - _array(r["out"]))))
            for r in _records("multi_head_attention"))
    return worst


if __name__ == "__main__":
    for key, value in max_differences().items():
        print(*key, f"{value:.2e}")
