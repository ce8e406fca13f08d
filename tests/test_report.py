"""The terminal report: summary first, one row per case, one failure in full, a closing line that
names what failed; -v, -q and -x; and numbers printed so that a difference shows."""
import json
import os
import subprocess
import sys
import textwrap

from conftest import ROOT

CONV_DB_ONLY = '''
import numpy as np

def conv_forward(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    Ho, Wo = 1 + (H + 2 * P - HH) // S, 1 + (W + 2 * P - WW) // S
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            window = xp[:, :, i * S:i * S + HH, j * S:j * S + WW]
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out, (x, w, b, conv_param)

def conv_backward(dout, cache):
    x, w, b, conv_param = cache
    return np.zeros_like(x), np.zeros_like(w), dout.sum(axis=(0, 2, 3))
'''


def cli(tmp_path, *args):
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "DRILL_HOME": str(tmp_path / "home")}
    proc = subprocess.run([sys.executable, "-m", "drill", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def test_a_fully_failing_conv_backward_fits_one_screen_summary_first(tmp_path):
    path = tmp_path / "db_only.py"
    path.write_text(CONV_DB_ONLY)
    code, out, err = cli(tmp_path, "check", "conv_backward", path)
    lines = out.splitlines()
    assert code == 1
    assert len(lines) <= 60, len(lines)
    assert all(len(line) <= 100 for line in lines[1:-1])  # the file path lines are never wrapped
    # the fact that matters comes first, and the closing line names it
    assert "dx and dw wrong, out and db right" in "\n".join(lines[:5])
    assert lines[-2] == "FAILED 23/23: dx and dw wrong, out and db right"
    # the reproduce line points at the case shown in full above it
    shown = next(line for line in lines if "wrong: " in line and line.lstrip().startswith("+-"))
    case = shown.split("wrong: ")[1].split()[0]
    assert lines[-1].endswith(f"--case {case}")
    assert out.count("drill hint") == 1


def test_verbose_quiet_and_exitfirst(tmp_path):
    path = tmp_path / "db_only.py"
    path.write_text(CONV_DB_ONLY)
    _, normal, _ = cli(tmp_path, "check", "conv_backward", path, "--no-timing")
    code, verbose, _ = cli(tmp_path, "check", "conv_backward", path, "--no-timing", "-v")
    assert code == 1 and len(verbose.splitlines()) > len(normal.splitlines())
    code, quiet, _ = cli(tmp_path, "check", "conv_backward", path, "--no-timing", "-q")
    assert code == 1 and quiet.strip().splitlines() == [quiet.strip()]
    assert quiet.startswith("FAILED 23/23")
    code, out, _ = cli(tmp_path, "check", "conv_backward", path, "--no-timing", "-x", "--json")
    data = json.loads(out)
    assert code == 1 and data["partial"] is True and len(data["cases"]) == 1
    assert data["cases"][0]["verdict"] == "wrong"
    # -x never records the problem as passed, even when the cases it ran pass
    code, out, _ = cli(tmp_path, "check", "conv_backward", ROOT / "solutions" / "conv_backward" / "loop.py",
                       "--no-timing", "-x", "--json")
    assert code == 0 and json.loads(out)["partial"] is False  # nothing failed: the full check ran


def test_a_tiny_difference_is_printed_with_enough_digits_to_see_it(tmp_path):
    path = tmp_path / "close.py"
    path.write_text((ROOT / "solutions" / "iou" / "loop.py").read_text()
                    + "\n_right = iou\n\ndef iou(a, b):\n    return _right(a, b) * (1 + 1e-8)\n")
    code, out, _ = cli(tmp_path, "check", "iou", path, "--json", "--no-timing")
    message = next(c["message"] for c in json.loads(out)["cases"] if c["verdict"] == "wrong")
    got, expected = message.split(" is ")[1].split("; expected ")
    assert got != expected.split(" (")[0], message


def test_a_gradient_with_nan_is_labelled_nan_not_wrong_shape(tmp_path):
    path = tmp_path / "nan_dx.py"
    path.write_text((ROOT / "solutions" / "bn_backward" / "vectorized.py").read_text() + textwrap.dedent("""
        _right = bn_backward

        def bn_backward(dout, cache):
            dx, dgamma, dbeta = _right(dout, cache)
            return dx * np.nan, dgamma, dbeta
    """))
    code, out, _ = cli(tmp_path, "check", "bn_backward", path, "--no-timing", "-v")
    row = next(line for line in out.splitlines() if line.strip().startswith("dx ") and "|" in line)
    assert "NaN" in row and "wrong shape" not in row


def test_a_cache_changed_in_place_is_said_in_the_summary_and_the_row(tmp_path):
    path = ROOT / "tests" / "fixtures" / "bn_backward" / "wrong_other_xhat_scaled_in_place.py"
    code, out, _ = cli(tmp_path, "check", "bn_backward", path, "--no-timing")
    assert code == 1
    summary = "\n".join(out.splitlines()[:6])
    assert "modified in place" in summary
    assert "bn_backward modified `cache` in place" in out
