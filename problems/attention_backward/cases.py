"""Hidden cases for attention_backward. Each designed case targets one edge or one known mistake.

Every case runs attention_forward(q, k, v, mask=mask), then attention_backward(dout, cache); out, dq,
dk and dv are compared. Masks are bool arrays, True = may attend, or None.
"""
import numpy as np


def _case(name, why, q, k, v, dout, mask=None):
    return {"name": name, "why": why,
            "inputs": {"q": np.asarray(q, dtype=np.float64), "k": np.asarray(k, dtype=np.float64),
                       "v": np.asarray(v, dtype=np.float64),
                       "mask": None if mask is None else np.asarray(mask, dtype=bool),
                       "dout": np.asarray(dout, dtype=np.float64)}}


def _tensors(rng, B, Tq, Tk, d, dv, scale=1.0):
    """q, k, v and dout."""
    return (rng.normal(0.0, scale, (B, Tq, d)), rng.normal(0.0, scale, (B, Tk, d)),
            rng.normal(0.0, 1.0, (B, Tk, dv)), rng.normal(0.0, 1.0, (B, Tq, dv)))


def _random_mask(rng, shape):
    """A bool mask with at least one True in every row (last axis)."""
    mask = rng.random(shape) < 0.6
    rows = mask.reshape(-1, shape[-1])
    for row in rows:
        row[rng.integers(shape[-1])] = True
    return rows.reshape(shape)


def designed(rng):
    cases = []
    # The two gradient-check cases use fixed numbers (their own generator, whatever the seed): smooth
    # everywhere, no gradient entry near 0 by accident, tiny enough for centered differences.
    fixed = np.random.default_rng(20240601)
    cases.append(_case("gradcheck_small", "B=2, Tq=2, Tk=3, d=2, dv=2, no mask: small enough for a numerical "
                       "gradient check", *_tensors(fixed, 2, 2, 3, 2, 2)))
    cases.append(_case("gradcheck_masked", "B=1, Tq=3, Tk=3, d=3, dv=2 with a causal mask: the numerical "
                       "check runs through the mask", *_tensors(fixed, 1, 3, 3, 3, 2),
                       np.tril(np.ones((3, 3), dtype=bool))))

    cases.append(_case("basic_no_mask", "B=2, Tq=3, Tk=4, d=4, dv=3 and no mask: every term of the softmax "
                       "backward and the 1/sqrt(d) scale show", *_tensors(rng, 2, 3, 4, 4, 3, 1.5)))

    cases.append(_case("tq_ne_tk_d_ne_dv", "Tq=2, Tk=5, d=3, dv=6: the transposes in dq, dk and dv must line "
                       "up", *_tensors(rng, 2, 2, 5, 3, 6, 1.5)))

    pattern = np.array([[1, 0, 1, 0], [0, 1, 1, 0], [1, 1, 0, 1]], dtype=bool)
    cases.append(_case("mask_tq_tk_broadcast", "one (Tq, Tk) mask shared by the batch: blocked pairs send no "
                       "gradient", *_tensors(rng, 2, 3, 4, 4, 3, 1.5), pattern))

    padding = np.array([[[1, 1, 1, 0, 0]], [[1, 1, 1, 1, 0]]], dtype=bool)
    cases.append(_case("key_padding_mask", "a (B, 1, Tk) key-padding mask: padded keys and values get "
                       "exactly zero gradient", *_tensors(rng, 2, 3, 5, 4, 2, 1.5), padding))

    one_key = np.array([[0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 1]], dtype=bool)
    cases.append(_case("mask_leaves_one_key", "each query may attend to one key only: its weight is 1 whatever "
                       "the scores, so dq and dk are exactly 0", *_tensors(rng, 2, 3, 4, 4, 3, 1.5), one_key))

    cases.append(_case("causal_mask", "a causal (T, T) mask: the first query sees only itself",
                       *_tensors(rng, 2, 4, 4, 4, 3, 1.5), np.tril(np.ones((4, 4), dtype=bool))))

    cases.append(_case("single_key", "Tk=1: the weight is always 1, dq = dk = 0 and dv sums dout over the queries",
                       *_tensors(rng, 2, 3, 1, 4, 2, 1.5)))

    cases.append(_case("one_query", "Tq=1: the softmax backward's sum runs over this query's keys only",
                       *_tensors(rng, 2, 1, 5, 4, 3, 1.5)))

    q, k, v, dout = _tensors(rng, 2, 3, 4, 4, 3)
    cases.append(_case("zero_queries", "q = 0: uniform weights over the keys, so dk is exactly 0 while dq is not",
                       np.zeros_like(q), k, v, dout))

    cases.append(_case("peaked_softmax", "scores tens of units apart: weights nearly one-hot, gradients tiny "
                       "but not 0", *_tensors(rng, 2, 3, 4, 4, 3, 4.0)))
    return cases


def random_case(rng, index):
    B, Tq, Tk = (int(n) for n in rng.integers(1, 7, 3))
    d, dv = (int(n) for n in rng.integers(1, 9, 2))
    q, k, v, dout = _tensors(rng, B, Tq, Tk, d, dv, 10.0 ** rng.uniform(-0.5, 0.5))
    kind = int(rng.integers(4))
    if kind == 0:
        mask, words = None, "no mask"
    elif kind == 1:
        mask, words = _random_mask(rng, (Tq, Tk)), "a (Tq, Tk) mask"
    elif kind == 2:
        mask, words = _random_mask(rng, (B, Tq, Tk)), "a (B, Tq, Tk) mask"
    else:
        mask, words = _random_mask(rng, (B, 1, Tk)), "a (B, 1, Tk) mask"
    return _case(f"random_{index}", f"seeded random B={B}, Tq={Tq}, Tk={Tk}, d={d}, dv={dv}, {words}",
                 q, k, v, dout, mask)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for B, T, d in [(8, 32, 64), (8, 64, 64), (8, 128, 64)]:
        q, k, v, dout = _tensors(rng, B, T, T, d, d)
        sizes.append({"label": f"B={B}, T={T}, d={d}, causal mask",
                      "inputs": {"q": q, "k": k, "v": v, "mask": np.tril(np.ones((T, T), dtype=bool)), "dout": dout},
                      # forward (2 matmuls) + backward (4 matmuls), each 2 * B * T * T * 64 flops
                      "flops": 6 * 2 * B * T * T * d})
    return sizes
