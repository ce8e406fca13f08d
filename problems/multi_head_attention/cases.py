"""Hidden cases for multi_head_attention. Each designed case targets one edge or one known mistake.

Every case calls multi_head_attention(x, w_qkv, b_qkv, w_out, b_out, num_heads, causal=causal) and
compares out.
"""
import numpy as np


def _case(name, why, x, w_qkv, b_qkv, w_out, b_out, num_heads, causal):
    return {"name": name, "why": why,
            "inputs": {"x": np.asarray(x, dtype=np.float64), "w_qkv": np.asarray(w_qkv, dtype=np.float64),
                       "b_qkv": np.asarray(b_qkv, dtype=np.float64), "w_out": np.asarray(w_out, dtype=np.float64),
                       "b_out": np.asarray(b_out, dtype=np.float64), "num_heads": int(num_heads),
                       "causal": bool(causal)}}


def _layer(rng, B, T, E, x_scale=1.0, w_scale=None):
    """x and the four parameters, initialised like nn.MultiheadAttention (fan-in scaled)."""
    w_scale = w_scale if w_scale is not None else 1.5 / np.sqrt(E)
    return (rng.normal(0.0, x_scale, (B, T, E)), rng.normal(0.0, w_scale, (E, 3 * E)),
            rng.normal(0.0, 0.5, 3 * E), rng.normal(0.0, 1.0 / np.sqrt(E), (E, E)), rng.normal(0.0, 0.5, E))


def designed(rng):
    cases = []
    cases.append(_case("two_heads", "B=2, T=3, E=8, 2 heads of width 4, not causal: the head split, the "
                       "1/sqrt(E/H) scale and the output projection all show", *_layer(rng, 2, 3, 8, 1.5), 2, False))

    cases.append(_case("one_head", "num_heads=1: plain single-head attention with the projections, head "
                       "width E", *_layer(rng, 2, 4, 6, 1.5), 1, False))

    cases.append(_case("head_width_1", "E=4 and 4 heads: every head is one column wide (scale 1/sqrt(1))",
                       *_layer(rng, 2, 3, 4, 1.5), 4, False))

    cases.append(_case("causal_four_heads", "causal, T=5, E=8, 4 heads of width 2: query t sees keys 0..t, "
                       "the first query only itself", *_layer(rng, 2, 5, 8, 1.5), 4, True))

    cases.append(_case("causal_one_token", "causal with T=1: the only query sees only itself, out is the "
                       "projected value", *_layer(rng, 3, 1, 6), 3, True))

    cases.append(_case("three_heads_width_2", "B=1, T=6, E=6, 3 heads of width 2 (sqrt(2) is irrational), causal",
                       *_layer(rng, 1, 6, 6, 1.5), 3, True))

    x, w_qkv, b_qkv, w_out, b_out = _layer(rng, 2, 4, 8)
    cases.append(_case("zero_input_biases_only", "x = 0: every token has the same q, k, v (the biases), so "
                       "attention is uniform and out = b_v @ w_out + b_out", np.zeros_like(x), w_qkv, b_qkv,
                       w_out, b_out, 2, False))

    cases.append(_case("large_activations", "inputs ~10 and weights ~1: scores in the hundreds, the "
                       "softmax must be stable", *_layer(rng, 2, 4, 8, 10.0, 1.0), 2, True))

    cases.append(_case("wide_embedding_many_heads", "E=16 with 8 heads of width 2, T=3",
                       *_layer(rng, 2, 3, 16, 1.5), 8, False))

    cases.append(_case("batch_of_1_long", "B=1, T=9, E=4, 2 heads, not causal", *_layer(rng, 1, 9, 4, 1.5), 2, False))
    return cases


def random_case(rng, index):
    H = int(rng.integers(1, 5))
    d = int(rng.integers(1, 5))
    E = H * d
    B, T = int(rng.integers(1, 4)), int(rng.integers(1, 8))
    causal = bool(rng.integers(2))
    return _case(f"random_{index}", f"seeded random B={B}, T={T}, E={E}, {H} heads, causal={causal}",
                 *_layer(rng, B, T, E, 10.0 ** rng.uniform(-0.5, 0.5)), H, causal)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for B, T, E, H in [(8, 32, 256, 4), (8, 64, 256, 4), (8, 128, 256, 4)]:
        x, w_qkv, b_qkv, w_out, b_out = _layer(rng, B, T, E)
        sizes.append({"label": f"B={B}, T={T}, E={E}, {H} heads of {E // H}, causal",
                      "inputs": {"x": x, "w_qkv": w_qkv, "b_qkv": b_qkv, "w_out": w_out, "b_out": b_out,
                                 "num_heads": H, "causal": True},
                      # qkv projection 2*B*T*E*3E, scores and weights @ v 2 * 2*B*T*T*E, output 2*B*T*E*E
                      "flops": 8 * B * T * E * E + 4 * B * T * T * E})
    return sizes
