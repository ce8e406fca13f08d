"""The practice loop through the CLI: watch, ./ID.py defaults, reset, mock interviews, list and stats,
what is recorded (never a shipped reference), the progress store's warnings, colours and widths,
shell completion."""
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
MY_IOU = FIXTURES / "iou" / "correct_numpy.py"  # a correct file that is not a shipped reference
WRONG_IOU = FIXTURES / "iou" / "wrong_plus_one_pixels.py"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def drill(*args, cwd=None, env=None, timeout=120):
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "drill", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=full_env, timeout=timeout)


def listed(run):
    return {r["id"]: r for r in json.loads(run("list", "--json").output)}


# ---------------------------------------------------------------- drill watch


class Reader:
    """Collects a subprocess's output in a thread, so the test can wait for a line."""

    def __init__(self, stream):
        self.text = ""
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream):
        for chunk in iter(lambda: stream.read1(4096) if hasattr(stream, "read1") else stream.read(1), b""):
            self.text += chunk.decode("utf-8", "replace")

    def wait_for(self, needle, count=1, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.text.count(needle) >= count:
                return True
            time.sleep(0.05)
        raise AssertionError(f"never saw {needle!r} x{count} in:\n{self.text}")


def save_by_rename(path, text):
    """How many editors save: write a new file, then rename it over the old one (new inode)."""
    tmp = path.with_name(path.name + ".swp")
    tmp.write_text(text)
    os.replace(tmp, path)


def start_watch(tmp_path, *args):
    proc = subprocess.Popen([sys.executable, "-m", "drill", "watch", *args], cwd=tmp_path, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=dict(os.environ))
    return proc, Reader(proc.stdout)


def test_watch_checks_again_after_a_save_by_rename(tmp_path):
    (tmp_path / "iou.py").write_text(WRONG_IOU.read_text())
    proc, out = start_watch(tmp_path, "iou", "--max-runs", "2")
    out.wait_for("watching iou.py")
    assert "FAILED" in out.text and "timing" not in out.text  # no timing (nor a word on it) until all pass
    save_by_rename(tmp_path / "iou.py", MY_IOU.read_text())
    assert proc.wait(timeout=60) == 0, out.text
    time.sleep(0.2)
    assert "run 2" in out.text and "PASSED all" in out.text
    assert "timing" in out.text.split("run 2")[1]  # timed once all cases pass
    assert "Traceback" not in out.text


def test_watch_sees_an_in_place_save_and_ctrl_c_exits_0(tmp_path):
    target = tmp_path / "mine.py"
    target.write_text(WRONG_IOU.read_text())
    proc, out = start_watch(tmp_path, "iou", "mine.py")
    out.wait_for("watching mine.py")
    with open(target, "a") as handle:  # same inode, new size and time
        handle.write("\n# edited\n")
    out.wait_for("watching mine.py", count=2)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 0
    time.sleep(0.2)
    assert "run 2" in out.text and "Stopped watching" in out.text and "Traceback" not in out.text


def test_watch_without_file_uses_id_dot_py_or_says_how_to_start(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("watch", "iou")
    assert result.exit_code == 2 and "drill start iou" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pseudo-terminal")
def test_watch_h_enter_shows_the_next_hint(tmp_path, catalog):
    import pty
    import select

    (tmp_path / "iou.py").write_text(WRONG_IOU.read_text())
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "drill", "watch", "iou", "--max-runs", "2"], cwd=tmp_path,
                            stdin=slave, stdout=slave, stderr=slave, env=dict(os.environ, COLUMNS="120"))
    os.close(slave)
    output, sent, saved, deadline = b"", False, False, time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                output += os.read(master, 65536)
            except OSError:
                break
        text = ANSI.sub("", output.decode("utf-8", "replace"))
        if not sent and "Ctrl-C to stop" in text:
            os.write(master, b"h\r")
            sent = True
        if sent and not saved and "Hint 1/" in text:
            save_by_rename(tmp_path / "iou.py", MY_IOU.read_text())
            saved = True
    proc.wait(timeout=30)
    os.close(master)
    text = ANSI.sub("", output.decode("utf-8", "replace"))
    assert f"Hint 1/{len(catalog.get('iou').hints)}: {catalog.get('iou').hints[0]}"[:60] in text
    assert proc.returncode == 0 and "PASSED all" in text


# ---------------------------------------------------------------- ./ID.py defaults, the forgotten id


def test_check_without_file_uses_id_dot_py(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", "iou")
    assert result.exit_code == 2
    assert result.output.strip() == ("drill: no FILE given and ./iou.py does not exist; `drill start iou` writes a "
                                     "skeleton there (or give the file: drill check iou FILE).")
    (tmp_path / "iou.py").write_text(MY_IOU.read_text())
    result = run("check", "iou", "--no-timing")
    assert result.exit_code == 0 and "PASSED" in result.output


def test_start_without_file_refuses_an_existing_id_dot_py_and_says_check(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("start", "iou").exit_code == 0
    result = run("start", "iou")
    assert result.exit_code == 2 and "already exists" in result.output and "drill check iou" in result.output


@pytest.mark.parametrize("problem_id", ["iou", "bn_backward", "conv_backward", "bn_forward", "softmax_loss"])
def test_check_with_only_a_file_guesses_the_id_from_its_functions(run, tmp_path, monkeypatch, catalog, problem_id):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my.py").write_text(catalog.get(problem_id).skeleton_path.read_text())
    result = run("check", "my.py")
    assert result.exit_code == 2
    assert result.output.strip() == f"drill: give the problem id first: drill check {problem_id} my.py"
    result = run("watch", "my.py")
    assert result.output.strip() == f"drill: give the problem id first: drill watch {problem_id} my.py"


def test_check_with_file_and_id_swapped_says_so(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "answer.py").write_text("def helper():\n    pass\n")
    result = run("check", "answer.py", "iou")
    assert result.exit_code == 2 and result.output.strip() == "drill: give the problem id first: drill check iou answer.py"
    result = run("check", "answer.py")
    assert result.exit_code == 2 and "drill check ID answer.py" in result.output


# ---------------------------------------------------------------- what is recorded


def test_the_readme_main_command_does_not_mark_the_problem_passed(run):
    result = run("check", "bn_backward", ROOT / "solutions" / "bn_backward" / "vectorized.py", "--no-timing")
    assert result.exit_code == 0
    assert "shipped reference solution" in result.output and "nothing recorded" in result.output
    assert listed(run)["bn_backward"]["status"] == "new"


def test_a_copy_of_a_reference_is_not_recorded_either(run, tmp_path):
    copy = tmp_path / "mine.py"
    copy.write_text((ROOT / "solutions" / "iou" / "loop.py").read_text() + "\n\n")
    result = run("check", "iou", copy, "--no-timing")
    assert result.exit_code == 0 and "copy of the loop reference" in result.output
    assert listed(run)["iou"]["status"] == "new"
    run("check", "iou", MY_IOU, "--no-timing")
    assert listed(run)["iou"]["status"] == "passed"


# ---------------------------------------------------------------- drill reset


def test_reset_forgets_checks_and_hints_with_yes_and_refuses_without_a_terminal(run):
    run("check", "iou", WRONG_IOU, "--no-timing")
    run("hint", "iou")
    run("check", "bn_forward", WRONG_IOU, "--no-timing")
    row = listed(run)["iou"]
    assert row["attempts"] == 1 and row["hints"] == 1
    result = run("reset", "iou")
    assert result.exit_code == 2 and "--yes" in result.output and len(result.output.strip().splitlines()) == 1
    assert listed(run)["iou"]["attempts"] == 1
    result = run("reset", "iou", "--yes")
    assert result.exit_code == 0 and "Forgot 1 check and 1 hint" in result.output
    rows = listed(run)
    assert rows["iou"]["status"] == "new" and rows["iou"]["hints"] == 0 and rows["iou"]["attempts"] == 0
    assert rows["bn_forward"]["attempts"] == 1  # only that problem
    assert "Hint 1/" in run("hint", "iou").output


# ---------------------------------------------------------------- drill mock


@pytest.fixture
def seed_bank(tmp_path_factory, monkeypatch):
    """The five seed problems only: the mock tests count on which problems a topic or a difficulty holds."""
    import shutil

    from conftest import SEED_PROBLEM_IDS

    root = tmp_path_factory.mktemp("seed-bank")
    for problem in SEED_PROBLEM_IDS:
        shutil.copytree(ROOT / "problems" / problem, root / "problems" / problem)
        shutil.copytree(ROOT / "solutions" / problem, root / "solutions" / problem)
    monkeypatch.setenv("DRILL_BANK", str(root))
    return root


def _set_mock_start(drill_home, seconds_ago):
    with sqlite3.connect(drill_home / "progress.db") as db:
        db.execute("UPDATE mocks SET started = ? WHERE ended IS NULL", (time.time() - seconds_ago,))


def test_mock_round_refuses_hints_reports_time_and_records_the_pass(run, tmp_path, monkeypatch, drill_home, catalog,
                                                                    seed_bank):
    monkeypatch.chdir(tmp_path)
    result = run("mock", "--topic", "detection")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "iou.py").read_text() == catalog.get("iou").skeleton_path.read_text()
    assert catalog.get("iou").statement().splitlines()[0] in result.output and "45:00" in result.output
    for command in (["hint", "iou"], ["show", "bn_forward", "--yes"], ["hint", "conv_forward", "--all"]):
        result = run(*command)
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "left" in lines[0] and "drill mock --stop" in lines[0], lines
    assert "a mock interview is already running" in run("mock").output
    _set_mock_start(drill_home, 12 * 60 + 31)
    result = run("check", "iou", "--no-timing")
    assert result.exit_code == 1 and "mock: 12:31 of 45:00 used" in result.output
    (tmp_path / "iou.py").write_text(MY_IOU.read_text())
    result = run("check", "iou", "--no-timing")
    assert result.exit_code == 0 and "mock: 12:3" in result.output and "passed in 12:3" in result.output
    assert run("hint", "iou").exit_code == 0  # the round is over
    data = json.loads(run("stats", "--json").output)
    assert len(data["mocks"]) == 1 and data["mocks"][0]["passed"] is True
    assert 12 * 60 + 30 <= data["mocks"][0]["seconds_to_pass"] < 13 * 60
    assert listed(run)["iou"]["status"] == "passed"


def test_mock_ends_when_the_time_is_up_and_the_next_command_says_so(run, tmp_path, monkeypatch, drill_home):
    monkeypatch.chdir(tmp_path)
    assert run("mock", "--minutes", "30", "--pick", "relu_backward").exit_code == 0
    _set_mock_start(drill_home, 31 * 60)
    result = run("hint", "relu_backward")
    assert "time is up for relu_backward (30:00); not passed" in result.output
    assert result.exit_code == 0 and "Hint 1/" in result.output
    data = json.loads(run("stats", "--json").output)
    assert data["mocks"][0]["passed"] is False and data["mocks"][0]["how"] == "time up"


def test_mock_stop_and_filters_and_never_overwriting(run, tmp_path, monkeypatch, seed_bank):
    monkeypatch.chdir(tmp_path)
    result = run("mock", "--difficulty", "hard")
    assert result.exit_code == 0 and (tmp_path / "conv_backward.py").exists()
    result = run("mock", "--stop")
    assert result.exit_code == 0 and "stopped the round on conv_backward" in result.output
    assert "No mock interview is running" in run("mock", "--stop").output
    result = run("mock", "--difficulty", "hard")  # ./conv_backward.py exists: never overwritten
    assert result.exit_code == 2 and "never overwrites" in result.output
    result = run("mock", "--topic", "detectoin")
    assert result.exit_code == 2 and "Did you mean 'detection'?" in result.output


def test_mock_picks_only_problems_not_passed(run, tmp_path, monkeypatch, seed_bank):
    monkeypatch.chdir(tmp_path)
    run("check", "iou", MY_IOU, "--no-timing")
    result = run("mock", "--topic", "detection")
    assert result.exit_code == 2 and "passed already" in result.output


# ---------------------------------------------------------------- drill list and drill stats


def test_list_summary_attempts_hints_and_filters(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    run("check", "iou", WRONG_IOU, "--no-timing")
    run("check", "iou", MY_IOU)
    run("check", "bn_forward", WRONG_IOU, "--no-timing")
    run("hint", "bn_forward")
    result = run("list")
    total = len(listed(run))
    assert f"1/{total} passed, 1 attempted" in result.output
    row = listed(run)["iou"]
    assert row["attempts"] == 2 and row["best_seconds"] > 0 and row["best_size"]
    assert f"@ {row['best_size']}" in result.output  # the size the best time was taken at
    assert listed(run)["bn_forward"]["hints"] == 1
    only = run("list", "--status", "attempted")
    assert "bn_forward" in only.output and "iou " not in only.output and "0/1 passed, 1 attempted" in only.output
    assert "bn_backward" not in run("list", "--topic", "detection").output
    hard = json.loads(run("list", "--difficulty", "hard", "--json").output)
    assert hard and all(r["difficulty"] == "hard" for r in hard)


def test_list_at_80_columns_never_truncates_an_id(catalog):
    for env in ({"COLUMNS": "80"}, {"COLUMNS": "80", "FORCE_COLOR": "1"}):
        result = drill("list", env=env)
        text = ANSI.sub("", result.stdout)
        assert max(len(line) for line in text.splitlines()) <= 80
        for problem_id in catalog.ids:
            assert re.search(rf"(^|[\s|]){problem_id}([\s|]|$)", text, re.M), (problem_id, text)
        assert "…" not in text


def test_old_progress_store_is_migrated(run, drill_home):
    drill_home.mkdir(parents=True)
    with sqlite3.connect(drill_home / "progress.db") as db:  # the first release's schema
        db.executescript("""
            CREATE TABLE checks (id INTEGER PRIMARY KEY, problem TEXT NOT NULL, file TEXT NOT NULL,
                passed INTEGER NOT NULL, verdict TEXT NOT NULL, seed INTEGER NOT NULL, seconds REAL,
                created REAL NOT NULL);
            CREATE TABLE hints (problem TEXT PRIMARY KEY, shown INTEGER NOT NULL);
            INSERT INTO checks (problem, file, passed, verdict, seed, seconds, created)
                VALUES ('iou', 'old.py', 1, 'pass', 231, 1e-9, 1000.0);""")
    row = listed(run)["iou"]
    assert row["status"] == "passed" and row["best_seconds"] == 1e-9 and row["best_size"] is None
    assert "1 ns" in run("list").output
    run("check", "iou", MY_IOU)
    row = listed(run)["iou"]
    assert row["attempts"] == 2 and row["best_seconds"] == 1e-9  # still the best, its size unknown
    with sqlite3.connect(drill_home / "progress.db") as db:
        sizes = [r[0] for r in db.execute("SELECT size FROM checks ORDER BY id")]
    assert sizes[0] is None and sizes[1]


def test_stats_per_topic_and_difficulty(run):
    run("check", "iou", WRONG_IOU, "--no-timing")
    run("check", "iou", MY_IOU, "--no-timing")
    run("check", "bn_forward", WRONG_IOU, "--no-timing")
    run("hint", "bn_forward")
    data = json.loads(run("stats", "--json").output)
    assert data["topic"]["detection"]["passed"] == 1
    assert data["topic"]["detection"]["median_seconds_to_pass"] >= 0
    assert data["topic"]["normalization"]["attempted"] == 1 and data["topic"]["normalization"]["hints"] == 1
    assert data["difficulty"]["easy"]["passed"] == 1
    text = run("stats").output
    assert "median time to pass" in text and "normalization" in text and "hard" in text


# ---------------------------------------------------------------- the progress store's warnings


def test_corrupt_store_says_corrupt_and_what_to_do(run, drill_home):
    drill_home.mkdir(parents=True)
    (drill_home / "progress.db").write_bytes(b"this is not sqlite" * 100)
    result = run("check", "iou", MY_IOU, "--no-timing")
    assert result.exit_code == 0
    assert "is corrupt (not a SQLite database)" in result.output and "move it away" in result.output
    assert "not writable" not in result.output
    assert "is corrupt" in run("list").output and "is corrupt" in run("stats").output


def test_unwritable_store_says_not_writable(run, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("DRILL_HOME", str(blocker / "sub"))
    result = run("check", "iou", MY_IOU, "--no-timing")
    assert result.exit_code == 0 and "not writable" in result.output and "corrupt" not in result.output


# ---------------------------------------------------------------- terminal conventions


def test_color_option_and_force_color_and_no_color():
    assert "\x1b[" not in drill("list").stdout
    assert "\x1b[" in drill("--color", "always", "list").stdout
    assert "\x1b[" in drill("list", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in drill("list", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in drill("--color", "never", "list", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in drill("--color", "always", "list", env={"NO_COLOR": "1"}).stdout


def test_piped_output_honours_columns():
    wide = drill("list", env={"COLUMNS": "150"}).stdout
    narrow = drill("list", env={"COLUMNS": "72"}).stdout
    assert max(map(len, narrow.splitlines())) <= 72 < max(map(len, wide.splitlines())) <= 150


@pytest.mark.parametrize("color", ["never", "always"])
def test_show_never_cuts_a_code_line_and_prints_the_notes(catalog, color):
    problem = catalog.get("conv_backward")
    result = drill("--color", color, "show", "conv_backward", "--yes", env={"COLUMNS": "60"})
    assert result.returncode == 0
    text = ANSI.sub("", result.stdout)
    squeezed = re.sub(r"[\s│|]+|\b\d+\b", "", text)
    for kind in problem.reference_kinds:
        for line in problem.reference_path(kind).read_text().splitlines():
            assert re.sub(r"\s+|\b\d+\b", "", line) in squeezed, line
    notes = problem.notes_path.read_text().strip().splitlines()
    assert text.index("notes") > text.index("vectorized reference")
    assert notes[-1].split()[-1].strip("*_`.") in text


def test_case_typo_gets_did_you_mean(run):
    result = run("check", "iou", MY_IOU, "--case", "disjoint_x_axs", "--no-timing")
    assert result.exit_code == 2 and "Did you mean '" in result.output


def _complete(words, cword):
    env = dict(os.environ, _DRILL_COMPLETE="bash_complete", COMP_WORDS=" ".join(words), COMP_CWORD=str(cword))
    out = subprocess.run([sys.executable, "-c", "from drill.cli import main; main()"], env=env,
                         capture_output=True, text=True, timeout=60).stdout
    return [line.split(",", 1)[1] for line in out.splitlines() if "," in line]


def test_shell_completion_of_ids_and_case_names(catalog):
    assert set(_complete(["drill", "check", "bn_"], 2)) == {i for i in catalog.ids if i.startswith("bn_")}
    assert "conv_backward" in _complete(["drill", "show", "conv_b"], 2)
    assert set(_complete(["drill", "hint", ""], 2)) == set(catalog.ids)
    cases = _complete(["drill", "check", "iou", "x.py", "--case", ""], 5)
    assert cases and all(isinstance(c, str) for c in cases)
    from drill import judge

    names = [c.name for c in judge.build_cases(catalog.get("iou"), judge.DEFAULT_SEED)]
    assert set(cases) == set(names)
    prefix = names[0][:4]
    assert set(_complete(["drill", "check", "iou", "x.py", "--case", prefix], 5)) == \
        {n for n in names if n.startswith(prefix)}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("answer, forgotten", [("n", False), ("y", True)])
def test_reset_asks_on_a_terminal(run, answer, forgotten):
    from test_terminal import run_in_terminal

    run("check", "iou", WRONG_IOU, "--no-timing")
    code, out = run_in_terminal(["reset", "iou"], answer=answer)
    assert code == 0 and "Forget 1 check and 0 hints shown for iou?" in out
    assert listed(run)["iou"]["attempts"] == (0 if forgotten else 1)


# ---------------------------------------------------------------- packaging and README


def test_distribution_name_license_extras_and_ci_glob():
    text = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'^name = "drill-ml"', text, re.M) and 'drill = "drill.cli:main"' in text
    assert 'torch = ["torch>=2"]' in text and "[project.urls]" in text and "classifiers" in text
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert '"$work"/dist/drill_ml-*.whl' in (ROOT / ".ci" / "run").read_text()


def test_readme_keeps_the_two_set_up_commands_and_documents_the_loop():
    text = (ROOT / "README.md").read_text()
    assert "\npip install . && drill check bn_backward solutions/bn_backward/vectorized.py\n" in text
    assert "\npip install -e '.[test]' && python -m pytest -q\n" in text
    assert text.index("pipx install .") < text.index("drill watch") < text.index("pip install -e '.[test]'")
    for shell in ("bash_source", "zsh_source", "fish_source"):
        assert f"_DRILL_COMPLETE={shell} drill" in text
    assert "drill mock" in text and "drill stats" in text and "drill reset" in text
