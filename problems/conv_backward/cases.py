"""Hidden cases for conv_backward. Each designed case targets one edge or one known mistake.

Every case carries the forward inputs (x, w, b, conv_param) and the upstream gradient dout, of
the forward output's shape (N, F, H', W').
"""
import numpy as np


def _out_size(size, k, stride, pad):
    return 1 + (size + 2 * pad - k) // stride


def _case(rng, name, why, N, C, H, W, F, HH, WW, stride, pad, x=None, w=None, b=None, dout=None):
    assert H + 2 * pad >= HH and W + 2 * pad >= WW
    H_out, W_out = _out_size(H, HH, stride, pad), _out_size(W, WW, stride, pad)
    return {
        "name": name,
        "why": why,
        "inputs": {
            "x": rng.standard_normal((N, C, H, W)) if x is None else np.asarray(x, dtype=np.float64),
            "w": rng.standard_normal((F, C, HH, WW)) if w is None else np.asarray(w, dtype=np.float64),
            "b": rng.standard_normal(F) if b is None else np.asarray(b, dtype=np.float64),
            "conv_param": {"stride": stride, "pad": pad},
            "dout": rng.standard_normal((N, F, H_out, W_out)) if dout is None else np.asarray(dout, dtype=np.float64),
        },
    }


def designed(rng):
    return [
        _case(rng, "stride_1_pad_0", "the plain case: stride 1, no padding; 3x3 windows overlap and N = 2",
              2, 3, 6, 6, 4, 3, 3, 1, 0),
        _case(rng, "stride_2_pad_1", "stride 2 with one ring of zero padding: dx must come back without it (7x7)",
              2, 3, 7, 7, 3, 3, 3, 2, 1),
        _case(rng, "stride_3_pad_2", "stride 3 with two rings of zero padding",
              2, 2, 8, 8, 3, 3, 3, 3, 2),
        _case(rng, "non_square_input", "H != W (5x9): catches swapped height and width",
              2, 3, 5, 9, 2, 3, 3, 1, 1),
        _case(rng, "non_square_kernel", "a 2x4 kernel: catches HH and WW used the wrong way round",
              2, 2, 7, 7, 3, 2, 4, 1, 1),
        _case(rng, "output_needs_floor", "H + 2P - HH is 7 and 8, not multiples of the stride 3: the last rows and columns "
              "are seen by no window, so their dx is 0",
              2, 3, 8, 9, 2, 3, 3, 3, 1),
        _case(rng, "overlapping_windows", "stride 2 < kernel 4: a pixel gets gradient from up to 4 windows, which must be summed",
              2, 2, 9, 9, 2, 4, 4, 2, 1),
        _case(rng, "non_overlapping_windows", "stride == kernel == 2: the windows tile the input, each pixel is seen once",
              2, 3, 8, 8, 2, 2, 2, 2, 0),
        _case(rng, "stride_larger_than_kernel", "stride 3 > kernel 2: pixels seen by no window get dx = 0",
              2, 2, 8, 8, 2, 2, 2, 3, 0),
        _case(rng, "single_channel", "C = 1",
              3, 1, 6, 6, 2, 3, 3, 1, 1),
        _case(rng, "many_channels", "C = 16: dx and dw have a slice per input channel",
              2, 16, 5, 5, 3, 3, 3, 1, 1),
        _case(rng, "batch_of_1", "N = 1",
              1, 3, 6, 6, 2, 3, 3, 1, 1),
        _case(rng, "batch_of_4", "N = 4: db and dw sum over the batch (not a mean)",
              4, 2, 5, 5, 2, 3, 3, 1, 1),
        _case(rng, "kernel_1x1", "a 1x1 kernel: no overlap, dx is a channel mix of dout",
              2, 4, 5, 5, 3, 1, 1, 1, 0),
        _case(rng, "kernel_equals_input", "the kernel covers the whole input: a 1x1 output, dx = sum over f of dout * w",
              2, 3, 5, 5, 4, 5, 5, 1, 0),
        _case(rng, "pad_only_changes_output", "pad 3 on a 3x3 input: many windows see only padding, which gets no gradient",
              1, 2, 3, 3, 2, 3, 3, 1, 3),
        _gradcheck_small(rng),
    ]


def _gradcheck_small(rng):
    """N=2, C=3, 5x5, F=2, 3x3, stride 2 < kernel 3, pad 1, with numbers chosen for a clean numerical
    gradient: magnitudes in [0.5, 1.5] and signs set per channel and per filter (x by c, w by f and c,
    dout by f), so no gradient entry is a sum that cancels to nearly zero. Then the cs231n relative
    error of a centered difference (h = 1e-5) stays near 1e-8 instead of being dominated by round-off."""
    N, C, H, W, F, HH, WW = 2, 3, 5, 5, 2, 3, 3
    sign_c, sign_wc = rng.choice([-1.0, 1.0], size=C), rng.choice([-1.0, 1.0], size=C)
    sign_f = np.array([1.0, -1.0])
    x = rng.uniform(0.5, 1.5, size=(N, C, H, W)) * sign_c[None, :, None, None]
    w = rng.uniform(0.5, 1.5, size=(F, C, HH, WW)) * sign_f[:, None, None, None] * sign_wc[None, :, None, None]
    dout = rng.uniform(0.5, 1.5, size=(N, F, 3, 3)) * sign_f[None, :, None, None]
    return _case(rng, "gradcheck_small", "a small case also checked against numerical gradients "
                 "(stride 2 < kernel 3, pad 1; every gradient entry well away from zero)",
                 N, C, H, W, F, HH, WW, 2, 1, x=x, w=w, b=rng.standard_normal(F), dout=dout)


def random_case(rng, index):
    N, C, F = (int(v) for v in rng.integers(1, 4, size=3))
    HH, WW = (int(v) for v in rng.integers(1, 5, size=2))
    stride = int(rng.integers(1, 4))
    pad = int(rng.integers(0, 3))
    H = int(rng.integers(max(1, HH - 2 * pad), 11))
    W = int(rng.integers(max(1, WW - 2 * pad), 11))
    case = _case(rng, f"random_{index}", "seeded random shapes, stride and padding",
                 N, C, H, W, F, HH, WW, stride, pad)
    case["why"] += (f" (N={N}, C={C}, H={H}, W={W}, F={F}, kernel {HH}x{WW}, stride {stride}, pad {pad}, "
                    f"output {_out_size(H, HH, stride, pad)}x{_out_size(W, WW, stride, pad)})")
    return case


def _conv_flops(N, C, H, W, F, HH, WW, stride, pad):
    """Multiply-adds of the forward pass, counted as 2 flops each (the bias adds are noise)."""
    return 2 * N * F * _out_size(H, HH, stride, pad) * _out_size(W, WW, stride, pad) * C * HH * WW


def timing_sizes():
    """Two small layers (the loop reference runs there), then a real one: a CIFAR-sized ResNet layer,
    x (8, 16, 32, 32), w (32, 16, 3, 3), stride 1, pad 1: ~75 MFLOP forward,
    twice that backward (dx and dw are one forward's multiply-adds each)."""
    rng = np.random.default_rng(0)
    sizes = []
    for N, C, H, F in [(2, 3, 8, 4), (2, 3, 16, 8), (8, 16, 32, 32)]:
        case = _case(rng, "", "", N, C, H, H, F, 3, 3, 1, 1)
        sizes.append({"label": f"N={N} C={C} {H}x{H} F={F} 3x3", "inputs": case["inputs"],
                      "flops": 2 * _conv_flops(N, C, H, H, F, 3, 3, 1, 1)})
    return sizes
