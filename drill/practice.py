"""The practice loop's glue: which file a command means, whose pass a check is, what gets recorded.

Nothing here imports numpy or rich at module level (the CLI imports it for argument defaults).
"""
from __future__ import annotations

import ast
import shlex
from pathlib import Path

import click

from drill.ui import Failure


def default_file(problem_id: str, command: str) -> Path:
    """`drill check ID` / `drill watch ID` without FILE: ./ID.py, when it exists."""
    path = Path(f"{problem_id}.py")
    if not path.exists():
        raise Failure(f"no FILE given and ./{path} does not exist; `drill start {problem_id}` writes a skeleton "
                      f"there (or give the file: drill {command} {problem_id} FILE).")
    return path


def defined_functions(path: Path) -> set[str]:
    """The top-level function names a Python file defines (parsed, never run); empty when it does not parse."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError, ValueError):
        return set()
    return {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


def guess_problem(catalog, path: Path) -> str | None:
    """The problem a file is most likely written for: every function the problem asks for is defined
    (the more of its provided functions too, the likelier); ties go to the file's name, then its
    skeleton header (`\"\"\"drill: ID`)."""
    defined = defined_functions(path)
    if not defined:
        return None
    try:
        header = path.read_text(encoding="utf-8", errors="replace")[:200]
    except OSError:
        header = ""
    best, best_key = None, None
    for problem in catalog.all():
        if not problem.functions or not set(problem.functions) <= defined:
            continue
        key = (len(problem.functions) + sum(f in defined for f in problem.provided),
               path.stem == problem.id, f"drill: {problem.id}" in header)
        if best_key is None or key > best_key:
            best, best_key = problem.id, key
    return best


def forgotten_id(catalog, first: str, second: str | None, command: str) -> Failure | None:
    """`drill check my.py` (or `drill check my.py ID`): the problem id was forgotten or misplaced."""
    path = Path(first)
    if not (first.endswith(".py") and path.is_file()):
        return None
    if second is not None and second not in catalog.ids:
        return None
    guess = second or guess_problem(catalog, path)
    shown = shlex.quote(first)
    if guess:
        return Failure(f"give the problem id first: drill {command} {guess} {shown}")
    return Failure(f"give the problem id first: drill {command} ID {shown} (`drill list` shows the ids)")


# ---------------------------------------------------------------- whose pass is it


def _normalized(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip().splitlines())


def shipped_reference(problem, path: Path) -> str | None:
    """What the file is when it is not the user's: inside the bank's folders, or a copy of one of this
    problem's reference solutions; None for the user's own file."""
    from drill.catalog import bank_root

    try:
        resolved = path.resolve()
        root = bank_root().resolve()
        for folder in (root / "problems", root / "solutions"):
            if resolved.is_relative_to(folder):
                return "a shipped reference solution" if folder.name == "solutions" else "a file of drill's problem bank"
        mine = _normalized(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, ValueError):
        return None
    for kind in ("loop", "vectorized"):
        try:
            if _normalized(problem.reference_path(kind).read_text(encoding="utf-8")) == mine:
                return f"a copy of the {kind} reference solution"
        except OSError:
            continue
    return None


def size_label(result) -> str | None:
    """The size label of the timing row the user's time was taken at (the largest timed size)."""
    for row in reversed(getattr(result, "timing", None) or []):
        if row.seconds.get("you") is not None:
            return row.size
    return None


def after_check(problem, path: Path, result, seed: int, to_stderr: bool = False) -> None:
    """Record a check in the user's progress (unless it graded a shipped reference), and report the
    mock interview's clock when the check is of the problem it runs on."""
    from drill import mock, progress

    out = dict(err=to_stderr)
    shipped = shipped_reference(problem, path)
    if shipped:
        if not to_stderr:  # machine-readable output gets no chatter
            click.secho(f"{path} is {shipped}, not yours: nothing recorded in your progress.", dim=True)
        return
    full = not result.partial  # one case passing is not the problem solved: a --case run is an untimed attempt
    try:
        progress.record_check(problem.id, str(path), result.passed and full, result.verdict, seed,
                              result.user_seconds if full else None, size_label(result) if full else None)
    except progress.ProgressError as exc:
        click.echo(f"drill: warning: {exc}", err=True)
    mock.after_check(problem.id, result.passed and full, **out)
