"""Hidden cases for max_pool_backward. Each designed case targets one edge or one known mistake.

Every case runs the forward pass on (x, pool_param), then the backward pass on dout, of the forward
output's shape (N, C, H', W'). The designed cases use dout in [0.5, 1.5] (never 0, never cancelling),
so a gradient sent to a wrong element, or a sum replaced by one of its terms, always shows. Ties are
placed on purpose (small integers with the maximum repeated), never left to chance.
"""
import numpy as np


def _out_size(size, k, stride):
    return 1 + (size - k) // stride


def _case(rng, name, why, x, ph, pw, stride, dout=None):
    x = np.asarray(x, dtype=np.float64)
    N, C, H, W = x.shape
    assert H >= ph and W >= pw
    shape = (N, C, _out_size(H, ph, stride), _out_size(W, pw, stride))
    if dout is None:
        dout = rng.uniform(0.5, 1.5, size=shape)
    return {"name": name, "why": why,
            "inputs": {"x": x, "pool_param": {"pool_height": ph, "pool_width": pw, "stride": stride},
                       "dout": np.asarray(dout, dtype=np.float64)}}


def _shuffled(rng, shape, gap=0.1):
    """Distinct values in random order, at least gap/2 apart: no ties, maxima anywhere."""
    count = int(np.prod(shape))
    values = np.arange(count) * gap + rng.uniform(-gap / 4, gap / 4, size=count)
    return (rng.permutation(values) - gap * count / 2).reshape(shape)


def _tied_windows(rng, N, C, rows, cols, ph, pw):
    """Tiles of ph x pw windows (stride = pool), each holding its maximum (5) at 2 or more places,
    the other elements in 0..4: the first, the last and 'every' tied maximum are different sets."""
    x = rng.integers(0, 5, size=(N, C, rows, ph, cols, pw)).astype(np.float64)
    for index in np.ndindex(N, C, rows, cols):
        n, c, i, j = index
        k = int(rng.integers(2, ph * pw + 1))
        for flat in rng.choice(ph * pw, size=k, replace=False):
            x[n, c, i, flat // pw, j, flat % pw] = 5.0
    return x.reshape(N, C, rows * ph, cols * pw)


def designed(rng):
    cases = []
    cases.append(_case(rng, "ties_in_every_window", "every 2x2 window holds its maximum 2 to 4 times: the "
                       "gradient goes to the first one in row-major order, and only to it",
                       _tied_windows(rng, 2, 2, 2, 3, 2, 2), 2, 2, 2))

    x = rng.uniform(0.0, 1.0, size=(1, 2, 2, 6))
    x[:, :, 0, 1::2] = 3.0   # in each 2x2 window, the maximum 3 at (0, 1) and (1, 0)
    x[:, :, 1, 0::2] = 3.0
    cases.append(_case(rng, "tie_across_rows", "each window ties at (0, 1) and (1, 0): the first maximum in "
                       "row-major order is (0, 1), the top row; (1, 0) would be first in column-major order",
                       x, 2, 2, 2))

    cases.append(_case(rng, "constant_input", "every element equal (a plateau, e.g. after a relu zeroed a "
                       "region), overlapping 2x2 windows at stride 1: each window picks its top-left element",
                       np.full((1, 2, 4, 5), 0.5), 2, 2, 1))

    x = _shuffled(rng, (2, 2, 5, 5))
    x[:, :, 2, 2] = x.max() + 1.0   # the centre is in all four 3x3 windows, and is the maximum of each
    cases.append(_case(rng, "overlap_shared_maximum", "3x3 windows at stride 2 all contain the centre element, "
                       "which is the maximum of the 4 of them: its gradient is the sum of the 4 douts",
                       x, 3, 3, 2))

    x = _shuffled(rng, (1, 2, 6, 6))
    x[:, :, 1, 1] = x.max() + 2.0
    x[:, :, 4, 3] = x.max() + 1.0
    cases.append(_case(rng, "overlap_stride_1_peaks", "3x3 windows at stride 1 and two peaks: the first is the "
                       "maximum of 4 windows, the second of 6; every window adds its dout to its peak",
                       x, 3, 3, 1))

    x = np.array([[0.8, 2.9, -0.7, 1.6, 0.2],
                  [1.3, -1.9, 2.4, 0.5, -0.3],
                  [3.5, 0.1, -1.2, 2.1, 1.1],
                  [-0.6, 1.8, 0.9, -2.3, 2.6],
                  [0.4, -1.4, 3.1, 1.7, -0.9]])
    x = np.stack([x, -x.T])[None]  # (1, 2, 5, 5), distinct values at least 0.1 apart
    cases.append(_case(rng, "gradcheck_small", "3x3 windows at stride 2 (overlapping), distinct values: no "
                       "ties, so the function is smooth around x and centered differences are exact",
                       x, 3, 3, 2, dout=np.array([[[[1.2, -0.7], [0.9, 1.5]], [[-1.1, 0.6], [1.3, -0.8]]]])))

    cases.append(_case(rng, "ties_with_overlap", "small integers (many ties) and 3x3 windows at stride 2: "
                       "first maximum per window, and overlapping windows add up",
                       rng.integers(0, 3, size=(2, 2, 7, 7)), 3, 3, 2))
    cases.append(_case(rng, "non_square_pool", "a 2x3 pool on a 5x8 input at stride 1: the flat index of a "
                       "window's maximum unravels with the pool width (3)", _shuffled(rng, (2, 2, 5, 8)), 2, 3, 1))
    cases.append(_case(rng, "output_needs_floor", "7x6 input, 2x2 pool, stride 2: the last row is in no "
                       "window, so its gradient is 0", _shuffled(rng, (2, 2, 7, 6)), 2, 2, 2))
    cases.append(_case(rng, "stride_larger_than_pool", "stride 3 > pool 2: elements between windows get 0",
                       _shuffled(rng, (1, 3, 8, 8)), 2, 2, 3))
    cases.append(_case(rng, "all_negative", "every value below 0: the maximum is negative, and still gets "
                       "the gradient", -rng.uniform(1.0, 100.0, (2, 2, 4, 6)), 2, 2, 2))
    cases.append(_case(rng, "pool_equals_input", "one 5x4 window per channel: dx is dout at the channel's "
                       "maximum and 0 elsewhere", _shuffled(rng, (3, 2, 5, 4)), 5, 4, 1))
    cases.append(_case(rng, "batch_and_channels", "N = 3, C = 4, random normal x and dout of both signs",
                       rng.standard_normal((3, 4, 4, 4)), 2, 2, 2, dout=rng.standard_normal((3, 4, 2, 2))))
    return cases


def random_case(rng, index):
    N, C = (int(v) for v in rng.integers(1, 4, size=2))
    ph, pw = (int(v) for v in rng.integers(1, 4, size=2))
    S = int(rng.integers(1, 4))
    H, W = int(rng.integers(ph, 11)), int(rng.integers(pw, 11))
    H_out, W_out = _out_size(H, ph, S), _out_size(W, pw, S)
    ties = bool(rng.random() < 0.4)   # small integers: tied maxima wherever they happen to fall
    x = rng.integers(0, 4, size=(N, C, H, W)).astype(np.float64) if ties else rng.standard_normal((N, C, H, W))
    case = _case(rng, f"random_{index}", "seeded random shapes, pool and stride" + (", integer values (ties)" if ties else ""),
                 x, ph, pw, S, dout=rng.standard_normal((N, C, H_out, W_out)))
    case["why"] += f" (N={N}, C={C}, H={H}, W={W}, pool {ph}x{pw}, stride {S}, output {H_out}x{W_out})"
    return case


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for N, C, H in [(2, 8, 8), (4, 16, 16), (8, 64, 32)]:
        x = rng.standard_normal((N, C, H, H))
        dout = rng.standard_normal((N, C, H // 2, H // 2))
        sizes.append({"label": f"N={N} C={C} {H}x{H}, 2x2 stride 2", "flops": None,
                      "bytes": 2 * x.nbytes + 2 * dout.nbytes,   # forward reads x, writes out; backward reads dout, writes dx
                      "inputs": {"x": x, "pool_param": {"pool_height": 2, "pool_width": 2, "stride": 2}, "dout": dout}})
    return sizes
