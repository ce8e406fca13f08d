import numpy as np


def _stride_one_output(x, w, b, pad):
    """The convolution with stride 1, whatever conv_param says."""
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    H_out, W_out = 1 + H + 2 * pad - HH, 1 + W + 2 * pad - WW
    out = np.zeros((N, F, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = x_pad[:, :, i:i + HH, j:j + WW]
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out


def conv_forward(x, w, b, conv_param):
    out = _stride_one_output(x, w, b, conv_param["pad"])
    return out, (x, w, b, conv_param)


def _close(got, target, rtol=1e-7, atol=1e-10):
    got, target = np.asarray(got), np.asarray(target)
    if got.shape != target.shape or not np.all(np.isfinite(got)):
        return False
    scale = max(1.0, float(np.max(np.abs(target)))) if target.size else 1.0
    return bool(np.all(np.abs(got - target) <= atol * scale + rtol * np.abs(target)))


def recognise(inputs, expected, got):
    """The stride-1 output, whole (wrong shape) or cut to the right shape: windows taken at
    i, j instead of i*S, j*S after computing H' and W' with the stride."""
    if inputs["conv_param"]["stride"] == 1 or "out" not in got:
        return False
    full = _stride_one_output(inputs["x"], inputs["w"], inputs["b"], inputs["conv_param"]["pad"])
    H_out, W_out = np.shape(expected["out"])[2:]
    return _close(got["out"], full) or _close(got["out"], full[:, :, :H_out, :W_out])
