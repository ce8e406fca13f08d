"""What a demanding user runs into: stopped checks, partial runs, odd files and odd option values."""
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import ROOT

SOLUTIONS = ROOT / "solutions"


def drill(*args, env=None, timeout=60, cwd=None):
    return subprocess.run([sys.executable, "-m", "drill", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd or ROOT, env={**os.environ, **(env or {})})


def write(tmp_path, name, source):
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return path


def _alive_with(marker: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as handle:
                    cmdline = handle.read()
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    state = handle.read().rsplit(b")", 1)[1].split()[0]
            except OSError:
                continue
            if marker.encode() in cmdline and state != b"Z":
                found.append(int(entry))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_stopping_drill_stops_the_worker(tmp_path, drill_home, signum):
    hang = write(tmp_path, "hang_forever.py", """
        def iou(box_a, box_b):
            while True:
                pass
    """)
    scratch = tmp_path / "tmp"  # the worker's job folder, and so its command line, is under here
    scratch.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "drill", "check", "iou", str(hang), "--timeout", "30"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "DRILL_HOME": str(drill_home), "TMPDIR": str(scratch)})
    deadline = time.monotonic() + 20
    while not _alive_with(str(scratch)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _alive_with(str(scratch))
    time.sleep(0.5)  # the worker is now spinning inside iou
    proc.send_signal(signum)
    proc.wait(timeout=10)
    time.sleep(0.3)
    assert proc.returncode == 128 + signum
    assert _alive_with(str(scratch)) == []
    assert b"Traceback" not in proc.stderr.read()


def test_one_case_passing_is_not_the_problem_solved(run, tmp_path):
    lazy = write(tmp_path, "lazy.py", "def iou(box_a, box_b):\n    return 0.0\n")
    result = run("check", "iou", lazy, "--case", "disjoint_x_only")
    assert result.exit_code == 0
    assert "run without --case for the full check" in result.output
    assert json.loads(run("check", "iou", lazy, "--case", "disjoint_x_only", "--json").output)["partial"] is True
    row = next(r for r in json.loads(run("list", "--json").output) if r["id"] == "iou")
    assert row["status"] == "attempted" and row["best_seconds"] is None


def test_a_byte_order_mark_is_accepted(run, tmp_path):
    path = tmp_path / "bom.py"
    path.write_bytes(b"\xef\xbb\xbf" + (SOLUTIONS / "iou" / "loop.py").read_bytes())
    assert run("check", "iou", path, "--no-timing").exit_code == 0


def test_an_int_equal_to_the_answer_is_accepted(run, tmp_path):
    """`return 0` for boxes that do not overlap is right; only a truncated fraction is wrong."""
    early = write(tmp_path, "early_exit.py", """
        def iou(box_a, box_b):
            iw = min(box_a[2], box_b[2]) - max(box_a[0], box_b[0])
            ih = min(box_a[3], box_b[3]) - max(box_a[1], box_b[1])
            if iw <= 0 or ih <= 0:
                return 0
            inter = iw * ih
            union = (box_a[2] - box_a[0]) * (box_a[3] - box_a[1]) + (box_b[2] - box_b[0]) * (box_b[3] - box_b[1]) - inter
            return inter / union
    """)
    result = run("check", "iou", early, "--no-timing", "--json")
    assert result.exit_code == 0, [c for c in json.loads(result.output)["cases"] if c["verdict"] != "pass"]


@pytest.mark.parametrize("option, value", [("--seed", "-1"), ("--timeout", "nan"), ("--timeout", "0"),
                                           ("--memory", "60M"), ("--memory", "0")])
def test_bad_option_values_are_usage_errors(run, option, value):
    result = run("check", "iou", SOLUTIONS / "iou" / "loop.py", option, value)
    assert result.exit_code == 2 and "Invalid value" in result.output


def test_start_into_a_missing_folder_fails_before_printing(run, tmp_path):
    result = run("start", "iou", tmp_path / "nodir" / "mine.py")
    assert result.exit_code == 2
    assert "does not exist" in result.output and "mkdir -p" in result.output
    assert "Intersection over union" not in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    result = drill("check", "iou", fifo, timeout=20)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_problem_ids_are_forgiving(run):
    assert run("statement", "conv_backward/").exit_code == 0
    assert run("statement", "problems/iou").exit_code == 0
    result = run("statement", "IOU")
    assert result.exit_code == 2 and "Did you mean 'iou'?" in result.output


def test_reproduce_line_survives_piping_and_spaces(tmp_path):
    folder = tmp_path / ("a folder with a rather long name " * 3).strip()
    folder.mkdir()
    wrong = write(folder, "my wrong iou.py", "def iou(box_a, box_b):\n    return 0.5\n")
    result = drill("check", "iou", wrong, "--no-timing", env={"DRILL_HOME": str(tmp_path / "home")})
    line = next(l for l in result.stdout.splitlines() if l.startswith("Reproduce: "))
    command = line.removeprefix("Reproduce: ")
    assert command.startswith("drill check iou '") and command.endswith("--case partial_overlap_floats")
    rerun = subprocess.run(command.replace("drill", f"{sys.executable} -m drill", 1) + " --json", shell=True,
                           capture_output=True, text=True, cwd=ROOT, env={**os.environ, "DRILL_HOME": str(tmp_path)})
    assert [c["name"] for c in json.loads(rerun.stdout)["cases"]] == ["partial_overlap_floats"]


def test_failing_solutions_are_not_timed(run, catalog):
    result = run("check", "iou", catalog.get("iou").skeleton_path, "--json")
    assert json.loads(result.output)["timing"] == []
    assert "not timed" in run("check", "iou", catalog.get("iou").skeleton_path).output


def test_shape_mismatch_gives_null_relative_errors_in_json(run):
    path = ROOT / "tests" / "fixtures" / "conv_backward" / "wrong_padded_dx.py"
    data = json.loads(run("check", "conv_backward", path, "--no-timing", "--json").output)
    dx = next(g for g in data["gradients"] if g["name"] == "dx")
    assert dx["verdict"] == "wrong" and dx["rel_error_vs_reference"] is None
    assert [m["id"] for m in data["mistakes"]] == ["padded_dx"]


def test_a_solution_that_hangs_everywhere_ends_soon(tmp_path):
    hang = write(tmp_path, "hang.py", "def iou(box_a, box_b):\n    while True:\n        pass\n")
    start = time.monotonic()
    result = drill("check", "iou", hang, "--timeout", "2", env={"DRILL_HOME": str(tmp_path / "home")})
    assert time.monotonic() - start < 30
    assert result.returncode == 1
    assert "not run" in result.stdout and "timeout" in result.stdout
