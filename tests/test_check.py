"""`drill check` through the CLI and the judge's API: verdicts, JSON, gradients, timing, progress."""
import json
import os
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT
from drill import judge
from drill.sandbox import Limits, job_root

SOLUTIONS = ROOT / "solutions"
MY_IOU = ROOT / "tests" / "fixtures" / "iou" / "correct_numpy.py"


def write(tmp_path, source, name="mine.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return path


def check_json(run, *args):
    result = run("check", *args, "--json")
    return result.exit_code, json.loads(result.output)


def test_reference_passes_with_the_documented_json(run):
    code, data = check_json(run, "bn_backward", SOLUTIONS / "bn_backward" / "vectorized.py")
    assert code == 0
    assert {"problem", "file", "seed", "passed", "cases", "gradients", "timing", "mistakes"} <= set(data)
    assert data["problem"] == "bn_backward" and data["passed"] is True and data["seed"] == judge.DEFAULT_SEED
    assert data["mistakes"] == []
    assert len(data["cases"]) >= 8
    for case in data["cases"]:
        assert {"name", "verdict", "message"} <= set(case) and case["verdict"] == "pass"
    assert [g["name"] for g in data["gradients"]] == ["dx", "dgamma", "dbeta"]
    for gradient in data["gradients"]:
        assert gradient["verdict"] == "pass"
        assert gradient["rel_error_vs_numeric"] < 1e-6
        assert gradient["rel_error_vs_reference"] < 1e-10
        assert gradient["agrees_with_own_forward"] is True
    assert data["timing"]
    for row in data["timing"]:
        assert row["size"] and set(row["seconds"]) >= {"you", "loop", "vectorized"}
        # an implementation not run at a size (the loop at a real layer's size) says why instead
        assert all(s > 0 if s is not None else row["skipped"][name] for name, s in row["seconds"].items())
        assert row["ratio_vs_vectorized"] > 0


def test_terminal_report_has_cases_gradients_and_timing(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    result = run("check", "conv_backward", SOLUTIONS / "conv_backward" / "loop.py")
    assert result.exit_code == 0
    for words in ("hidden cases", "gradient checks", "timing", "loop reference", "vectorized reference",
                  "fastest reference", "by extrapolation", "151 MFLOP", "of this machine's matmul rate", "PASSED"):
        assert words in result.output


def test_the_timing_table_never_cuts_a_word_at_80_columns(run, monkeypatch):
    """conv_backward has the most timing columns (your code, loop, vectorized, fast): at 80 columns
    long words in the gradient and timing tables fold across lines, none is cut with an ellipsis."""
    monkeypatch.setenv("COLUMNS", "80")
    output = run("check", "conv_backward", SOLUTIONS / "conv_backward" / "loop.py").output
    tables = output[output.index("gradient check"):output.index("PASSED")]  # gradients and timing
    assert "…" not in tables
    assert max(len(line) for line in tables.splitlines()) <= 80
    table = output[output.index("timing ("):]
    assert "–, ~" in table and "extrapol" in table  # the loop's cell, folded over its lines


def test_no_timing_skips_the_table(run):
    code, data = check_json(run, "iou", SOLUTIONS / "iou" / "loop.py", "--no-timing")
    assert code == 0 and data["timing"] == []


def test_a_wrong_answer_exits_1_with_a_reproducible_report(run, tmp_path):
    path = write(tmp_path, """
        def iou(box_a, box_b):
            return 0.5
    """)
    result = run("check", "iou", path, "--seed", "7", "--no-timing")
    assert result.exit_code == 1
    assert "FAILED" in result.output and "wrong" in result.output
    assert f"drill check iou {path} --seed 7 --case" in result.output.replace("\n", "")
    assert "expected" in result.output and "got" in result.output


def test_seed_makes_cases_reproducible(catalog):
    problem = catalog.get("conv_forward")
    a, b, c = (judge.build_cases(problem, s) for s in (5, 5, 6))
    assert [x.name for x in a] == [x.name for x in b]
    random_a = [x for x in a if not x.designed]
    random_c = [x for x in c if not x.designed]
    assert random_a and all((x.inputs["x"] == y.inputs["x"]).all() for x, y in zip(random_a, [x for x in b if not x.designed]))
    assert any(x.inputs["x"].shape != y.inputs["x"].shape or (x.inputs["x"] != y.inputs["x"]).any()
               for x, y in zip(random_a, random_c))
    for case in a:
        for value in case.inputs.values():
            if hasattr(value, "dtype"):
                assert value.dtype.kind != "f" or value.dtype.itemsize == 8


def test_case_option_runs_one_case_and_rejects_unknown_names(run):
    code, data = check_json(run, "iou", SOLUTIONS / "iou" / "loop.py", "--case", "touching_edge", "--no-timing")
    assert code == 0 and [c["name"] for c in data["cases"]] == ["touching_edge"]
    result = run("check", "iou", SOLUTIONS / "iou" / "loop.py", "--case", "nope")
    assert result.exit_code == 2 and "no case named 'nope'" in result.output


def test_small_errors_fail_and_float_noise_passes(run, tmp_path):
    noisy = write(tmp_path, """
        import numpy as np
        def bn_forward(x, gamma, beta, eps=1e-5):
            mu = x.mean(axis=0)
            var = ((x - mu) ** 2).mean(axis=0)
            out = gamma * (x - mu) / np.sqrt(var + eps) + beta
            return out * (1 + 1e-14), None
    """, "noisy.py")
    off = write(tmp_path, """
        import numpy as np
        def bn_forward(x, gamma, beta, eps=1e-5):
            mu = x.mean(axis=0)
            var = ((x - mu) ** 2).mean(axis=0)
            out = gamma * (x - mu) / np.sqrt(var + eps) + beta
            return out * (1 + 1e-5), None
    """, "off.py")
    assert run("check", "bn_forward", noisy, "--no-timing").exit_code == 0
    code, data = check_json(run, "bn_forward", off, "--no-timing")
    assert code == 1 and any(c["verdict"] == "wrong" for c in data["cases"])


def test_a_wrong_forward_in_a_backward_problem_fails_and_disagrees_with_its_backward(run, tmp_path):
    """The user's forward is off by a factor 2 but their backward uses the right cache: the
    gradients are right, but the forward's `out` is judged too and fails, and the own-forward
    check says the backward disagrees with it."""
    source = (SOLUTIONS / "bn_backward" / "vectorized.py").read_text()
    path = write(tmp_path, source + textwrap.dedent("""

        _right_forward = bn_forward

        def bn_forward(x, gamma, beta, eps=1e-5):
            out, cache = _right_forward(x, gamma, beta, eps)
            return 2 * out, cache
    """))
    code, data = check_json(run, "bn_backward", path, "--no-timing")
    assert code == 1
    wrong = {name for c in data["cases"] for name, o in c.get("outputs", {}).items() if not o["ok"]}
    assert wrong == {"out"}
    assert all(g["verdict"] == "pass" for g in data["gradients"])
    assert all(g["agrees_with_own_forward"] is False for g in data["gradients"] if g["name"] != "dbeta")
    assert all(g["rel_error_vs_numeric"] < 1e-6 for g in data["gradients"])


def test_wrong_gradient_is_named(run, tmp_path):
    source = (SOLUTIONS / "conv_backward" / "vectorized.py").read_text()
    path = write(tmp_path, source + textwrap.dedent("""

        _right_backward = conv_backward

        def conv_backward(dout, cache):
            dx, dw, db = _right_backward(dout, cache)
            return dx, dw * 1.001, db
    """))
    code, data = check_json(run, "conv_backward", path, "--no-timing")
    assert code == 1
    verdicts = {g["name"]: g["verdict"] for g in data["gradients"]}
    assert verdicts == {"dx": "pass", "dw": "wrong", "db": "pass"}
    assert any("dw is wrong" in c["message"] for c in data["cases"])


def test_progress_is_recorded_and_listed(run, tmp_path, drill_home):
    wrong = write(tmp_path, "def iou(a, b):\n    return 0.0\n")
    run("check", "iou", wrong, "--no-timing")
    rows = {r["id"]: r for r in json.loads(run("list", "--json").output)}
    assert rows["iou"]["status"] == "attempted" and rows["bn_forward"]["status"] == "new"
    run("check", "iou", MY_IOU)  # the user's own correct file (a shipped reference is not recorded)
    rows = {r["id"]: r for r in json.loads(run("list", "--json").output)}
    assert rows["iou"]["status"] == "passed" and rows["iou"]["best_seconds"] > 0
    assert (drill_home / "progress.db").exists()
    assert "passed" in run("list").output


def test_progress_store_honours_xdg_data_home(run, tmp_path, monkeypatch):
    monkeypatch.delenv("DRILL_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    run("check", "iou", MY_IOU, "--no-timing")
    assert (tmp_path / "xdg" / "drill" / "progress.db").exists()


def test_unwritable_progress_store_only_warns(run, tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("")
    monkeypatch.setenv("DRILL_HOME", str(blocker / "sub"))
    result = run("check", "iou", MY_IOU, "--no-timing")
    assert result.exit_code == 0 and "warning" in result.output


def test_known_mistake_is_named_in_json_and_terminal(run, tmp_path):
    path = write(tmp_path, """
        def iou(box_a, box_b):
            ax1, ay1, ax2, ay2 = box_a
            bx1, by1, bx2, by2 = box_b
            w = min(ax2, bx2) - max(ax1, bx1)
            h = min(ay2, by2) - max(ay1, by1)
            inter = float(w * h)          # not clamped at zero
            union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
            return inter / union if union else 0.0
    """)
    code, data = check_json(run, "iou", path, "--no-timing")
    assert code == 1
    assert [m["id"] for m in data["mistakes"]] == ["unclamped_overlap"]
    assert {"id", "title", "explanation"} <= set(data["mistakes"][0])
    result = run("check", "iou", path, "--no-timing")
    assert "likely mistake" in result.output and "unclamped_overlap" in result.output


def test_limits_are_configurable(catalog):
    report = judge.check(catalog.get("iou"), SOLUTIONS / "iou" / "loop.py",
                         limits=Limits(timeout=1.0, memory=512 * 1024**2), timing=False)
    assert report.passed


@pytest.mark.parametrize("value", ["lots", "-5"])
def test_bad_memory_option_is_a_usage_error(run, value):
    result = run("check", "iou", SOLUTIONS / "iou" / "loop.py", "--memory", value)
    assert result.exit_code == 2


def _workers_of_this_process():
    from drill.processes import children_of

    found = []
    for pid in children_of(os.getpid()):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                if b"worker.py" in handle.read():
                    found.append(pid)
        except OSError:
            pass
    return found


def test_the_early_worker_runs_no_user_code_before_the_judge_has_prepared(tmp_path, catalog, monkeypatch):
    """The first worker starts Python and numpy while the judge builds the cases, but imports the
    user's file only once the judge has everything it needs: the file's top level runs after."""
    stamp = tmp_path / "imported_at"
    source = MY_IOU.read_text() + f"\nimport time\nopen({str(stamp)!r}, 'w').write(repr(time.time()))\n"
    solution = write(tmp_path, source)
    prepared_at = []
    real_prepare = judge.prepare

    def slow_prepare(*args, **kwargs):
        time.sleep(1.0)  # the worker has long imported numpy by now: only the go holds it back
        result = real_prepare(*args, **kwargs)
        prepared_at.append(time.time())
        return result

    monkeypatch.setattr(judge, "prepare", slow_prepare)
    report = judge.check(catalog.get("iou"), solution, limits=Limits(), timing=False)
    assert report.passed
    assert float(stamp.read_text()) > prepared_at[0]
    assert _workers_of_this_process() == []


@pytest.mark.parametrize("source", ["def iou(a, b):\n    return (\n", "import socket\n"])
def test_a_check_ended_before_any_worker_ran_leaves_no_worker_behind(tmp_path, catalog, source):
    """A file rejected before it runs (a syntax error, a forbidden import) ends the check early: the
    worker started early is stopped, and its folder removed."""
    root = Path(job_root() or tempfile.gettempdir())
    before = {p.name for p in root.glob("drill-*")}
    report = judge.check(catalog.get("iou"), write(tmp_path, source), limits=Limits(), timing=False)
    assert not report.passed and report.verdict == "rejected"
    assert _workers_of_this_process() == []
    after = {p.name for p in root.glob("drill-*")}
    assert after <= before
