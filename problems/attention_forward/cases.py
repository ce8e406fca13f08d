"""Hidden cases for attention_forward. Each designed case targets one edge or one known mistake.

Every case calls attention_forward(q, k, v, mask=mask) and compares out. Masks are bool arrays,
True = may attend, or None; every designed mask also leaves each query a key when read the wrong
way round (True = blocked), so that mistake gives finite, comparable numbers.
"""
import numpy as np


def _case(name, why, q, k, v, mask=None):
    return {"name": name, "why": why,
            "inputs": {"q": np.asarray(q, dtype=np.float64), "k": np.asarray(k, dtype=np.float64),
                       "v": np.asarray(v, dtype=np.float64),
                       "mask": None if mask is None else np.asarray(mask, dtype=bool)}}


def _qkv(rng, B, Tq, Tk, d, dv, scale=1.0):
    return (rng.normal(0.0, scale, (B, Tq, d)), rng.normal(0.0, scale, (B, Tk, d)),
            rng.normal(0.0, 1.0, (B, Tk, dv)))


def _random_mask(rng, shape):
    """A bool mask whose rows (last axis) each hold a True and, when they have 2+ entries, a False:
    read the wrong way round it still leaves every query a key."""
    mask = rng.random(shape) < 0.6
    rows = mask.reshape(-1, shape[-1])
    for row in rows:
        allowed, blocked = rng.permutation(shape[-1])[:2] if shape[-1] > 1 else (0, None)
        row[allowed] = True
        if blocked is not None:
            row[blocked] = False
    return rows.reshape(shape)


def designed(rng):
    cases = []
    cases.append(_case("basic_no_mask", "B=2, Tq=3, Tk=4, d=4, dv=3 and no mask: the 1/sqrt(d) scale and "
                       "the softmax axis (over the keys) show", *_qkv(rng, 2, 3, 4, 4, 3, 1.5)))

    cases.append(_case("tq_ne_tk_d_ne_dv", "Tq=2 queries, Tk=5 keys, d=3 (sqrt(3) is irrational), dv=6: "
                       "shapes that are easy to mix up", *_qkv(rng, 2, 2, 5, 3, 6, 1.5)))

    pattern = np.array([[1, 0, 1, 0], [0, 1, 1, 0], [1, 1, 0, 1]], dtype=bool)
    cases.append(_case("mask_tq_tk_broadcast", "one (Tq, Tk) mask shared by the whole batch (broadcast over "
                       "B); every row has allowed and blocked keys", *_qkv(rng, 2, 3, 4, 4, 3, 1.5), pattern))

    per_batch = np.array([[[1, 0, 0, 1, 1], [0, 1, 1, 1, 0]],
                          [[0, 1, 0, 0, 1], [1, 1, 0, 1, 1]],
                          [[1, 0, 1, 0, 1], [0, 0, 1, 1, 0]]], dtype=bool)
    cases.append(_case("mask_per_batch", "a full (B, Tq, Tk) mask, a different pattern for every batch "
                       "element", *_qkv(rng, 3, 2, 5, 2, 3, 1.5), per_batch))

    padding = np.array([[[1, 1, 1, 0, 0]], [[1, 1, 1, 1, 0]]], dtype=bool)
    cases.append(_case("key_padding_mask", "a (B, 1, Tk) key-padding mask broadcast over the queries: the "
                       "last keys of each sequence are padding", *_qkv(rng, 2, 3, 5, 4, 2, 1.5), padding))

    one_key = np.array([[0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 1]], dtype=bool)
    cases.append(_case("mask_leaves_one_key", "each query may attend to exactly one key: its weight is 1 and "
                       "out is that key's value vector, exactly", *_qkv(rng, 2, 3, 4, 4, 3, 1.5), one_key))

    causal = np.tril(np.ones((4, 4), dtype=bool))
    cases.append(_case("causal_mask", "a causal (T, T) mask, query t sees keys 0..t: the first query sees "
                       "only itself", *_qkv(rng, 2, 4, 4, 4, 3, 1.5), causal))

    # Exact scores: q = (+-2, 0, 0, 0), k_j = (b_j, 0, 0, 0), d = 4, so the scaled scores are +-b_j.
    q = np.zeros((1, 2, 4))
    q[0, :, 0] = [2.0, -2.0]
    k = np.zeros((1, 3, 4))
    k[0, :, 0] = [745.0, 744.0, 744.5]
    cases.append(_case("large_scores_overflow", "scaled scores [745, 744, 744.5] and their negatives: unshifted, "
                       "exp overflows to inf in the first row and falls to a few-bit subnormal in the second",
                       q, k, rng.normal(0.0, 1.0, (1, 3, 2))))

    cases.append(_case("single_key", "Tk=1: the only key gets weight 1 whatever its score, out = v",
                       *_qkv(rng, 2, 3, 1, 4, 2, 1.5)))

    cases.append(_case("one_query", "B=1, Tq=1: a softmax over the queries would give every key weight 1",
                       *_qkv(rng, 1, 1, 5, 4, 3, 1.5)))

    cases.append(_case("mask_1d_over_keys", "a 1-D (Tk,) mask, broadcast over the batch and the queries",
                       *_qkv(rng, 2, 3, 5, 4, 2, 1.5), np.array([1, 0, 1, 1, 0], dtype=bool)))
    return cases


def random_case(rng, index):
    B, Tq, Tk = (int(n) for n in rng.integers(1, 7, 3))
    d, dv = (int(n) for n in rng.integers(1, 9, 2))
    q, k, v = _qkv(rng, B, Tq, Tk, d, dv, 10.0 ** rng.uniform(-0.5, 0.7))
    kind = int(rng.integers(4)) if Tk > 1 else 0
    if kind == 0:
        mask, words = None, "no mask"
    elif kind == 1:
        mask, words = _random_mask(rng, (Tq, Tk)), "a (Tq, Tk) mask"
    elif kind == 2:
        mask, words = _random_mask(rng, (B, Tq, Tk)), "a (B, Tq, Tk) mask"
    else:
        mask, words = _random_mask(rng, (B, 1, Tk)), "a (B, 1, Tk) mask"
    return _case(f"random_{index}", f"seeded random B={B}, Tq={Tq}, Tk={Tk}, d={d}, dv={dv}, {words}",
                 q, k, v, mask)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for B, T, d in [(8, 32, 64), (8, 64, 64), (8, 128, 64)]:
        q, k, v = _qkv(rng, B, T, T, d, d)
        mask = np.tril(np.ones((T, T), dtype=bool))
        sizes.append({"label": f"B={B}, T={T}, d={d}, causal mask", "inputs": {"q": q, "k": k, "v": v, "mask": mask},
                      "flops": 2 * B * T * T * (d + d)})   # q @ k^T and weights @ v
    return sizes
