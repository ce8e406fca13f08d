"""Hidden cases for rnn_step_backward. Each designed case targets one edge or one known mistake.

Every case runs the forward pass on (x, prev_h, Wx, Wh, b), then the backward pass on dnext_h (N, H).
Weights are scaled by 1/sqrt(fan-in) so that pre-activations are O(1) unless a case says otherwise.
"""
import numpy as np


def _case(name, why, x, prev_h, Wx, Wh, b, dnext_h):
    f = lambda a: np.array(a, dtype=np.float64)  # noqa: E731
    return {"name": name, "why": why, "inputs": {"x": f(x), "prev_h": f(prev_h), "Wx": f(Wx), "Wh": f(Wh),
                                                 "b": f(b), "dnext_h": f(dnext_h)}}


def _random(rng, N, D, H, scale=1.0):
    """x, prev_h, Wx, Wh, b with pre-activations of about `scale`, and dnext_h."""
    return (rng.standard_normal((N, D)), np.tanh(rng.standard_normal((N, H))),
            scale * rng.standard_normal((D, H)) / np.sqrt(D + H),
            scale * rng.standard_normal((H, H)) / np.sqrt(D + H), 0.5 * scale * rng.standard_normal(H),
            rng.standard_normal((N, H)))


def designed(rng):
    cases = []
    # cs231n's RNN_Captioning gradient check: np.random.seed(231); N, D, H = 4, 5, 6; all randn.
    rs = np.random.RandomState(231)
    x, h, Wx, Wh, b = rs.randn(4, 5), rs.randn(4, 6), rs.randn(5, 6), rs.randn(6, 6), rs.randn(6)
    cases.append(_case("cs231n_notebook", "cs231n's rnn_step_backward check (seed 231, N=4, D=5, H=6, unscaled "
                       "randn weights, so some units are nearly saturated)", x, h, Wx, Wh, b, rs.randn(4, 6)))

    # Fixed numbers: pre-activations in [-1.1, 1.0], so tanh' is between 0.4 and 1 everywhere; a
    # centered difference (h = 1e-5) then agrees with the analytic gradient to ~1e-10 (cs231n error).
    cases.append(_case(
        "gradcheck_small", "a (2, 3) -> (2, 3) step small enough for a numerical gradient check",
        [[0.5, -1.0, 0.8], [-0.3, 0.6, 1.2]], [[0.2, -0.7, 0.4], [0.9, 0.1, -0.5]],
        [[0.3, -0.2, 0.5], [0.4, 0.6, -0.3], [-0.5, 0.2, 0.35]],
        [[0.6, -0.4, 0.2], [0.3, 0.5, -0.6], [-0.2, 0.7, 0.4]], [0.1, -0.2, 0.3],
        [[1.0, -0.5, 0.7], [-0.8, 1.2, 0.4]]))

    cases.append(_case("basic_small", "a plain batch: N=3, D=5, H=4", *_random(rng, 3, 5, 4)))

    cases.append(_case("batch_of_1", "N = 1: the weight gradients are outer products of one sample",
                       *_random(rng, 1, 6, 5)))

    cases.append(_case("hidden_size_1", "H = 1: Wh is (1, 1), db has one entry", *_random(rng, 4, 3, 1)))

    cases.append(_case("input_dim_ne_hidden", "D = 2, H = 7: dx is (N, 2) and dWx is (2, 7); shapes that "
                       "catch a product taken the wrong way round", *_random(rng, 3, 2, 7)))

    # Wh strongly asymmetric (+0.6 above the diagonal, -0.6 below) and dnext_h > 0 with moderate
    # pre-activations, so da > 0: da @ Wh.T and da @ Wh then differ by 1.2 * sum(da[:, 1:]) in column 0.
    H = 5
    Wh = np.where(np.arange(H)[:, None] < np.arange(H)[None, :], 0.6, -0.6)
    np.fill_diagonal(Wh, 0.2)
    x, prev_h, Wx, _, b, _ = _random(rng, 4, 3, H, scale=0.3)
    cases.append(_case("asymmetric_wh", "Wh far from symmetric and every upstream gradient positive: dprev_h "
                       "needs Wh transposed, and Wh itself gives other values", x, 0.3 * prev_h, Wx, Wh, b,
                       rng.uniform(0.5, 1.5, (4, H))))

    x, _, Wx, Wh, b, dnext_h = _random(rng, 3, 4, 6)
    cases.append(_case("zero_prev_h", "the first time step: prev_h = 0, so dWh is exactly 0 (Wh multiplied "
                       "prev_h, not next_h)", x, np.zeros((3, 6)), Wx, Wh, b, dnext_h))

    # Units 0 and 2 get pre-activations of magnitude 740..1000 (tanh = +-1 exactly, tanh' = 0); units
    # 1 and 3 stay O(1).
    N, D, H = 3, 4, 4
    Wx = rng.uniform(-0.3, 0.3, (D, H))
    Wx[:, 0] = rng.uniform(1.9, 2.25, D)
    Wx[:, 2] = -rng.uniform(1.9, 2.25, D)
    x = rng.uniform(100.0, 110.0, (N, D))
    Wx[:, [1, 3]] /= 100.0
    cases.append(_case("saturated_units", "two units saturated (pre-activation ~1e3, tanh' = 0 exactly): no "
                       "gradient passes through them, and nothing may overflow", x, rng.uniform(-1.0, 1.0, (N, H)),
                       Wx, 0.3 * rng.standard_normal((H, H)), rng.standard_normal(H),
                       rng.uniform(0.5, 1.5, (N, H)) * np.array([1.0, -1.0, -1.0, 1.0])))

    x, prev_h, Wx, Wh, b, dnext_h = _random(rng, 5, 3, 4)
    dnext_h[[1, 3]] = 0.0
    cases.append(_case("zero_upstream_rows", "samples 1 and 3 get no upstream gradient: their rows of dx and "
                       "dprev_h are exactly 0", x, prev_h, Wx, Wh, b, dnext_h))

    cases.append(_case("larger_batch", "N = 16: the weight gradients and db sum over the batch",
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
        x, prev_h, Wx, Wh, b, dnext_h = _random(rng, N, D, H)
        sizes.append({"label": f"N={N}, D={D}, H={H}",
                      "inputs": {"x": x, "prev_h": prev_h, "Wx": Wx, "Wh": Wh, "b": b, "dnext_h": dnext_h},
                      # forward (2 products) + backward (4 products) + elementwise work
                      "flops": 6 * N * H * (D + H) + 8 * N * H})
    return sizes
