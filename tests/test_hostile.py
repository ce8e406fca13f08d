"""Hostile input: user solution files that hang, hog memory, flood the output, kill the worker, cheat,
import what they may not, mutate their inputs, return the wrong kind of value, or are not Python at all.

Every fixture lives in tests/fixtures/hostile/ (one file per behaviour). Most checks go through
`drill.judge.check` in this process; a few go through the real CLI (`python -m drill check ...`) in a
subprocess, where the exit code and stderr are part of the contract. Every check runs one fast case,
without timing, under a small time limit, so the whole file stays quick.

A test marked `xfail(strict=True)` asserts the *correct* behaviour for a drill bug that is still
open; when the bug is fixed the test XPASSes, fails as strict, and the mark must be removed.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from drill import judge
from drill.catalog import Catalog
from drill.sandbox import Limits

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hostile"
ROOT = Path(__file__).resolve().parent.parent
IOU_CASE = "partial_overlap_floats"        # tuples of floats: iou = 2.25 / 16.75
IOU_LIST_CASE = "partial_overlap_ints_list"  # lists: what a mutating solution can append to
IOU_ARRAY_CASE = "numpy_arrays"
BN_CASE = "basic_small"                    # x is a float64 (6, 4) array
MiB = 1024**2

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and Linux process semantics")


# ---------------------------------------------------------------- helpers


@pytest.fixture(autouse=True)
def drill_home(tmp_path, monkeypatch):
    """The progress store of every test (in-process and CLI alike) goes to a fresh folder."""
    home = tmp_path / "drill-home"
    monkeypatch.setenv("DRILL_HOME", str(home))
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture(scope="module")
def bank():
    return Catalog()


def fixture(name: str) -> Path:
    path = FIXTURES / name
    assert path.is_file(), path
    return path


def check(bank, problem_id: str, name: str | Path, case: str | None = None, timeout: float = 2.0,
          memory: int | None = None):
    """judge.check on one case, no timing; returns (report, elapsed seconds)."""
    path = name if isinstance(name, Path) else fixture(name)
    case = case or (BN_CASE if problem_id == "bn_forward" else IOU_CASE)
    limits = Limits(timeout=timeout)
    if memory is not None:
        limits.memory = memory
    start = time.monotonic()
    report = judge.check(bank.get(problem_id), path, limits=limits, timing=False, only_case=case)
    return report, time.monotonic() - start


def only_case(report):
    assert len(report.cases) == 1, report.cases
    return report.cases[0]


def assert_no_drill_traceback(*texts: str) -> None:
    """drill never shows a traceback of its own; the user's trimmed one says 'Traceback (your code)'."""
    for text in texts:
        for line in text.splitlines():
            if "Traceback" in line:
                assert "Traceback (your code)" in line, f"drill printed a traceback:\n{text[-3000:]}"
        assert "internal error" not in text, text[-3000:]


class CLIResult:
    def __init__(self, proc: subprocess.CompletedProcess, elapsed: float):
        self.code, self.stdout, self.stderr, self.elapsed = proc.returncode, proc.stdout, proc.stderr, elapsed

    def json(self) -> dict:
        return json.loads(self.stdout)


def cli(*args, cwd: Path, env: dict | None = None, timeout: float = 90, traceback_ok: bool = False) -> CLIResult:
    """Run the real `drill` command in a subprocess (it inherits DRILL_HOME from the fixture)."""
    full_env = dict(os.environ, NO_COLOR="1", COLUMNS="200")
    full_env.update(env or {})
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "drill", *map(str, args)], cwd=cwd, env=full_env,
                          capture_output=True, text=True, errors="replace", timeout=timeout,
                          stdin=subprocess.DEVNULL)
    result = CLIResult(proc, time.monotonic() - start)
    if not traceback_ok:
        assert_no_drill_traceback(result.stdout, result.stderr)
    return result


def cli_check(fixture_path: Path, *extra, problem: str = "iou", case: str | None = IOU_CASE, timeout: float = 2,
              cwd: Path, env: dict | None = None, **kwargs) -> CLIResult:
    args = ["check", problem, fixture_path, "--no-timing", "--timeout", timeout, *extra]
    if case:
        args += ["--case", case]
    return cli(*args, cwd=cwd, env=env, **kwargs)


# ---------------------------------------------------------------- processes a solution starts


def _stat_state(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return None
    return stat[stat.rfind(b")") + 2:].split()[0].decode()


def _has_tag(pid: int, tag: str) -> bool:
    try:
        with open(f"/proc/{pid}/environ", "rb") as handle:
            return f"DRILL_HOSTILE_TAG={tag}".encode() in handle.read().split(b"\0")
    except OSError:
        return False


class Spawned:
    """Tracks the processes a fixture starts: they inherit DRILL_HOSTILE_TAG (the worker inherits the
    judge's environment) and record their PIDs in DRILL_HOSTILE_PIDFILE."""

    def __init__(self, tmp_path: Path):
        self.tag = uuid.uuid4().hex
        self.pidfile = tmp_path / "hostile-pids.txt"

    @property
    def env(self) -> dict:
        return {"DRILL_HOSTILE_TAG": self.tag, "DRILL_HOSTILE_PIDFILE": str(self.pidfile)}

    def recorded(self) -> list[int]:
        if not self.pidfile.exists():
            return []
        return [int(line) for line in self.pidfile.read_text().split()]

    def alive(self, pid: int) -> bool:
        """Running (not gone, not a zombie) and still ours (the PID was not reused)."""
        state = _stat_state(pid)
        return state is not None and state != "Z" and _has_tag(pid, self.tag)

    def survivors(self) -> list[int]:
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) != os.getpid() and self.alive(int(entry)):
                found.append(int(entry))
        return found

    def survivors_after(self, grace: float = 0.5) -> list[int]:
        """Survivors once a short grace period has passed (a SIGKILL is delivered asynchronously)."""
        deadline = time.monotonic() + grace
        while True:
            left = self.survivors()
            if not left or time.monotonic() >= deadline:
                return left
            time.sleep(0.05)

    def kill_all(self, patience: float = 20.0) -> None:
        """Test cleanup: SIGKILL everything carrying the tag until nothing is left (or patience runs out)."""
        deadline, quiet = time.monotonic() + patience, 0
        while time.monotonic() < deadline and quiet < 5:
            left = self.survivors()
            quiet = 0 if left else quiet + 1
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            time.sleep(0.02)


@pytest.fixture
def spawned(tmp_path, monkeypatch):
    tracker = Spawned(tmp_path)
    for key, value in tracker.env.items():
        monkeypatch.setenv(key, value)
    yield tracker
    tracker.kill_all()


# ================================================================ wall-clock limit


TIMEOUT_FIXTURES = [
    # fixture, how many PIDs it records
    ("timeout_infinite_loop.py", 0),
    ("timeout_sleep.py", 0),
    ("timeout_ignores_signals.py", 0),
    ("timeout_catches_baseexception.py", 0),
    ("timeout_at_import.py", 0),
    ("timeout_subprocess_child.py", 2),
    ("timeout_fork_child.py", 1),
    ("timeout_double_fork_setsid.py", 1),
]


@linux_only
@pytest.mark.parametrize("name, recorded", TIMEOUT_FIXTURES, ids=[n for n, _ in TIMEOUT_FIXTURES])
def test_overrunning_solution_times_out_and_leaves_no_process_behind(bank, spawned, name, recorded):
    report, elapsed = check(bank, "iou", name, timeout=1.0)
    case = only_case(report)
    assert report.verdict == "timeout", case.message
    assert "time limit" in case.message and "1 s" in case.message
    assert elapsed < 20
    assert len(spawned.recorded()) == recorded  # the fixture really did start its children
    assert [pid for pid in spawned.recorded() if spawned.alive(pid)] == []
    assert spawned.survivors_after() == []


@linux_only
def test_timeout_through_the_cli_kills_a_setsid_daemon(tmp_path, spawned):
    result = cli_check(fixture("timeout_double_fork_setsid.py"), "--json", timeout=1, cwd=tmp_path, env=spawned.env)
    assert result.code == 1, result.stderr
    assert result.json()["verdict"] == "timeout"
    assert result.elapsed < 20
    assert len(spawned.recorded()) == 1
    assert spawned.survivors_after() == []


@linux_only
def test_daemon_left_by_a_correct_solution_is_killed_too(bank, spawned):
    report, _ = check(bank, "iou", "daemon_then_correct.py")
    assert report.verdict == "pass", only_case(report).message
    assert len(spawned.recorded()) == 1
    assert spawned.survivors_after() == []


@linux_only
def test_runaway_fork_chain_does_not_survive_the_check(bank, spawned):
    """Each process of the chain forks its successor and exits at once (in its own session): there is
    never one PID to kill, so the judge must keep reaping until the chain is gone."""
    report, elapsed = check(bank, "iou", "fork_chain.py", timeout=1.0)
    assert report.verdict == "timeout"
    assert elapsed < 20
    assert spawned.recorded()  # the chain started
    assert spawned.survivors_after(grace=1.0) == []


# ================================================================ memory


@pytest.mark.parametrize("name", ["memory_8gb.py", "memory_grow_touching.py", "memory_at_import.py"])
def test_memory_hog_gets_memory_verdict_fast(bank, name):
    report, elapsed = check(bank, "iou", name, timeout=10.0, memory=512 * MiB)
    case = only_case(report)
    assert report.verdict == "memory", case.message
    assert "memory" in case.message.lower() or "MemoryError" in case.message
    assert elapsed < 20


def test_memory_hog_through_the_cli(tmp_path):
    result = cli_check(fixture("memory_8gb.py"), "--memory", "512M", "--json", timeout=10, cwd=tmp_path)
    assert result.code == 1, result.stderr
    data = result.json()
    assert data["verdict"] == "memory"
    assert result.elapsed < 20


# ================================================================ output cap


def test_output_flood_is_capped_in_the_report(bank):
    report, elapsed = check(bank, "iou", "output_flood.py", timeout=15.0)
    assert report.verdict == "pass", only_case(report).message
    assert report.output_total >= 200 * MiB
    assert 0 < len(report.output_head.encode()) <= 16 * 1024
    assert elapsed < 20
    data = report.to_json()["output"]
    assert data["total_bytes"] == report.output_total
    assert data["cut_bytes"] >= 200 * MiB - 16 * 1024


def test_output_flood_through_the_cli_says_how_much_was_cut(tmp_path):
    text = cli_check(fixture("output_flood.py"), timeout=15, cwd=tmp_path)
    assert text.code == 0, text.stderr
    assert len(text.stdout) < 64 * 1024
    match = re.search(r"([\d,]+) more bytes cut", text.stdout)
    assert match, text.stdout[-2000:]
    assert int(match.group(1).replace(",", "")) >= 200 * MiB - 16 * 1024

    as_json = cli_check(fixture("output_flood.py"), "--json", timeout=15, cwd=tmp_path)
    assert as_json.code == 0, as_json.stderr
    output = as_json.json()["output"]
    assert output["cut_bytes"] > 0
    assert output["total_bytes"] >= 200 * MiB
    assert len(output["head"].encode()) <= 16 * 1024
    assert text.elapsed < 20 and as_json.elapsed < 20


@pytest.mark.parametrize("name, verdict", [("output_print_then_hang.py", "timeout"),
                                           ("output_print_then_segfault.py", "crash")])
def test_what_was_printed_before_a_timeout_or_crash_reaches_the_report(bank, name, verdict):
    report, _ = check(bank, "iou", name, timeout=1.0)
    assert report.verdict == verdict
    assert "debug: entered iou with" in report.output_head


def test_rich_markup_escapes_and_bad_utf8_in_output_and_messages_are_shown_as_text(tmp_path):
    result = cli_check(fixture("output_markup_and_binary.py"), timeout=5, cwd=tmp_path)
    assert result.code == 1, result.stderr
    assert "[bold red]not markup[/]" in result.stdout
    assert "[/] closing tag that was never opened" in result.stdout
    assert "invalid utf-8" in result.stdout
    assert result.stderr == ""


# ================================================================ the worker dying


CRASHES = [
    # fixture, verdict, words the message must contain (all of them)
    ("crash_segfault.py", "crash", ["SIGSEGV", "segmentation fault"]),
    ("crash_os_exit.py", "crash", ["code 3"]),
    ("crash_sys_exit_at_import.py", "crash", ["sys.exit(2)", "import"]),
    ("crash_sys_exit_in_call.py", "crash", ["sys.exit(7)"]),
    ("crash_sigkill_self.py", "crash", ["SIGKILL"]),
    ("crash_abort.py", "crash", ["SIGABRT"]),
    ("crash_closes_channel.py", "crash", ["worker"]),
    ("recursion_through_c.py", "crash", ["SIGSEGV"]),
    ("recursion_plain.py", "error", ["RecursionError"]),
]


@pytest.mark.parametrize("name, verdict, words", CRASHES, ids=[c[0] for c in CRASHES])
def test_dying_worker_is_a_crash_or_error_never_a_hang(bank, name, verdict, words):
    report, elapsed = check(bank, "iou", name, timeout=5.0)
    case = only_case(report)
    assert report.verdict == verdict, case.message
    for word in words:
        assert word in case.message, case.message
    assert elapsed < 20


def test_segfault_through_the_cli(tmp_path):
    result = cli_check(fixture("crash_segfault.py"), "--json", cwd=tmp_path)
    assert result.code == 1, result.stderr
    data = result.json()
    assert data["verdict"] == "crash"
    assert "SIGSEGV" in data["cases"][0]["message"]


def test_recursion_a_million_deep_is_an_error_not_a_timeout(bank):
    report, elapsed = check(bank, "iou", "recursion_raised_limit.py", timeout=8.0)
    case = only_case(report)
    assert report.verdict in ("error", "crash"), case.message
    assert elapsed < 20


@pytest.mark.parametrize("name", [
    pytest.param("exception_unprintable.py", id="in-call"),
    pytest.param("exception_unprintable_at_import.py", id="at-import"),
])
def test_exception_whose_str_raises_is_an_error_naming_its_type(bank, name):
    report, _ = check(bank, "iou", name)
    assert report.verdict == "error"
    assert "Unprintable" in only_case(report).message
    assert "worker.py" not in report.output_head


# ================================================================ integrity


@pytest.mark.parametrize("name, verdicts", [
    # np.allclose/isclose/array_equal/isfinite/abs, math.isclose/isfinite, abs: judged, and wrong
    ("integrity_patches_numpy.py", {"wrong"}),
    # the same plus np.testing.assert_allclose & co (importing numpy.testing may get it rejected instead)
    ("integrity_patches_checkers.py", {"wrong", "rejected"}),
    # isinstance, len, abs, float, callable: may break the worker itself, which is fine
    ("integrity_patches_builtins.py", {"wrong", "error", "crash"}),
    # a float subclass that is equal and close to everything
    ("integrity_liar_float.py", {"wrong"}),
    # a forged {"event": "done", "status": "ok"} line on the worker's result channel
    ("integrity_forged_success.py", {"wrong"}),
], ids=lambda value: value if isinstance(value, str) else None)
def test_cheating_wrong_solution_never_passes(bank, name, verdicts):
    report, elapsed = check(bank, "iou", name)
    assert not report.passed
    assert report.verdict != "pass"
    assert report.verdict in verdicts, only_case(report).message
    assert elapsed < 20


def test_forged_success_line_through_the_cli_fails(tmp_path):
    result = cli_check(fixture("integrity_forged_success.py"), "--json", cwd=tmp_path)
    assert result.code == 1, result.stderr
    assert result.json()["verdict"] == "wrong"


def _planted(name: str, what: str):
    """A result file the solution plants where the judge might read it: {what}."""
    return pytest.param(name, id=name)


@pytest.mark.parametrize("name", [
    _planted("integrity_forged_result_file.py",
             "a .npy header claiming a 1 TiB array makes np.load raise MemoryError"),
    _planted("integrity_forged_bad_zip.py", "a corrupt zip makes np.load raise zipfile.BadZipFile"),
])
def test_planted_result_file_never_crashes_the_judge(tmp_path, name):
    result = cli_check(fixture(name), cwd=tmp_path)
    assert result.code == 1, result.stderr
    assert "FAILED" in result.stdout and result.stderr == ""


@linux_only
def test_swapping_the_work_folder_for_a_symlink_neither_crashes_nor_deletes_through_it(tmp_path, spawned):
    canary = tmp_path / "canary"
    canary.mkdir()
    (canary / "precious.txt").write_text("keep me")
    note = spawned.pidfile.parent / "workdir.txt"
    try:
        result = cli_check(fixture("integrity_swaps_workdir.py"), cwd=tmp_path, traceback_ok=True,
                           env={**spawned.env, "DRILL_HOSTILE_CANARY": str(canary)})
        assert (canary / "precious.txt").read_text() == "keep me"
        assert_no_drill_traceback(result.stdout, result.stderr)
        assert result.code == 1, result.stderr
        assert "FAILED" in result.stdout
    finally:
        if note.exists() and os.path.islink(note.read_text()):
            os.unlink(note.read_text())  # the dangling symlink drill leaves in the temporary folder


def _forged(message) -> str:
    return message if isinstance(message, str) else json.dumps(message)


def _done(result, status="ok") -> dict:
    return {"event": "done", "task": 0, "status": status, "result": result}


FLOAT = {"type": "float", "value": 0.5}
# A line the solution writes on the result channel: the judge must stay up and judge the case anyway.
FORGED_LINES = [
    ("bare_nan", '{"event":"done","task":0,"status":"ok","result":{"outputs":{"iou":{"type":"float","value":NaN}}}}',
     None),
    ("status_not_a_string", _done({}, status=["ok"]), None),
    ("result_not_a_dict", _done([1], status="error"), None),
    ("task_not_an_int", {"event": "done", "task": [0], "status": "ok", "result": {}}, None),
    ("message_not_a_string", _done({"exc_type": "X", "message": {"a": 1}}, status="error"), None),
    ("outputs_a_list", _done({"outputs": []}), "Sandbox/judge trust the shape of `outputs` (list.items())"),
    ("inputs_after_a_list", _done({"outputs": {"iou": FLOAT}, "inputs_after": [1]}),
     "judge._judge_case calls .items() on `inputs_after`"),
    ("dict_items_a_list", _done({"outputs": {"iou": {"type": "dict", "items": [1, 2]}}}),
     "judge.decode_value calls .items() on `items`"),
    ("list_items_an_int", _done({"outputs": {"iou": {"type": "list", "items": 5}}}),
     "judge.decode_value iterates `items`"),
    ("npscalar_key_a_dict", _done({"outputs": {"iou": {"type": "npscalar", "key": {"a": 1}}}}),
     "judge.decode_value uses `key` as a dict key (unhashable)"),
    ("int_too_large", _done({"outputs": {"iou": {"type": "int", "value": 10**400}}}),
     "compare.same_value, called by diagnosis, does float(10**400): OverflowError"),
    ("seconds_a_string", _done({"outputs": {"iou": FLOAT}, "seconds": "fast"}),
     "report.render formats `seconds` as a number"),
    ("traceback_an_int", _done({"exc_type": "X", "message": "m", "traceback": 5}, status="error"),
     "report._failure_body calls .rstrip() on `traceback`"),
    ("violations_a_string", _done({"violations": "x"}, status="rejected"),
     "judge._failure_message indexes `violations` as a list of dicts"),
    ("violation_without_line", _done({"violations": [{}]}, status="rejected"),
     "judge._failure_message raises KeyError, which cli.check takes for an unknown --case"),
    ("deeply_nested_json", "[" * 5000 + "]" * 5000,
     "Sandbox._wait_message catches only ValueError from json.loads, not RecursionError"),
]


def _forged_params():
    for name, line, bug in FORGED_LINES:
        yield pytest.param(_forged(line), id=name)


@pytest.mark.parametrize("line", list(_forged_params()))
def test_forged_malformed_channel_line_never_crashes_the_judge(tmp_path, line):
    result = cli_check(fixture("integrity_forged_line.py"), cwd=tmp_path, env={"DRILL_HOSTILE_FORGED_LINE": line})
    assert result.code == 1, result.stderr
    assert result.stderr == ""
    assert "FAILED" in result.stdout
    assert result.elapsed < 20


# ================================================================ the import rule


IMPORTS = [
    # fixture, module named in the message, line named in the message
    ("import_torch_top.py", "torch", 3),
    ("import_scipy_in_function.py", "scipy", 6),
    ("import_drill_top.py", "drill", 2),
    ("import_from_drill_in_function.py", "drill", 5),
    ("import_dunder_drill.py", "drill", 5),
    ("import_dunder_drill_swallowed.py", "drill", 3),
    ("import_importlib_pandas.py", "pandas", 4),
]


@pytest.mark.parametrize("name, module, line", IMPORTS, ids=[i[0] for i in IMPORTS])
def test_forbidden_import_is_rejected_naming_module_and_line(bank, name, module, line):
    report, _ = check(bank, "iou", name)
    case = only_case(report)
    assert report.verdict == "rejected", case.message
    assert f"'{module}'" in case.message
    assert f"line {line}" in case.message


def test_forbidden_import_through_the_cli(tmp_path):
    result = cli_check(fixture("import_torch_top.py"), cwd=tmp_path)
    assert result.code == 1
    assert "rejected" in result.stdout and "'torch'" in result.stdout and "line 3" in result.stdout


def test_removing_the_import_hook_does_not_lift_the_import_rule(bank):
    report, _ = check(bank, "iou", "integrity_disables_import_guard.py")
    assert report.verdict == "rejected"
    assert "'rich'" in only_case(report).message


@pytest.mark.parametrize("name", [
    "legit_import_pickle.py",
    "legit_import_copy.py",  # the standard library's own optional `org.python.core` probe is not the user's
    "legit_import_dataclasses.py",
    "legit_import_numpy_testing.py",
])
def test_standard_library_and_numpy_imports_are_allowed(bank, name):
    report, _ = check(bank, "iou", name)
    assert report.verdict == "pass", only_case(report).message


# ================================================================ inputs must not be modified


MUTATIONS = [
    # problem, fixture, case, the argument named in the message
    ("bn_forward", "mutates_bn_x.py", BN_CASE, "x"),
    ("bn_forward", "mutates_bn_gamma.py", BN_CASE, "gamma"),
    ("iou", "mutates_iou_list_append.py", IOU_LIST_CASE, "box_a"),
    ("iou", "mutates_iou_list_item.py", IOU_LIST_CASE, "box_b"),
    ("iou", "mutates_iou_array.py", IOU_ARRAY_CASE, "box_a"),
]


@pytest.mark.parametrize("problem, name, case, argument", MUTATIONS, ids=[m[1] for m in MUTATIONS])
def test_modifying_an_input_is_wrong_and_names_the_argument(bank, problem, name, case, argument):
    report, _ = check(bank, problem, name, case=case)
    message = only_case(report).message
    assert report.verdict == "wrong", message
    assert f"`{argument}`" in message
    assert "modified" in message


# ================================================================ wrong result types


RETURNS = [
    # problem, fixture, words the message must contain
    ("iou", "returns_iou_none.py", ["None"]),
    ("iou", "returns_iou_str.py", ["str"]),
    ("iou", "returns_iou_int.py", ["int"]),
    ("iou", "returns_iou_bool.py", ["bool"]),
    ("iou", "returns_iou_nan.py", ["nan"]),
    ("iou", "returns_iou_inf.py", ["inf"]),
    ("iou", "returns_iou_float32.py", ["float32"]),
    ("iou", "returns_iou_list.py", ["list"]),
    ("bn_forward", "returns_bn_none.py", ["None"]),
    ("bn_forward", "returns_bn_only_out.py", ["tuple", "(out, cache)"]),
    ("bn_forward", "returns_bn_one_tuple.py", ["1 values", "expected 2"]),
    ("bn_forward", "returns_bn_transposed.py", ["shape", "(4, 6)", "(6, 4)"]),
    ("bn_forward", "returns_bn_nan.py", ["NaN"]),
    ("bn_forward", "returns_bn_inf.py", ["Inf"]),
    ("bn_forward", "returns_bn_float32.py", ["float32", "float64"]),
    ("bn_forward", "returns_bn_int.py", ["int64"]),
    ("bn_forward", "returns_bn_list.py", ["list", "np.array"]),
    pytest.param("iou", "returns_iou_huge_int.py", ["int"], id="returns_iou_huge_int.py"),
]


@pytest.mark.parametrize("problem, name, words", RETURNS,
                         ids=[r[1] if isinstance(r, tuple) else None for r in RETURNS])
def test_wrong_result_type_is_wrong_with_a_sentence_saying_so(bank, problem, name, words):
    report, _ = check(bank, problem, name)
    message = only_case(report).message
    assert report.verdict == "wrong", message
    for word in words:
        assert word in message, message


# ================================================================ the user's file


def test_syntax_error_is_rejected_with_line_column_and_the_line(bank):
    report, _ = check(bank, "iou", "syntax_error.py")
    message = only_case(report).message
    assert report.verdict == "rejected"
    assert "line 9" in message and "column 8" in message
    assert "if union = 0:" in message


@pytest.mark.parametrize("name, found", [("misnamed_IoU.py", "IoU"), ("misnamed_iou_naive.py", "iou_naive")])
def test_missing_function_is_rejected_with_a_did_you_mean(bank, name, found):
    report, _ = check(bank, "iou", name)
    message = only_case(report).message
    assert report.verdict == "rejected"
    assert "`iou`" in message and f"`{found}`" in message and "did you mean" in message


@pytest.mark.parametrize("name, error, user_lines", [
    ("exception_in_call.py", "ZeroDivisionError", ["line 5, in _ratio", "line 9, in _helper", "line 13, in iou"]),
    ("exception_in_numpy.py", "ValueError", ["line 7, in iou"]),
])
def test_exception_is_an_error_with_a_traceback_of_the_users_frames_only(bank, name, error, user_lines):
    report, _ = check(bank, "iou", name)
    case = only_case(report)
    assert report.verdict == "error"
    assert case.message.startswith(error)
    assert case.traceback.startswith("Traceback (your code)")
    for line in user_lines:
        assert line in case.traceback
    frames = re.findall(r'File "([^"]+)"', case.traceback)
    assert frames and set(frames) == {str(fixture(name))}
    assert "worker.py" not in case.traceback and "importlib" not in case.traceback


def test_exception_at_import_is_an_error_with_the_users_frame(bank):
    report, _ = check(bank, "iou", "exception_at_import.py")
    assert report.verdict == "error"
    assert "KeyError" in only_case(report).message and "import" in only_case(report).message
    assert "line 4, in <module>" in report.traceback
    assert set(re.findall(r'File "([^"]+)"', report.traceback)) == {str(fixture("exception_at_import.py"))}


def test_exception_through_the_cli_shows_only_the_users_traceback(tmp_path):
    result = cli_check(fixture("exception_in_call.py"), cwd=tmp_path)
    assert result.code == 1
    assert "Traceback (your code)" in result.stdout
    assert "worker.py" not in result.stdout and "sandbox.py" not in result.stdout


# ================================================================ the CLI


@pytest.mark.parametrize("args, words", [
    (["check", "iou", "does_not_exist.py"], ["does_not_exist.py", "does not exist"]),
    (["check", "iou", "a_directory"], ["a_directory", "directory"]),
    (["check", "no_such_problem", "solution.py"], ["unknown problem", "no_such_problem"]),
    (["check", "iou", "solution.py", "--case", "no_such_case"], ["no_such_case"]),
], ids=["missing-file", "directory", "unknown-problem", "unknown-case"])
def test_usage_errors_exit_2_with_one_drill_line_on_stderr(tmp_path, args, words):
    (tmp_path / "a_directory").mkdir()
    shutil.copy(ROOT / "solutions" / "iou" / "loop.py", tmp_path / "solution.py")
    result = cli(*args, cwd=tmp_path)
    assert result.code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drill:"), result.stderr
    for word in words:
        assert word in lines[0]
    assert result.stdout == ""


@pytest.mark.parametrize("name, words", [
    ("empty.py", ["empty.py is empty"]),
    ("whitespace_only.py", ["whitespace_only.py is empty"]),
    ("not_utf8.py", ["not_utf8.py is not UTF-8", "0xff"]),
    ("syntax_error.py", ["syntax error at line 9"]),
])
def test_unrunnable_file_is_judged_rejected_with_a_one_line_reason(tmp_path, name, words):
    as_json = cli_check(fixture(name), "--json", cwd=tmp_path)
    assert as_json.code == 1, as_json.stderr
    data = as_json.json()
    assert data["verdict"] == "rejected" and data["passed"] is False
    for word in words:
        assert word in data["message"]
    text = cli_check(fixture(name), cwd=tmp_path)
    assert text.code == 1 and text.stderr == ""
    assert "rejected" in text.stdout and words[0] in text.stdout


def test_null_byte_is_rejected_with_a_clear_reason(bank):
    report, _ = check(bank, "iou", "null_byte.py")
    message = only_case(report).message
    assert report.verdict == "rejected"
    assert "null" in message
    assert "None" not in message


@linux_only
@pytest.mark.xfail(reason="drill bug (design): the worker runs as the same user as the judge, in the same PID "
                          "namespace, so os.kill(os.getppid(), SIGKILL) kills drill itself", strict=True)
def test_solution_that_kills_its_parent_does_not_kill_drill(tmp_path, spawned):
    note = spawned.pidfile.parent / "workdir.txt"
    try:
        result = cli_check(fixture("kills_the_judge.py"), cwd=tmp_path, env=spawned.env)
        assert result.code == 1, f"drill exited with {result.code}"
        assert "FAILED" in result.stdout
    finally:
        spawned.kill_all()
        workdir = Path(note.read_text()) if note.exists() else None
        if workdir and workdir.name.startswith("drill-") and (workdir / "job.json").is_file():
            shutil.rmtree(workdir, ignore_errors=True)  # the job folder a killed judge could not remove


# ================================================================ drill never writes to the user's file


def _snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("source, extra", [
    (ROOT / "solutions" / "iou" / "loop.py", ["--case", IOU_CASE]),
    (ROOT / "solutions" / "iou" / "loop.py", []),  # every case and the timing table: user code runs there too
    (FIXTURES / "exception_in_call.py", ["--case", IOU_CASE]),
    (FIXTURES / "syntax_error.py", ["--case", IOU_CASE]),
    (FIXTURES / "import_dunder_drill.py", ["--case", IOU_CASE]),
], ids=["correct", "correct-all-cases-and-timing", "exception", "syntax-error", "runtime-import"])
def test_check_never_writes_next_to_or_into_the_solution(tmp_path, source, extra):
    folder = tmp_path / "work"
    folder.mkdir()
    solution = folder / "solution.py"
    shutil.copy(source, solution)
    before = _snapshot(folder)
    result = cli("check", "iou", solution, "--timeout", 5, *extra, cwd=folder)
    assert result.code in (0, 1), result.stderr
    assert _snapshot(folder) == before
    assert not list(folder.rglob("__pycache__")) and not list(folder.rglob("*.pyc"))


def test_check_records_progress_in_drill_home_only(tmp_path, drill_home):
    folder = tmp_path / "work"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "iou" / "correct_numpy.py", folder / "solution.py")
    result = cli_check(folder / "solution.py", cwd=folder)
    assert result.code == 0, result.stderr
    assert (drill_home / "progress.db").is_file()
    assert sorted(p.name for p in folder.iterdir()) == ["solution.py"]


def test_start_refuses_to_overwrite_an_existing_file(tmp_path):
    solution = tmp_path / "mine.py"
    shutil.copy(fixture("exception_in_call.py"), solution)
    before = (solution.read_bytes(), solution.stat().st_mtime_ns)
    result = cli("start", "iou", solution, cwd=tmp_path)
    assert result.code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drill:") and "--force" in lines[0]
    assert (solution.read_bytes(), solution.stat().st_mtime_ns) == before

    forced = cli("start", "iou", solution, "--force", cwd=tmp_path)
    assert forced.code == 0, forced.stderr
    assert solution.read_bytes() != before[0]
