"""Hidden cases for lstm_step_backward. Each designed case targets one edge or one known mistake.

Every case runs the forward pass on (x, prev_h, prev_c, Wx, Wh, b), then the backward pass on the two
upstream gradients dnext_h and dnext_c (both (N, H)). The four column blocks of width H of Wx, Wh
and b are the gates i, f, o and the candidate g, in that order. Weights are scaled by 1/sqrt(fan-in)
so that pre-activations are O(1) unless a case says otherwise.
"""
import numpy as np


def _case(name, why, x, prev_h, prev_c, Wx, Wh, b, dnext_h, dnext_c):
    f = lambda a: np.array(a, dtype=np.float64)  # noqa: E731
    return {"name": name, "why": why, "inputs": {
        "x": f(x), "prev_h": f(prev_h), "prev_c": f(prev_c), "Wx": f(Wx), "Wh": f(Wh), "b": f(b),
        "dnext_h": f(dnext_h), "dnext_c": f(dnext_c)}}


def _random(rng, N, D, H, scale=1.0):
    """x, prev_h, prev_c, Wx, Wh, b with pre-activations of about `scale`, then dnext_h, dnext_c."""
    return (rng.standard_normal((N, D)), np.tanh(rng.standard_normal((N, H))), rng.standard_normal((N, H)),
            scale * rng.standard_normal((D, 4 * H)) / np.sqrt(D + H),
            scale * rng.standard_normal((H, 4 * H)) / np.sqrt(D + H), 0.5 * scale * rng.standard_normal(4 * H),
            rng.standard_normal((N, H)), rng.standard_normal((N, H)))


def _gate_biases(H, i, f, o, g):
    return np.concatenate([np.full(H, i), np.full(H, f), np.full(H, o), np.full(H, g)])


def designed(rng):
    cases = []
    # cs231n's LSTM_Captioning gradient check: np.random.seed(231); N, D, H = 4, 5, 6; all randn.
    rs = np.random.RandomState(231)
    N, D, H = 4, 5, 6
    x, prev_h, prev_c = rs.randn(N, D), rs.randn(N, H), rs.randn(N, H)
    Wx, Wh, b = rs.randn(D, 4 * H), rs.randn(H, 4 * H), rs.randn(4 * H)
    cases.append(_case("cs231n_notebook", "cs231n's lstm_step_backward check (seed 231, N=4, D=5, H=6, unscaled "
                       "randn weights)", x, prev_h, prev_c, Wx, Wh, b, rs.randn(N, H), rs.randn(N, H)))

    # Fixed numbers: every pre-activation in [-1.2, 1.2] and |next_c| < 1.5, so no gate is saturated;
    # both upstream gradients non-zero. Centered differences then agree to ~1e-9 (cs231n error).
    cases.append(_case(
        "gradcheck_small", "a small step (N=2, D=3, H=2) checked against numerical gradients of "
        "sum(next_h * dnext_h) + sum(next_c * dnext_c)",
        [[0.5, -1.0, 0.8], [-0.3, 0.6, 1.2]], [[0.2, -0.7], [0.9, 0.1]], [[0.6, -0.4], [-1.1, 0.3]],
        [[0.3, -0.2, 0.5, 0.1, -0.4, 0.2, 0.35, -0.3], [0.4, 0.25, -0.3, 0.2, 0.1, -0.5, 0.3, 0.45],
         [-0.5, 0.2, 0.35, -0.25, 0.3, 0.15, -0.2, 0.4]],
        [[0.6, -0.4, 0.2, 0.3, -0.2, 0.5, 0.1, -0.3], [0.3, 0.5, -0.6, 0.2, 0.4, -0.1, 0.25, 0.35]],
        [0.1, -0.2, 0.3, 0.5, -0.1, 0.2, 0.15, -0.25],
        [[1.0, -0.5], [-0.8, 1.2]], [[0.7, 0.4], [-0.6, -0.9]]))

    cases.append(_case("basic_small", "a plain batch: N=3, D=4, H=5", *_random(rng, 3, 4, 5)))

    cases.append(_case("batch_of_1", "N = 1: the weight gradients are outer products of one sample",
                       *_random(rng, 1, 5, 3)))

    cases.append(_case("hidden_size_1", "H = 1: each gate block is one column, Wh is (1, 4)", *_random(rng, 4, 3, 1)))

    args = list(_random(rng, 3, 4, 4))
    args[-1] = np.zeros((3, 4))
    cases.append(_case("no_dnext_c", "dnext_c = 0: the loss sees only next_h, so the cell gets its gradient "
                       "through next_h alone", *args))

    args = list(_random(rng, 3, 4, 4))
    args[-2] = np.zeros((3, 4))
    cases.append(_case("no_dnext_h", "dnext_h = 0: the loss sees only next_c, so the output gate gets no "
                       "gradient and do = 0", *args))

    # Small weights and one bias per block (i +3, f -3, o +1, g -2): each gate has its own value, so
    # gate gradients packed in another block order land on the wrong columns.
    x, prev_h, prev_c, Wx, Wh, _, dnext_h, dnext_c = _random(rng, 3, 4, 4, scale=0.2)
    cases.append(_case("distinct_gate_biases", "each gate block has its own bias (i +3, f -3, o +1, g -2): the "
                       "gradient blocks must be packed in the order i, f, o, g", x, prev_h, prev_c, Wx, Wh,
                       _gate_biases(4, 3.0, -3.0, 1.0, -2.0), dnext_h, dnext_c))

    # Pre-activations of magnitude 740..1000: gates exactly 0 or 1, g = +-1; their derivatives are 0.
    N, D, H = 2, 3, 4
    x = rng.uniform(100.0, 110.0, (N, D))
    signs = np.concatenate([np.ones(H), -np.ones(H), np.ones(H), np.tile([1.0, -1.0], H // 2)])
    Wx = rng.uniform(2.5, 3.0, (D, 4 * H)) * signs
    cases.append(_case("saturated_gates", "pre-activations of magnitude ~1e3 (i = o = 1, f = 0, g = +-1 exactly): "
                       "the gate derivatives are 0 and every gradient must stay finite",
                       x, rng.uniform(-1.0, 1.0, (N, H)), rng.uniform(-2.0, 2.0, (N, H)), Wx,
                       rng.standard_normal((H, 4 * H)), rng.standard_normal(4 * H),
                       rng.standard_normal((N, H)), rng.standard_normal((N, H))))

    # Forget gate ~0.9 and cells of magnitude 2..4: tanh'(next_c) is between 0.001 and 0.2, far from 1.
    x, prev_h, _, Wx, Wh, _, dnext_h, dnext_c = _random(rng, 4, 3, 4, scale=0.2)
    prev_c = rng.uniform(2.0, 4.0, (4, 4)) * np.array([1.0, -1.0, 1.0, -1.0])
    cases.append(_case("large_cell", "forget gate ~0.9 keeps |next_c| between 1.5 and 4, where tanh' of the "
                       "cell is small; f ~ 0.9 also scales dprev_c", x, prev_h, prev_c, Wx, Wh,
                       _gate_biases(4, -1.0, 2.5, 0.5, 0.5), dnext_h, dnext_c))

    x, _, _, Wx, Wh, b, dnext_h, dnext_c = _random(rng, 3, 4, 5)
    cases.append(_case("zero_state", "the first time step: prev_h = prev_c = 0, so dWh = 0 and the forget "
                       "gate gets no gradient", x, np.zeros((3, 5)), np.zeros((3, 5)), Wx, Wh, b, dnext_h, dnext_c))

    cases.append(_case("larger_batch", "N = 16, D = 8, H = 6: the weight gradients and db sum over the batch",
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
    names = ("x", "prev_h", "prev_c", "Wx", "Wh", "b", "dnext_h", "dnext_c")
    for N, D, H in [(8, 16, 16), (32, 64, 64), (32, 256, 256)]:
        sizes.append({"label": f"N={N}, D={D}, H={H}", "inputs": dict(zip(names, _random(rng, N, D, H))),
                      # forward (2 products) + backward (4 products), each 2*N*4H*(D or H) flops
                      "flops": 24 * N * H * (D + H) + 60 * N * H})
    return sizes
