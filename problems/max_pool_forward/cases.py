"""Hidden cases for max_pool_forward. Each designed case targets one edge or one known mistake.

Where a case must show a mistake at every seed, its numbers are built so that it cannot hide:
a strictly increasing ramp puts every window's maximum in its bottom-right corner, so a window taken
at the wrong place (no stride, swapped pool sizes) always has a different maximum; channels on
separate ranges make a maximum taken across channels wrong for every channel but the top one.
"""
import numpy as np


def _out_size(size, k, stride):
    return 1 + (size - k) // stride


def _case(name, why, x, ph, pw, stride):
    x = np.asarray(x, dtype=np.float64)
    assert x.shape[2] >= ph and x.shape[3] >= pw
    return {"name": name, "why": why,
            "inputs": {"x": x, "pool_param": {"pool_height": ph, "pool_width": pw, "stride": stride}}}


def _ramp(rng, shape):
    """Strictly increasing in row-major order within every (n, c) image, random steps in [0.1, 1]."""
    N, C, H, W = shape
    steps = rng.uniform(0.1, 1.0, size=(N, C, H * W))
    start = rng.uniform(-5.0, 5.0, size=(N, C, 1))
    return (start + np.cumsum(steps, axis=2)).reshape(shape)


def _shuffled(rng, shape):
    """Distinct values in random order (gaps >= 0.05): maxima are unique and sit anywhere."""
    count = int(np.prod(shape))
    values = np.arange(count) * 0.1 + rng.uniform(-0.025, 0.025, size=count)
    return (rng.permutation(values) - 0.05 * count).reshape(shape)


def designed(rng):
    cases = []
    cases.append(_case("cs231n_2x2_stride_2", "the classic layer: 2x2 windows, stride 2, tiling a 4x4 input "
                       "(N = 2, C = 3)", rng.standard_normal((2, 3, 4, 4)), 2, 2, 2))
    cases.append(_case("stride_2_ramp", "stride 2 on an increasing ramp: every window's maximum is its "
                       "bottom-right element, so windows taken at stride 1 give different numbers",
                       _ramp(rng, (1, 2, 6, 6)), 2, 2, 2))
    cases.append(_case("overlapping_3x3_stride_2", "stride 2 < pool 3: neighbouring windows share a row or "
                       "column (7x7 -> 3x3)", _ramp(rng, (2, 2, 7, 7)) * np.array([1.0, -1.0])[None, :, None, None],
                       3, 3, 2))
    cases.append(_case("output_needs_floor", "H - ph = 5 and W - pw = 4 with stride 2: the floor gives 3x3 and "
                       "drops the last partial row of windows (no ceil mode, no padding)",
                       _shuffled(rng, (2, 2, 7, 6)), 2, 2, 2))
    cases.append(_case("non_square_pool", "a 2x3 pool (pool_height 2, pool_width 3) on an increasing ramp: "
                       "the height and width of the window must not be swapped",
                       _ramp(rng, (1, 2, 6, 7)), 2, 3, 1))
    cases.append(_case("non_square_input", "H != W (5x9) with a 3x2 pool and stride 2: catches swapped axes",
                       _shuffled(rng, (2, 2, 5, 9)), 3, 2, 2))
    offsets = 10.0 * np.arange(4)[None, :, None, None]  # channel c lives in [10c, 10c + 1)
    cases.append(_case("channels_on_separate_ranges", "4 channels with values in [0, 1), [10, 11), [20, 21), "
                       "[30, 31): each channel is pooled on its own, never together with the other channels",
                       offsets + rng.uniform(0.0, 1.0, (2, 4, 4, 4)), 2, 2, 2))
    cases.append(_case("all_negative", "every value is below 0 (down to -100): a running maximum started at 0 "
                       "returns 0", -rng.uniform(1.0, 100.0, (2, 2, 4, 6)), 2, 2, 2))
    cases.append(_case("stride_larger_than_pool", "stride 3 > pool 2: rows and columns between windows are "
                       "never looked at", _shuffled(rng, (1, 3, 8, 8)), 2, 2, 3))
    cases.append(_case("pool_equals_input", "the pool covers the whole 5x4 input: a 1x1 output, the maximum "
                       "of each channel", _shuffled(rng, (3, 2, 5, 4)), 5, 4, 1))
    cases.append(_case("pool_1x1", "a 1x1 pool with stride 1: the output is the input itself",
                       rng.standard_normal((2, 2, 3, 4)), 1, 1, 1))
    cases.append(_case("ties_and_plateaus", "small integers with many equal values: the maximum is the same "
                       "whichever tied element is picked", rng.integers(0, 3, (2, 2, 6, 6)), 3, 3, 1))
    cases.append(_case("single_image_single_channel", "N = 1 and C = 1",
                       rng.standard_normal((1, 1, 5, 5)), 2, 2, 1))
    return cases


def random_case(rng, index):
    N, C = (int(v) for v in rng.integers(1, 4, size=2))
    ph, pw = (int(v) for v in rng.integers(1, 4, size=2))
    S = int(rng.integers(1, 4))
    H, W = int(rng.integers(ph, 11)), int(rng.integers(pw, 11))
    case = _case(f"random_{index}", "seeded random shapes, pool and stride", rng.standard_normal((N, C, H, W)), ph, pw, S)
    case["why"] += (f" (N={N}, C={C}, H={H}, W={W}, pool {ph}x{pw}, stride {S}, "
                    f"output {_out_size(H, ph, S)}x{_out_size(W, pw, S)})")
    return case


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for N, C, H in [(2, 8, 8), (4, 16, 16), (8, 64, 32)]:
        x = rng.standard_normal((N, C, H, H))
        out_bytes = x.nbytes // 4
        sizes.append({"label": f"N={N} C={C} {H}x{H}, 2x2 stride 2", "flops": None, "bytes": x.nbytes + out_bytes,
                      "inputs": {"x": x, "pool_param": {"pool_height": 2, "pool_width": 2, "stride": 2}}})
    return sizes
