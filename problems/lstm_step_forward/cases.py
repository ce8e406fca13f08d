"""Hidden cases for lstm_step_forward. Each designed case targets one edge or one known mistake.

Inputs: x (N, D), prev_h (N, H), prev_c (N, H), Wx (D, 4H), Wh (H, 4H), b (4H,); the four column
blocks of width H are the gates i, f, o and the candidate g, in that order. Weights are scaled by
1/sqrt(fan-in) so that pre-activations are O(1) unless a case says otherwise.
"""
import numpy as np


def _case(name, why, x, prev_h, prev_c, Wx, Wh, b):
    f = lambda a: np.array(a, dtype=np.float64)  # noqa: E731
    return {"name": name, "why": why, "inputs": {"x": f(x), "prev_h": f(prev_h), "prev_c": f(prev_c),
                                                 "Wx": f(Wx), "Wh": f(Wh), "b": f(b)}}


def _random(rng, N, D, H, scale=1.0):
    """x, prev_h, prev_c, Wx, Wh, b with pre-activations of about `scale`."""
    return (rng.standard_normal((N, D)), np.tanh(rng.standard_normal((N, H))), rng.standard_normal((N, H)),
            scale * rng.standard_normal((D, 4 * H)) / np.sqrt(D + H),
            scale * rng.standard_normal((H, 4 * H)) / np.sqrt(D + H), 0.5 * scale * rng.standard_normal(4 * H))


def _gate_biases(H, i, f, o, g):
    return np.concatenate([np.full(H, i), np.full(H, f), np.full(H, o), np.full(H, g)])


def designed(rng):
    cases = []
    N, D, H = 3, 4, 5
    cases.append(_case(
        "cs231n_notebook", "cs231n's LSTM_Captioning check (linspace inputs); the notebook publishes next_h and "
        "next_c for it", np.linspace(-0.4, 1.2, num=N * D).reshape(N, D),
        np.linspace(-0.3, 0.7, num=N * H).reshape(N, H), np.linspace(-0.4, 0.9, num=N * H).reshape(N, H),
        np.linspace(-2.1, 1.3, num=4 * D * H).reshape(D, 4 * H), np.linspace(-0.7, 2.2, num=4 * H * H).reshape(H, 4 * H),
        np.linspace(0.3, 0.7, num=4 * H)))

    cases.append(_case("basic_small", "a plain batch: N=3, D=4, H=5", *_random(rng, 3, 4, 5)))

    cases.append(_case("batch_of_1", "N = 1: one sample, still 2-D arrays", *_random(rng, 1, 5, 3)))

    cases.append(_case("hidden_size_1", "H = 1: each gate block is a single column of Wx (D, 4)",
                       *_random(rng, 4, 3, 1)))

    cases.append(_case("input_dim_ne_hidden", "D = 2, H = 6: Wx is (2, 24), Wh is (6, 24)", *_random(rng, 3, 2, 6)))

    # Small weights, and a different bias per block: i = +3, f = -3, o = +1, g = -2. Each gate then has
    # its own recognisable value (i ~ 0.95, f ~ 0.05, o ~ 0.73, g ~ -0.96), so reading the blocks in
    # another order, or interleaved, changes next_c and next_h by far more than the tolerance.
    x, prev_h, prev_c, Wx, Wh, _ = _random(rng, 3, 4, 4, scale=0.2)
    cases.append(_case("distinct_gate_biases", "each gate block has its own bias (i +3, f -3, o +1, g -2): "
                       "the blocks must be read in the order i, f, o, g, each H consecutive columns",
                       x, prev_h, prev_c, Wx, Wh, _gate_biases(4, 3.0, -3.0, 1.0, -2.0)))

    # Pre-activations of magnitude 740..1000 (x in [100, 110], |Wx| in [2.5, 3], one sign per column):
    # every sigmoid is exactly 0 or 1 and every tanh +-1, and exp(+-a) overflows (a > 709).
    N, D, H = 2, 3, 4
    x = rng.uniform(100.0, 110.0, (N, D))
    signs = np.concatenate([np.ones(H), -np.ones(H), np.ones(H), np.tile([1.0, -1.0], H // 2)])
    Wx = rng.uniform(2.5, 3.0, (D, 4 * H)) * signs
    cases.append(_case("saturated_gates", "pre-activations of magnitude ~1e3 (i = o = 1, f = 0, g = +-1 "
                       "exactly): everything must stay finite, no overflow to inf or NaN",
                       x, rng.uniform(-1.0, 1.0, (N, H)), rng.uniform(-2.0, 2.0, (N, H)), Wx,
                       rng.standard_normal((H, 4 * H)), rng.standard_normal(4 * H)))

    x, _, _, Wx, Wh, b = _random(rng, 3, 4, 5)
    cases.append(_case("zero_state", "the first time step: prev_h = prev_c = 0, so next_c = i * g",
                       x, np.zeros((3, 5)), np.zeros((3, 5)), Wx, Wh, b))

    # Forget gate ~0.9 and cell values of magnitude 2..4: next_c stays large, and tanh(next_c) is far
    # from next_c.
    x, prev_h, _, Wx, Wh, _ = _random(rng, 4, 3, 4, scale=0.2)
    prev_c = rng.uniform(2.0, 4.0, (4, 4)) * np.array([1.0, -1.0, 1.0, -1.0])
    cases.append(_case("large_prev_c", "forget gate ~0.9 keeps |next_c| between 1.5 and 4: next_h squashes "
                       "it with tanh", x, prev_h, prev_c, Wx, Wh, _gate_biases(4, -1.0, 2.5, 0.5, 0.5)))

    cases.append(_case("larger_batch", "N = 16, D = 8, H = 6: every row is its own sample",
                       *_random(rng, 16, 8, 6, scale=1.5)))
    return cases


def random_case(rng, index):
    N, D, H = int(rng.integers(1, 13)), int(rng.integers(1, 16)), int(rng.integers(1, 13))
    scale = float(10.0 ** rng.uniform(-1.0, 1.0))
    return _case(f"random_{index}", f"seeded random step, N={N}, D={D}, H={H}, pre-activations ~{scale:.2g}",
                 *_random(rng, N, D, H, scale))


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for N, D, H in [(8, 16, 16), (32, 64, 64), (32, 256, 256)]:
        x, prev_h, prev_c, Wx, Wh, b = _random(rng, N, D, H)
        sizes.append({"label": f"N={N}, D={D}, H={H}",
                      "inputs": {"x": x, "prev_h": prev_h, "prev_c": prev_c, "Wx": Wx, "Wh": Wh, "b": b},
                      "flops": 8 * N * H * (D + H) + 20 * N * H})
    return sizes
