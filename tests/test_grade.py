"""`drill grade`: many files, a few at a time, each judged exactly as `drill check` alone; and the
recipes of docs/grading.md (examples/)."""
import csv
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from drill import judge
from drill.catalog import Catalog

from conftest import FIXTURES, ROOT, SEED_PROBLEM_IDS
from drill import grading
from drill.cli import check as check_command

IOU = ROOT / "solutions" / "iou"
IOU_CASES = len(judge.build_cases(Catalog().get("iou"), judge.DEFAULT_SEED))
IOU_WRONG = FIXTURES / "iou"
SKELETON = ROOT / "problems" / "iou" / "skeleton.py"
EXAMPLES = ROOT / "examples"
LINUX = sys.platform.startswith("linux")


def _write(path: Path, source: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source))
    return path


def _copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    return target


def _read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def _without_seconds(data):
    if isinstance(data, dict):
        return {k: _without_seconds(v) for k, v in data.items() if k != "seconds"}
    if isinstance(data, list):
        return [_without_seconds(v) for v in data]
    return data


@pytest.fixture
def mixed(tmp_path):
    """A folder of submissions: right, wrong, unfinished, broken, nested, hidden and not Python."""
    subs = tmp_path / "subs"
    _copy(IOU / "loop.py", subs / "alice.py")
    _copy(IOU / "vectorized.py", subs / "bob.py")
    _copy(IOU_WRONG / "wrong_plus_one_pixels.py", subs / "carol.py")
    _copy(SKELETON, subs / "dave.py")
    _write(subs / "erin.py", "def iou(box_a, box_b)\n    return 0.0\n")
    _copy(IOU_WRONG / "wrong_xywh_boxes.py", subs / "late" / "frank.py")
    _copy(IOU / "loop.py", subs / ".git" / "ignored.py")
    _copy(IOU / "loop.py", subs / "__pycache__" / "ignored.py")
    _write(subs / "notes.txt", "not a solution\n")
    (tmp_path / "empty").mkdir()
    return subs


def test_a_mixed_folder_gives_one_row_per_file_sorted_by_result(run, mixed, tmp_path, drill_home):
    out = tmp_path / "grades.csv"
    result = run("grade", "iou", mixed, tmp_path / "empty", tmp_path / "missing.py", "--no-timing", "--jobs", "2",
                 "--out", out)
    assert result.exit_code == 1, result.output
    columns, rows = _read_csv(out)
    assert tuple(columns) == grading.COLUMNS == ("file", "result", "passed", "cases_passed", "cases_total",
                                                 "first_failing_case", "likely_mistake", "seconds_at_largest_size",
                                                 "message")
    by_name = {Path(r["file"]).name: r for r in rows}
    assert sorted(by_name) == ["alice.py", "bob.py", "carol.py", "dave.py", "empty", "erin.py", "frank.py",
                               "missing.py"]
    assert [by_name[n]["result"] for n in ("alice.py", "bob.py", "carol.py", "dave.py", "erin.py", "frank.py")] == \
        ["pass", "pass", "wrong", "error", "rejected", "wrong"]
    assert by_name["alice.py"]["passed"] == "yes" and by_name["carol.py"]["passed"] == "no"
    assert by_name["alice.py"]["cases_passed"] == by_name["alice.py"]["cases_total"] == str(IOU_CASES)
    assert 0 < int(by_name["carol.py"]["cases_passed"]) < IOU_CASES
    assert by_name["carol.py"]["first_failing_case"] == "partial_overlap_floats"
    assert "+1" in by_name["carol.py"]["likely_mistake"]
    assert "syntax error" in by_name["erin.py"]["message"] and by_name["erin.py"]["first_failing_case"] == ""
    assert by_name["empty"]["result"] == by_name["missing.py"]["result"] == "not checked"
    assert by_name["empty"]["message"] == "no .py files in this folder"
    assert by_name["missing.py"]["message"] == "does not exist"
    # sorted by result: the passes first, then the failures by verdict, the unchecked last
    order = [r["result"] for r in rows]
    assert order == sorted(order, key=lambda r: grading.RESULT_ORDER.index(r))
    assert order[:2] == ["pass", "pass"] and order[-2:] == ["not checked", "not checked"]
    # the table, plain when piped, and the one-line summary
    table = result.stdout
    assert "\x1b[" not in table
    for header in ("file", "result", "cases", "first failing case", "likely mistake", "time"):
        assert header in table
    assert "2 of 8 passed, 4 failed, 2 not checked." in table
    assert "no .py files in this folder" in table
    assert not drill_home.exists()  # grading records nothing in the user's progress


def test_all_passing_exits_0_with_the_time_at_the_largest_size(run, tmp_path):
    out = tmp_path / "grades.csv"
    result = run("grade", "iou", IOU, "--out", out)
    assert result.exit_code == 0, result.output
    _, rows = _read_csv(out)
    assert len(rows) == 2 and all(r["passed"] == "yes" for r in rows)
    assert all(float(r["seconds_at_largest_size"]) > 0 for r in rows)
    assert "2 of 2 passed." in result.stdout


def test_jsonl_lines_are_what_check_json_prints(run, tmp_path):
    files = [IOU / "loop.py", IOU_WRONG / "wrong_plus_one_pixels.py", FIXTURES / "hostile" / "syntax_error.py",
             FIXTURES / "hostile" / "exception_in_call.py"]
    out = tmp_path / "grades.jsonl"
    result = run("grade", "iou", *files, tmp_path / "nowhere", "--seed", "7", "--no-timing", "--out", out)
    assert result.exit_code == 1
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == len(files) + 1
    by_file = {line["file"]: line for line in lines}
    for path in files:
        alone = run("check", "iou", path, "--json", "--seed", "7", "--no-timing")
        assert _without_seconds(by_file[str(path)]) == _without_seconds(json.loads(alone.stdout))
    missing = by_file[str(tmp_path / "nowhere")]
    assert missing["passed"] is False and missing["verdict"] == "not checked" and missing["seed"] == 7
    assert missing["message"] == "does not exist"


def test_grading_records_no_progress_but_check_does(run, drill_home):
    assert run("grade", "iou", IOU / "loop.py", "--no-timing").exit_code == 0
    assert not drill_home.exists()
    mine = FIXTURES / "iou" / "correct_numpy.py"  # a shipped reference would not be recorded either
    assert run("check", "iou", mine, "--no-timing").exit_code == 0
    assert (drill_home / "progress.db").exists()
    assert run("check", "iou", IOU / "loop.py", "--no-timing", "--json", "--no-record").exit_code == 0


@pytest.mark.parametrize("args", [
    ["nonsense", "."],
    ["iou"],
    ["iou", ".", "--jobs", "0"],
    ["iou", ".", "--out", "grades.txt"],
    ["iou", ".", "--out", "no/such/folder/grades.csv"],
    ["iou", ".", "--memory", "1K"],
    ["iou", ".", "--timeout", "0"],
], ids=["unknown-problem", "no-path", "zero-jobs", "bad-out-suffix", "out-folder-missing", "tiny-memory",
        "zero-timeout"])
def test_usage_errors_exit_2_before_grading(run, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    started = []
    monkeypatch.setattr(grading.Batch, "check", lambda self, path: started.append(path))
    result = run("grade", *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert started == []


@pytest.mark.skipif(not LINUX, reason="a FIFO and file permissions")
def test_unreadable_files_are_rows_and_the_batch_goes_on(run, tmp_path):
    subs = tmp_path / "subs"
    _copy(IOU / "loop.py", subs / "good.py")
    os.mkfifo(subs / "pipe.py")  # neither readable as a file nor worth blocking on
    locked = _copy(IOU / "loop.py", subs / "locked.py")
    locked.chmod(0)
    can_lock = not os.access(locked, os.R_OK)  # root reads anything
    empty = tmp_path / "nothing_here"
    _write(empty / "README.md", "no python\n")
    out = tmp_path / "grades.csv"
    try:
        result = run("grade", "iou", subs, empty, "--no-timing", "--out", out)
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result.exit_code == 1
    by_name = {Path(r["file"]).name: r for r in _read_csv(out)[1]}
    assert by_name["good.py"]["result"] == "pass"
    assert by_name["pipe.py"]["result"] == "not checked"
    assert "not a regular file" in by_name["pipe.py"]["message"]
    if can_lock:
        assert by_name["locked.py"]["result"] == "not checked"
        assert "permission denied" in by_name["locked.py"]["message"]
    assert by_name["nothing_here"]["message"] == "no .py files in this folder"


def test_a_check_that_dies_or_prints_no_report_is_a_row(run, tmp_path, monkeypatch):
    real = grading.check_command
    scripts = {"killed.py": "import os, signal; os.kill(os.getpid(), signal.SIGKILL)",
               "silent.py": "print('no json here')",
               "crashed.py": "raise SystemExit(3)"}

    def fake(problem_id, path, options):
        name = Path(path).name
        return [sys.executable, "-c", scripts[name]] if name in scripts else real(problem_id, path, options)

    monkeypatch.setattr(grading, "check_command", fake)
    for name in [*scripts, "fine.py"]:
        _copy(IOU / "loop.py", tmp_path / "subs" / name)
    out = tmp_path / "grades.csv"
    result = run("grade", "iou", tmp_path / "subs", "--no-timing", "--out", out)
    assert result.exit_code == 1
    by_name = {Path(r["file"]).name: r for r in _read_csv(out)[1]}
    assert by_name["fine.py"]["result"] == "pass"
    assert by_name["killed.py"]["message"] == "the check was killed by SIGKILL"
    assert by_name["silent.py"]["message"] == "the check printed no report"
    assert by_name["crashed.py"]["message"] == "the check exited with code 3"
    assert all(by_name[n]["result"] == "not checked" for n in scripts)


def test_isolate_is_passed_to_every_check(run, tmp_path, monkeypatch):
    if not shutil.which("bwrap"):
        result = run("grade", "iou", IOU / "loop.py", "--isolate")
        assert result.exit_code == 2 and "bubblewrap" in result.output  # never a silent fallback
        return
    seen = []
    real = grading.check_command
    monkeypatch.setattr(grading, "check_command", lambda *a: seen.append(a) or real(*a))
    run("grade", "iou", IOU / "loop.py", "--isolate", "--no-timing")
    assert seen and all("--isolate" in options for _, _, options in seen)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="PYTHONSAFEPATH")
def test_a_submission_named_drill_py_is_graded_not_run_as_drill(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _copy(IOU / "loop.py", tmp_path / "drill.py")
    _write(tmp_path / "__main__.py", "raise SystemExit('not drill')\n")
    result = run("grade", "iou", ".", "--no-timing", "--out", "grades.csv")
    assert result.exit_code == 1, result.output  # __main__.py is graded too, and fails
    rows = {r["file"]: r["result"] for r in _read_csv(tmp_path / "grades.csv")[1]}
    assert set(rows) == {"drill.py", "__main__.py"}
    assert rows["drill.py"] == "pass" and rows["__main__.py"] not in ("pass", "not checked")


def test_check_commands_are_exactly_drill_check():
    command = grading.check_command("iou", "-odd name.py", ["--seed", "7", "--no-timing"])
    assert command[:3] == [sys.executable, "-m", "drill"]
    assert command[3:] == ["check", "--json", "--no-record", "--seed", "7", "--no-timing", "--", "iou", "-odd name.py"]


def test_progress_is_plain_lines_on_stderr_when_piped(tmp_path):
    result = subprocess.run([sys.executable, "-m", "drill", "grade", "iou", str(IOU), "--no-timing"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "DRILL_HOME": str(tmp_path / "h")})
    assert result.returncode == 0
    lines = result.stderr.splitlines()  # in the order the checks finish
    assert [line.split(" ", 1)[0] for line in lines] == ["[1/2]", "[2/2]"]
    assert sorted(line.split(" ", 1)[1] for line in lines) == [f"{IOU / 'loop.py'}: passed ({IOU_CASES}/{IOU_CASES})",
                                                              f"{IOU / 'vectorized.py'}: passed ({IOU_CASES}/{IOU_CASES})"]
    assert "\x1b[" not in result.stdout + result.stderr


@pytest.mark.skipif(not LINUX, reason="a pseudo-terminal")
def test_progress_bar_on_a_terminal(tmp_path):
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "DRILL_HOME": str(tmp_path / "h"), "COLUMNS": "120", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "drill", "grade", "iou", str(IOU), "--no-timing"], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the terminal's other side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "grading" in screen and "\x1b[" in screen  # the live bar, drawn with terminal codes
    assert "[1/2]" not in screen  # no plain progress lines on a terminal
    assert "2 of 2 passed." in screen


# ---------------------------------------------------------------- processes: how many, and stopping


def _processes_with(marker: str, parent: int | None = None) -> dict[int, bytes]:
    """Live (non-zombie) processes whose environment holds the marker (and, if given, whose parent is
    `parent`) -> their command lines."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as handle:
                if marker.encode() not in handle.read():
                    continue
            with open(f"/proc/{entry}/stat", "rb") as handle:
                state, ppid = handle.read().rsplit(b")", 1)[1].split()[:2]
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                cmdline = handle.read()
        except OSError:
            continue
        if state != b"Z" and (parent is None or int(ppid) == parent):
            found[int(entry)] = cmdline
    return found


def _checks(marker: str, grade: int) -> int:
    """`drill check` children of the grade process (a check's own fork, before it runs the worker,
    has a check's command line too: it is not a child of grade)."""
    return sum(b"\0check\0" in cmdline and b"drill" in cmdline for cmdline in _processes_with(marker, grade).values())


def _grade_process(tmp_path, marker, *args, pidfile=None):
    env = {**os.environ, "DRILL_GRADE_TEST": marker, "DRILL_HOME": str(tmp_path / "home")}
    if pidfile:
        env["DRILL_HOSTILE_PIDFILE"] = str(pidfile)
    return subprocess.Popen([sys.executable, "-m", "drill", "grade", *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_at_most_jobs_checks_run_at_once_and_they_overlap(tmp_path):
    loop = (IOU / "loop.py").read_text()
    for name in ("a.py", "b.py", "c.py"):
        _write(tmp_path / "slow" / name, "import time\ntime.sleep(2.0)\n" + loop)
    marker = uuid.uuid4().hex
    proc = _grade_process(tmp_path, marker, "iou", tmp_path / "slow", "--jobs", "2", "--no-timing")
    most = 0
    while proc.poll() is None:
        most = max(most, _checks(marker, proc.pid))
        time.sleep(0.02)
    out, err = proc.communicate()
    assert proc.returncode == 0, err.decode()
    assert most == 2
    assert not (tmp_path / "home").exists()


@pytest.mark.skipif(not LINUX, reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stopping_grade_stops_every_check_and_leaves_no_process(tmp_path, signum):
    slow = tmp_path / "slow"
    _write(slow / "a_sleeps.py", """
        import time

        def iou(box_a, box_b):
            time.sleep(120)
            return 0.0
    """)
    _copy(FIXTURES / "hostile" / "timeout_double_fork_setsid.py", slow / "b_daemon.py")
    _copy(IOU / "loop.py", slow / "c_waits.py")  # queued behind the two: never started
    pidfile = tmp_path / "daemons.txt"
    marker = uuid.uuid4().hex
    proc = _grade_process(tmp_path, marker, "iou", slow, "--jobs", "2", "--timeout", "100", pidfile=pidfile)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            workers = [c for c in _processes_with(marker).values() if b"worker.py" in c]
            if len(workers) >= 2 and pidfile.exists() and pidfile.read_text().strip():
                break
            time.sleep(0.05)
        else:
            pytest.fail("the checks never started")
        time.sleep(0.5)
        assert _checks(marker, proc.pid) == 2
        started = time.monotonic()
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=30)
        assert time.monotonic() - started < 10
        assert proc.returncode == 130
        lines = err.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("drill: interrupted after 0 of 3 files"), lines
        time.sleep(0.3)
        assert _processes_with(marker) == {}
        for pid in map(int, pidfile.read_text().split()):
            assert not Path(f"/proc/{pid}").exists() or b"Z" in Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")")[1][:3]
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in _processes_with(marker):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


# ---------------------------------------------------------------- examples/ (docs/grading.md's recipes)


SCRIPTS = [EXAMPLES / "gradescope" / "setup.sh", EXAMPLES / "gradescope" / "run_autograder",
           EXAMPLES / "parallel" / "grade-across-machines.sh"]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_scripts_parse_and_are_executable(script):
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert script.read_text().startswith("#!/usr/bin/env bash\n")
    assert os.access(script, os.X_OK)
    assert str(script.relative_to(ROOT)) in (ROOT / "docs" / "grading.md").read_text()


def test_parallel_script_without_arguments_is_a_usage_error():
    result = subprocess.run(["bash", str(SCRIPTS[2])], capture_output=True, text=True)
    assert result.returncode == 2 and "usage:" in result.stderr


def _autograder(tmp_path, submission: dict[str, Path], **env):
    submission_dir, results = tmp_path / "submission", tmp_path / "results"
    for name, source in submission.items():
        _copy(source, submission_dir / name)
    submission_dir.mkdir(parents=True, exist_ok=True)
    isolate = any(p.name == "isolate" for p in check_command.params) and shutil.which("bwrap")
    full_env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
                "SUBMISSION_DIR": str(submission_dir), "RESULTS_DIR": str(results), "DRILL_ARGS": "--no-timing",
                **({} if isolate else {"DRILL_ISOLATE": ""}), **env}
    proc = subprocess.run(["bash", str(EXAMPLES / "gradescope" / "run_autograder")], env=full_env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads((results / "results.json").read_text())


def _valid_gradescope(data: dict):
    assert isinstance(data["score"], (int, float))
    for test in data["tests"]:
        assert set(test) >= {"name", "score", "max_score", "status", "output"}
        assert test["status"] in ("passed", "failed")


def test_autograder_writes_valid_results_for_a_shipped_reference(tmp_path):
    data = _autograder(tmp_path, {"solution.py": ROOT / "solutions" / "bn_backward" / "vectorized.py"},
                       DRILL_PROBLEM="bn_backward")
    _valid_gradescope(data)
    assert data["score"] == data["max_score"] > 0
    assert any(t["name"].startswith("gradient check") for t in data["tests"])


def test_autograder_grades_a_wrong_or_oddly_named_file_and_explains_a_missing_one(tmp_path):
    wrong = _autograder(tmp_path / "a", {"my_iou.py": IOU_WRONG / "wrong_plus_one_pixels.py"})
    _valid_gradescope(wrong)
    assert 0 < wrong["score"] < wrong["max_score"]
    nothing = _autograder(tmp_path / "b", {})
    _valid_gradescope(nothing)
    assert nothing["score"] == 0 and "solution.py" in nothing["output"]


# A strict reader for the block-YAML subset GitHub workflows use, for when PyYAML is not installed:
# block mappings and sequences, plain / quoted scalars, [flow, lists], | literals, comments.
class MiniYAML:
    KEY = re.compile(r"""^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{}&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s+|$)""")

    def __init__(self, text: str):
        if "\t" in text:
            raise ValueError("tabs are not YAML indentation")
        self.lines = text.splitlines()
        self.i = 0

    @classmethod
    def load(cls, text: str):
        reader = cls(text)
        reader._skip()
        value = reader._block(reader._indent()) if reader.i < len(reader.lines) else None
        reader._skip()
        if reader.i < len(reader.lines):
            raise ValueError(f"line {reader.i + 1}: unexpected indentation")
        return value

    def _skip(self):
        while self.i < len(self.lines) and (not self.lines[self.i].strip() or self.lines[self.i].lstrip().startswith("#")):
            self.i += 1

    def _indent(self) -> int:
        line = self.lines[self.i]
        return len(line) - len(line.lstrip(" "))

    def _block(self, indent: int):
        text = self.lines[self.i][indent:]
        return self._sequence(indent) if text == "-" or text.startswith("- ") else self._mapping(indent)

    def _mapping(self, indent: int) -> dict:
        result = {}
        while True:
            self._skip()
            if self.i >= len(self.lines) or self._indent() < indent:
                return result
            if self._indent() > indent:
                raise ValueError(f"line {self.i + 1}: unexpected indentation")
            text = self.lines[self.i][indent:]
            match = self.KEY.match(text)
            if not match:
                raise ValueError(f"line {self.i + 1}: not a 'key: value' line: {text!r}")
            key = self._scalar(match.group(1))
            if key in result:
                raise ValueError(f"line {self.i + 1}: duplicate key {key!r}")
            self.i += 1
            result[key] = self._value(text[match.end():], indent)

    def _value(self, rest: str, indent: int):
        rest = self._uncomment(rest).strip()
        if rest in ("|", "|-"):
            return self._literal(indent, keep_newline=rest == "|")
        if rest:
            return self._scalar(rest)
        self._skip()
        if self.i < len(self.lines) and self._indent() > indent:
            return self._block(self._indent())
        return None

    def _sequence(self, indent: int) -> list:
        items = []
        while True:
            self._skip()
            if self.i >= len(self.lines) or self._indent() < indent:
                return items
            text = self.lines[self.i][indent:]
            if self._indent() > indent or not (text == "-" or text.startswith("- ")):
                raise ValueError(f"line {self.i + 1}: expected a '- ' item")
            body = text[2:]
            if self.KEY.match(body):  # "- key: value" opens a mapping indented under the dash
                self.lines[self.i] = " " * (indent + 2) + body
                items.append(self._mapping(indent + 2))
            else:
                self.i += 1
                items.append(self._value(body, indent))

    def _literal(self, indent: int, keep_newline: bool) -> str:
        lines, block = [], None
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if line.strip():
                current = len(line) - len(line.lstrip(" "))
                if current <= indent:
                    break
                block = current if block is None else block
                if current < block:
                    raise ValueError(f"line {self.i + 1}: literal less indented than its first line")
                lines.append(line[block:])
            else:
                lines.append("")
            self.i += 1
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines) + ("\n" if keep_newline and lines else "")

    @staticmethod
    def _uncomment(text: str) -> str:
        quote = None
        for index, char in enumerate(text):
            if quote:
                quote = None if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char == "#" and (index == 0 or text[index - 1] in " \t"):
                return text[:index]
        return text

    def _scalar(self, text: str):
        text = self._uncomment(text).strip()
        if text.startswith('"'):
            if not text.endswith('"') or len(text) < 2:
                raise ValueError(f"unterminated string {text!r}")
            return json.loads(text)
        if text.startswith("'"):
            if not text.endswith("'") or len(text) < 2:
                raise ValueError(f"unterminated string {text!r}")
            return text[1:-1].replace("''", "'")
        if text.startswith("["):
            if not text.endswith("]"):
                raise ValueError(f"unterminated list {text!r}")
            inner = text[1:-1].strip()
            return [self._scalar(item) for item in inner.split(",")] if inner else []
        if text[:1] in set("{&*!|>%@`]}"):
            raise ValueError(f"unsupported YAML: {text!r}")
        if text in ("true", "false"):
            return text == "true"
        if text in ("", "~", "null"):
            return None
        if re.fullmatch(r"-?\d+", text):
            return int(text)
        return text


def _load_yaml(text: str):
    try:
        import yaml
    except ImportError:
        return MiniYAML.load(text)
    value = yaml.safe_load(text)
    assert MiniYAML.load(text) == value  # the fallback reads it the same way
    return value


def test_mini_yaml_reader_is_strict():
    assert MiniYAML.load("a:\n  - b: 1\n    c: [x, 'y z']\n  - d\ne: |\n  one\n  two\n") == \
        {"a": [{"b": 1, "c": ["x", "y z"]}, "d"], "e": "one\ntwo\n"}
    for bad in ("a:\n\tb: 1\n", "a: 1\n  b: 2\n", "a: {b: 1}\n", "a: 1\na: 2\n", "- a\nb: 1\n", "a: &x 1\n"):
        with pytest.raises(ValueError):
            MiniYAML.load(bad)


def test_github_workflow_is_valid_yaml_with_a_matrix_of_problems():
    workflow = _load_yaml((EXAMPLES / "github-actions" / "drill.yml").read_text())
    assert set(workflow) >= {"name", "on", "jobs"}
    assert "push" in workflow["on"]
    check = workflow["jobs"]["check"]
    problems = check["strategy"]["matrix"]["problem"]
    assert problems and set(problems) <= set(SEED_PROBLEM_IDS)
    for job in workflow["jobs"].values():
        assert job["runs-on"].startswith("ubuntu")
        assert all(isinstance(step, dict) and ("uses" in step or "run" in step) for step in job["steps"])
    runs = "\n".join(step.get("run", "") for step in check["steps"])
    assert "drill check ${{ matrix.problem }}" in runs and "--format junit" in runs
    grade = "\n".join(step.get("run", "") for step in workflow["jobs"]["grade"]["steps"])
    assert "drill grade" in grade and "--out" in grade
