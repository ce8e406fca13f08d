"""Hidden cases for conv_forward. Each designed case targets one edge or one known mistake."""
import numpy as np


def _out_size(size, k, stride, pad):
    return 1 + (size + 2 * pad - k) // stride


def _case(rng, name, why, N, C, H, W, F, HH, WW, stride, pad, x=None, w=None, b=None):
    assert H + 2 * pad >= HH and W + 2 * pad >= WW
    return {
        "name": name,
        "why": why,
        "inputs": {
            "x": rng.standard_normal((N, C, H, W)) if x is None else np.asarray(x, dtype=np.float64),
            "w": rng.standard_normal((F, C, HH, WW)) if w is None else np.asarray(w, dtype=np.float64),
            "b": rng.standard_normal(F) if b is None else np.asarray(b, dtype=np.float64),
            "conv_param": {"stride": stride, "pad": pad},
        },
    }


def designed(rng):
    # An asymmetric kernel (no symmetry under a 180-degree turn): w[f, c] = ramp + small noise.
    ramp = np.arange(9.0).reshape(3, 3) - 4.0
    asym_w = ramp[None, None] * np.array([1.0, -0.5])[:, None, None, None] + 0.1 * rng.standard_normal((2, 3, 3, 3))
    return [
        _case(rng, "stride_1_pad_0", "the plain case: stride 1, no padding (4x4 output)",
              2, 3, 6, 6, 4, 3, 3, 1, 0),
        _case(rng, "stride_2_pad_1", "stride 2 with one ring of zero padding (7x7 -> 4x4)",
              2, 3, 7, 7, 3, 3, 3, 2, 1),
        _case(rng, "stride_3_pad_2", "stride 3 with two rings of zero padding (8x8 -> 4x4)",
              2, 2, 8, 8, 3, 3, 3, 3, 2),
        _case(rng, "non_square_input", "H != W (5x9): catches swapped height and width",
              2, 3, 5, 9, 2, 3, 3, 1, 1),
        _case(rng, "non_square_kernel", "a 2x4 kernel: catches HH and WW used the wrong way round",
              2, 2, 7, 7, 3, 2, 4, 1, 1),
        _case(rng, "output_needs_floor", "H + 2P - HH is 7 and 8, not multiples of the stride 3: the last partial windows are dropped",
              2, 3, 8, 9, 2, 3, 3, 3, 1),
        _case(rng, "overlapping_windows", "stride 2 < kernel 4: neighbouring windows share pixels",
              2, 2, 9, 9, 2, 4, 4, 2, 1),
        _case(rng, "non_overlapping_windows", "stride == kernel == 2: the windows tile the input",
              2, 3, 8, 8, 2, 2, 2, 2, 0),
        _case(rng, "stride_larger_than_kernel", "stride 3 > kernel 2: some pixels are seen by no window",
              2, 2, 8, 8, 2, 2, 2, 3, 0),
        _case(rng, "single_channel", "C = 1",
              3, 1, 6, 6, 2, 3, 3, 1, 1),
        _case(rng, "many_channels", "C = 16: the sum runs over every input channel",
              2, 16, 5, 5, 3, 3, 3, 1, 1),
        _case(rng, "batch_of_1", "N = 1",
              1, 3, 6, 6, 2, 3, 3, 1, 1),
        _case(rng, "kernel_1x1", "a 1x1 kernel only mixes channels",
              2, 4, 5, 5, 3, 1, 1, 1, 0),
        _case(rng, "kernel_equals_input", "the kernel covers the whole input: a 1x1 output",
              2, 3, 5, 5, 4, 5, 5, 1, 0),
        _case(rng, "asymmetric_kernel", "kernels that change under a 180-degree turn: catches a flipped kernel (true convolution)",
              2, 3, 6, 6, 2, 3, 3, 1, 0, w=asym_w),
        _case(rng, "bias_per_filter", "a different, large bias per filter: catches a missing or misplaced bias",
              2, 3, 5, 5, 3, 3, 3, 1, 1, b=[-3.0, 0.5, 10.0]),
        _case(rng, "pad_only_changes_output", "pad 3 on a 3x3 input: the outer outputs see only zero padding, so they equal the bias",
              1, 2, 3, 3, 2, 3, 3, 1, 3),
    ]


def random_case(rng, index):
    N, C, F = (int(v) for v in rng.integers(1, 4, size=3))
    HH, WW = (int(v) for v in rng.integers(1, 5, size=2))
    stride = int(rng.integers(1, 4))
    pad = int(rng.integers(0, 3))
    # Inputs at least as large as the kernel once padded, at most 10 pixels a side.
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
    x (8, 16, 32, 32), w (32, 16, 3, 3), stride 1, pad 1: ~75 MFLOP forward."""
    rng = np.random.default_rng(0)
    sizes = []
    for N, C, H, F in [(2, 3, 8, 4), (2, 3, 16, 8), (8, 16, 32, 32)]:
        case = _case(rng, "", "", N, C, H, H, F, 3, 3, 1, 1)
        sizes.append({"label": f"N={N} C={C} {H}x{H} F={F} 3x3", "inputs": case["inputs"],
                      "flops": _conv_flops(N, C, H, H, F, 3, 3, 1, 1)})
    return sizes
