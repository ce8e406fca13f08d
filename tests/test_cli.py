"""The browsing commands through the CLI: list, start, statement, show, hint, and their errors."""
import json
import subprocess
import sys

import pytest

from conftest import PROBLEM_IDS, ROOT


def test_list_shows_every_problem(run):
    result = run("list")
    assert result.exit_code == 0
    for problem_id in PROBLEM_IDS:
        assert problem_id in result.output
    assert "Batch norm" in result.output and "difficulty" in result.output


def test_list_json_has_one_record_per_problem(run):
    result = run("list", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [r["id"] for r in rows] == PROBLEM_IDS
    for row in rows:
        assert {"id", "title", "topic", "difficulty", "status", "best_seconds"} <= set(row)
        assert row["status"] == "new"
        assert row["difficulty"] in ("easy", "medium", "hard")


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_start_prints_statement_and_writes_skeleton(run, tmp_path, catalog, problem_id):
    target = tmp_path / "mine.py"
    result = run("start", problem_id, target)
    assert result.exit_code == 0, result.output
    assert target.read_text() == catalog.get(problem_id).skeleton_path.read_text()
    assert catalog.get(problem_id).statement().splitlines()[0] in result.output
    assert f"drill check {problem_id} {target}" in result.output


def test_start_defaults_to_id_dot_py_in_the_current_folder(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("start", "iou")
    assert result.exit_code == 0
    assert (tmp_path / "iou.py").read_text().startswith('"""drill: iou')
    assert "drill check iou iou.py" in result.output


def test_start_never_overwrites_without_force(run, tmp_path):
    target = tmp_path / "mine.py"
    target.write_text("my precious work\n")
    result = run("start", "iou", target)
    assert result.exit_code == 2
    assert "already exists" in result.output and "--force" in result.output
    assert target.read_text() == "my precious work\n"
    result = run("start", "iou", target, "--force")
    assert result.exit_code == 0
    assert "def iou(box_a, box_b):" in target.read_text()


def test_statement_prints_without_writing(run, tmp_path, monkeypatch, catalog):
    monkeypatch.chdir(tmp_path)
    result = run("statement", "bn_backward")
    assert result.exit_code == 0
    assert catalog.get("bn_backward").statement().strip()[:60] in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_show_reveals_every_reference_without_prompt_when_piped(run, catalog, problem_id):
    result = run("show", problem_id)
    assert result.exit_code == 0
    problem = catalog.get(problem_id)
    assert problem.reference_kinds[:2] == ("loop", "vectorized")
    for kind in problem.reference_kinds:
        assert f"{problem_id}: {kind} reference ({kind}.py): " in result.output
        first_def = next(l for l in problem.reference_path(kind).read_text().splitlines() if l.startswith("def "))
        assert first_def in result.output
    assert "Reveal" not in result.output  # no spoiler question when not on a terminal


def test_show_says_which_reference_is_the_fast_one(run, catalog):
    """conv_backward ships a third reference tuned for speed; show says which is which, in order."""
    assert catalog.get("conv_backward").reference_kinds == ("loop", "vectorized", "fast")
    text = run("show", "conv_backward").output
    loop, vectorized, fast = (text.index(f"conv_backward: {k} reference") for k in ("loop", "vectorized", "fast"))
    assert loop < vectorized < fast < text.index("notes")
    assert "the readable vectorized version" in text and "the fastest; read the vectorized one first" in text
    assert "iou: fast reference" not in run("show", "iou").output


def test_show_yes_flag_is_accepted(run):
    result = run("show", "iou", "--yes")
    assert result.exit_code == 0 and "def iou" in result.output


@pytest.mark.parametrize("command", [["start", "bn_bakward"], ["show", "bn_bakward"], ["statement", "bn_bakward"],
                                     ["check", "bn_bakward", "x.py"], ["hint", "bn_bakward"], ["verify", "bn_bakward"]])
def test_unknown_problem_is_a_one_line_usage_error_with_a_suggestion(run, command):
    result = run(*command)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "unknown problem 'bn_bakward'" in lines[0] and "Did you mean 'bn_backward'?" in lines[0]


def test_hints_come_one_at_a_time_and_are_remembered(run, catalog):
    hints = catalog.get("bn_backward").hints
    assert len(hints) >= 3
    for number, text in enumerate(hints, 1):
        result = run("hint", "bn_backward")
        assert result.exit_code == 0
        assert f"Hint {number}/{len(hints)}: {text}" in result.output
    result = run("hint", "bn_backward")
    assert "No hints left" in result.output
    # per problem: another problem starts at its first hint
    assert "Hint 1/" in run("hint", "iou").output


def test_hint_all_shows_every_hint(run, catalog):
    result = run("hint", "conv_backward", "--all")
    for text in catalog.get("conv_backward").hints:
        assert text in result.output
    assert "No hints left" in run("hint", "conv_backward").output


def test_help_lists_the_commands(run):
    result = run("--help")
    for command in ("list", "start", "check", "show", "hint", "statement", "verify"):
        assert command in result.output


def test_module_entry_point_and_lazy_imports():
    """`python -m drill` works, and importing the CLI loads neither numpy nor rich."""
    out = subprocess.run([sys.executable, "-c", "import sys, drill.cli; print('numpy' in sys.modules, 'rich' in sys.modules)"],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"
    result = subprocess.run([sys.executable, "-m", "drill", "list"], capture_output=True, text=True, cwd=ROOT.parent)
    assert result.returncode == 0 and "conv_backward" in result.stdout


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and "drill" in result.output and "0.1.0" in result.output


def test_hint_with_an_unwritable_store_still_shows_the_hint(run, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("DRILL_HOME", str(blocker / "sub"))
    result = run("hint", "iou")
    assert result.exit_code == 0 and "Hint 1/" in result.output and "warning" in result.output
