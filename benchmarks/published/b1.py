"""Generate the PyTorch float64 numbers that tests/test_published_b1.py checks the references of
softmax, attention_forward, attention_backward and multi_head_attention against.

Run with a Python that has torch (not needed by the tests):
    /work/refenv/bin/python benchmarks/published/b1.py
It writes tests/data/<problem>.json: every input and PyTorch's output, as exact float64 values.

- softmax:              torch.softmax(x, dim=axis)
- attention_forward:    torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)
                        (bool attn_mask, True = may attend), and is_causal=True for the causal case
- attention_backward:   torch.autograd.grad of that output with upstream dout
- multi_head_attention: torch.nn.functional.multi_head_attention_forward on x.transpose(0, 1), with
                        in_proj_weight = w_qkv.T, out_proj_weight = w_out.T and, when causal,
                        attn_mask = triu(ones(T, T), 1) as bool (True = blocked in that function)
"""
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)
DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def arr(a):
    a = a.detach().numpy() if isinstance(a, torch.Tensor) else np.asarray(a)
    return {"shape": list(a.shape), "dtype": str(a.dtype), "values": a.ravel().tolist()}


def dump(name, records):
    meta = {"generator": "benchmarks/published/b1.py", "torch": torch.__version__, "records": records}
    (DATA / f"{name}.json").write_text(json.dumps(meta) + "\n")
    print(name, len(records), "records")


def softmax_records(rng):
    records = []
    x = 1e4 * np.array([1.0, -1.0]).reshape(2, 1, 1) + rng.uniform(-3.0, 3.0, (2, 3, 4))
    for axis in (-2, -1, 0):
        records.append({"label": f"entries ~1e4, (2, 3, 4), axis={axis}", "x": arr(x), "axis": axis,
                        "p": arr(torch.softmax(torch.from_numpy(x), dim=axis))})
    x = rng.uniform(-1e4, 1e4, (3, 5))
    records.append({"label": "uniform in [-1e4, 1e4], (3, 5), axis=1", "x": arr(x), "axis": 1,
                    "p": arr(torch.softmax(torch.from_numpy(x), dim=1))})
    x = np.array([[710.0, 709.5, 705.0], [-745.0, -744.0, -743.5]])
    records.append({"label": "overflow and underflow rows", "x": arr(x), "axis": -1,
                    "p": arr(torch.softmax(torch.from_numpy(x), dim=-1))})
    x = rng.normal(0.0, 2.0, (2, 3, 2, 4))
    records.append({"label": "4-D, axis=1", "x": arr(x), "axis": 1,
                    "p": arr(torch.softmax(torch.from_numpy(x), dim=1))})
    return records


def attention_configs(rng):
    """(label, q, k, v, mask or None, is_causal, dout)"""
    def qkv(B, Tq, Tk, d, dv, s=1.0):
        return (rng.normal(0, s, (B, Tq, d)), rng.normal(0, s, (B, Tk, d)), rng.normal(0, 1, (B, Tk, dv)),
                rng.normal(0, 1, (B, Tq, dv)))
    configs = []
    q, k, v, g = qkv(2, 3, 5, 4, 6, 1.5)
    configs.append(("no mask, Tq=3, Tk=5, d=4, dv=6", q, k, v, None, False, g))
    q, k, v, g = qkv(2, 3, 4, 4, 3, 1.5)
    mask = np.array([[1, 0, 1, 0], [0, 1, 1, 0], [1, 1, 0, 1]], dtype=bool)
    configs.append(("(Tq, Tk) mask broadcast over the batch", q, k, v, mask, False, g))
    q, k, v, g = qkv(2, 3, 5, 3, 2, 1.5)
    mask = np.array([[[1, 1, 1, 0, 0]], [[1, 1, 1, 1, 0]]], dtype=bool)
    configs.append(("(B, 1, Tk) key padding mask", q, k, v, mask, False, g))
    q, k, v, g = qkv(2, 3, 4, 4, 3, 1.5)
    mask = np.array([[0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 1]], dtype=bool)
    configs.append(("mask leaving one key per query", q, k, v, mask, False, g))
    q, k, v, g = qkv(2, 5, 5, 4, 4, 1.5)
    configs.append(("is_causal=True, T=5", q, k, v, None, True, g))
    q, k, v, g = qkv(3, 2, 4, 2, 5, 1.5)
    mask = rng.random((3, 2, 4)) < 0.6
    mask[:, :, 0] = True
    configs.append(("(B, Tq, Tk) mask", q, k, v, mask, False, g))
    q = np.zeros((1, 2, 4)); q[0, :, 0] = [2.0, -2.0]
    k = np.zeros((1, 3, 4)); k[0, :, 0] = [745.0, 744.0, 744.5]
    v, g = rng.normal(0, 1, (1, 3, 2)), rng.normal(0, 1, (1, 2, 2))
    configs.append(("scores +-745", q, k, v, None, False, g))
    return configs


def attention_records(rng):
    forward, backward = [], []
    for label, q, k, v, mask, is_causal, dout in attention_configs(rng):
        tq, tk, tv = (torch.tensor(a, requires_grad=True) for a in (q, k, v))
        out = F.scaled_dot_product_attention(tq, tk, tv, attn_mask=None if mask is None else torch.from_numpy(mask),
                                             is_causal=is_causal)
        dq, dk, dv = torch.autograd.grad(out, (tq, tk, tv), torch.from_numpy(dout))
        if is_causal:   # the same thing as an explicit (T, T) mask, True = may attend
            mask = np.tril(np.ones((q.shape[1], k.shape[1]), dtype=bool))
        inputs = {"label": label, "q": arr(q), "k": arr(k), "v": arr(v),
                  "mask": None if mask is None else arr(mask)}
        forward.append({**inputs, "out": arr(out)})
        backward.append({**inputs, "dout": arr(dout), "out": arr(out), "dq": arr(dq), "dk": arr(dk), "dv": arr(dv)})
    return forward, backward


def mha_records(rng):
    records = []
    for B, T, E, H, causal in [(2, 3, 8, 2, False), (2, 5, 8, 4, True), (1, 6, 6, 3, True), (2, 4, 6, 1, False),
                               (3, 4, 4, 4, False), (2, 7, 16, 8, True)]:
        x = rng.normal(0, 1.5, (B, T, E))
        w_qkv = rng.normal(0, 1.5 / np.sqrt(E), (E, 3 * E))
        b_qkv = rng.normal(0, 0.5, 3 * E)
        w_out = rng.normal(0, 1 / np.sqrt(E), (E, E))
        b_out = rng.normal(0, 0.5, E)
        t = torch.from_numpy(x).transpose(0, 1)                      # (T, B, E)
        attn_mask = torch.ones(T, T, dtype=torch.bool).triu(1) if causal else None
        out, _ = F.multi_head_attention_forward(
            t, t, t, E, H, torch.from_numpy(w_qkv).T, torch.from_numpy(b_qkv), None, None, False, 0.0,
            torch.from_numpy(w_out).T, torch.from_numpy(b_out), training=False, need_weights=False,
            attn_mask=attn_mask)
        records.append({"label": f"B={B}, T={T}, E={E}, H={H}, causal={causal}", "x": arr(x), "w_qkv": arr(w_qkv),
                        "b_qkv": arr(b_qkv), "w_out": arr(w_out), "b_out": arr(b_out), "num_heads": H,
                        "causal": causal, "out": arr(out.transpose(0, 1))})
    return records


if __name__ == "__main__":
    rng = np.random.default_rng(300)
    dump("softmax", softmax_records(rng))
    forward, backward = attention_records(rng)
    dump("attention_forward", forward)
    dump("attention_backward", backward)
    dump("multi_head_attention", mha_records(rng))
