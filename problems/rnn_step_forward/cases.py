"""Hidden cases for rnn_step_forward. Each designed case targets one edge or one known mistake.

Inputs: x (N, D), prev_h (N, H), Wx (D, H), Wh (H, H), b (H,). Weights are scaled by 1/sqrt(fan-in)
so that pre-activations are O(1) (tanh neither linear nor saturated) unless a case says otherwise.
"""
import numpy as np


def _case(name, why, x, prev_h, Wx, Wh, b):
    f = lambda a: np.array(a, dtype=np.float64)  # noqa: E731
    return {"name": name, "why": why,
            "inputs": {"x": f(x), "prev_h": f(prev_h), "Wx": f(Wx), "Wh": f(Wh), "b": f(b)}}


def _random(rng, N, D, H, scale=1.0):
    """x, prev_h, Wx, Wh, b with pre-activations of about `scale`."""
    return (rng.standard_normal((N, D)), np.tanh(rng.standard_normal((N, H))),
            scale * rng.standard_normal((D, H)) / np.sqrt(D + H),
            scale * rng.standard_normal((H, H)) / np.sqrt(D + H), 0.5 * scale * rng.standard_normal(H))


def designed(rng):
    cases = []
    N, D, H = 3, 10, 4
    cases.append(_case(
        "cs231n_notebook", "cs231n's RNN_Captioning check (linspace inputs); the notebook publishes next_h "
        "for it", np.linspace(-0.4, 0.7, num=N * D).reshape(N, D), np.linspace(-0.2, 0.5, num=N * H).reshape(N, H),
        np.linspace(-0.1, 0.9, num=D * H).reshape(D, H), np.linspace(-0.3, 0.7, num=H * H).reshape(H, H),
        np.linspace(-0.2, 0.4, num=H)))

    cases.append(_case("basic_small", "a plain batch: N=3, D=5, H=4", *_random(rng, 3, 5, 4)))

    cases.append(_case("batch_of_1", "N = 1: a single sample, still 2-D arrays (1, D) and (1, H)",
                       *_random(rng, 1, 6, 5)))

    cases.append(_case("hidden_size_1", "H = 1: Wh is (1, 1) and b has one entry", *_random(rng, 4, 3, 1)))

    cases.append(_case("input_dim_ne_hidden", "D = 2, H = 7: Wx is (2, 7), not square, so its role cannot be "
                       "confused with Wh's", *_random(rng, 3, 2, 7)))

    # Wh strongly asymmetric (+0.6 above the diagonal, -0.6 below, 0.2 on it) and prev_h positive:
    # prev_h @ Wh and prev_h @ Wh.T then differ by at least 0.6 * min(prev_h) in the first column.
    H = 5
    Wh = np.where(np.arange(H)[:, None] < np.arange(H)[None, :], 0.6, -0.6)
    np.fill_diagonal(Wh, 0.2)
    x, _, Wx, _, b = _random(rng, 4, 3, H, scale=0.3)
    cases.append(_case("asymmetric_wh", "Wh far from symmetric and prev_h > 0: the recurrence must be prev_h @ Wh "
                       "(row k of Wh = weights out of unit k); prev_h @ Wh.T, PyTorch's layout, gives other values",
                       x, rng.uniform(0.5, 1.0, (4, H)), Wx, Wh, b))

    x, _, Wx, Wh, _ = _random(rng, 3, 4, 6)
    cases.append(_case("zero_prev_h", "the first time step: prev_h = 0, so only x and b count",
                       x, np.zeros((3, 6)), Wx, Wh, 0.5 * rng.standard_normal(6)))

    # Pre-activations of magnitude 740..1000 (x in [100, 110], |Wx| in [1.9, 2.25], one sign per column):
    # tanh is exactly +-1 in float64. exp(2a) overflows there, so tanh written from exponentials gives NaN.
    N, D, H = 3, 4, 4
    signs = np.array([1.0, -1.0, 1.0, -1.0])
    Wx = rng.uniform(1.9, 2.25, (D, H)) * signs
    cases.append(_case("saturated", "pre-activations of magnitude ~1e3: next_h is exactly +-1 and must be "
                       "finite (no overflow to inf or NaN)", rng.uniform(100.0, 110.0, (N, D)),
                       rng.uniform(-1.0, 1.0, (N, H)), Wx, rng.standard_normal((H, H)), rng.standard_normal(H)))

    # Small weights and a bias of +-3 or +-2.5: tanh(z + b) and tanh(z) + b differ by more than 1.
    x, prev_h, Wx, Wh, _ = _random(rng, 4, 3, 4, scale=0.2)
    cases.append(_case("large_bias", "the bias dominates (+-3, +-2.5): it belongs inside the tanh, and tanh "
                       "bounds next_h to (-1, 1)", x, prev_h, Wx, Wh, np.array([3.0, -3.0, 2.5, -2.5])))

    x, prev_h, Wx, Wh, b = _random(rng, 3, 4, 3, scale=1e-6)
    cases.append(_case("tiny_preactivations", "pre-activations ~1e-6: tanh is the identity to 1e-18 here, so "
                       "next_h is tiny; the comparison is relative to max(1, |next_h|)", x, prev_h, Wx, Wh, b))

    cases.append(_case("larger_batch", "N = 16, D = 8, H = 6: several rows, each its own sample",
                       *_random(rng, 16, 8, 6, scale=1.5)))
    return cases


def random_case(rng, index):
    N, D, H = int(rng.integers(1, 17)), int(rng.integers(1, 21)), int(rng.integers(1, 21))
    scale = float(10.0 ** rng.uniform(-1.0, 1.0))
    return _case(f"random_{index}", f"seeded random step, N={N}, D={D}, H={H}, pre-activations ~{scale:.2g}",
                 *_random(rng, N, D, H, scale))


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for N, D, H in [(8, 16, 16), (32, 64, 64), (32, 256, 256)]:
        x, prev_h, Wx, Wh, b = _random(rng, N, D, H)
        sizes.append({"label": f"N={N}, D={D}, H={H}",
                      "inputs": {"x": x, "prev_h": prev_h, "Wx": Wx, "Wh": Wh, "b": b},
                      "flops": 2 * N * H * (D + H) + 3 * N * H})
    return sizes
