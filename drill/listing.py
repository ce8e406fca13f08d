"""What the browsing commands print: the problem list, statements, reference solutions, hints."""
from __future__ import annotations

import click

from drill import progress
from drill.ui import console, echo_json, plain, table_box

DIFFICULTY_STYLE = {"easy": "green", "medium": "yellow", "hard": "red"}
STATUS_STYLE = {"new": "dim", "attempted": "yellow", "passed": "green"}


def _format_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def show(catalog, as_json: bool) -> None:
    problems = catalog.all()
    status = progress.statuses()
    rows = []
    for p in problems:
        s = status.get(p.id)
        rows.append({"id": p.id, "title": p.title, "topic": p.topic, "difficulty": p.difficulty,
                     "functions": list(p.functions), "status": s.status if s else "new",
                     "best_seconds": s.best_seconds if s else None, "attempts": s.attempts if s else 0})
    if as_json:
        echo_json(rows)
        return
    from rich.table import Table

    table = Table(box=table_box(), title=None if plain() else "drill problems")
    for column in ("id", "title", "topic", "difficulty", "status", "best time"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            f"[bold]{row['id']}[/]", row["title"], row["topic"],
            f"[{DIFFICULTY_STYLE.get(row['difficulty'], '')}]{row['difficulty']}[/]",
            f"[{STATUS_STYLE[row['status']]}]{row['status']}[/]", _format_seconds(row["best_seconds"]),
        )
    out = console()
    out.print(table)
    out.print("Start one with: drill start <id> \\[file]")


def print_statement(problem) -> None:
    text = problem.statement()
    if plain():
        click.echo(text.rstrip() + "\n")
        return
    from rich.markdown import Markdown

    console().print(Markdown(text))


def print_solutions(problem) -> None:
    out = console()
    for kind in ("loop", "vectorized"):
        path = problem.reference_path(kind)
        code = path.read_text(encoding="utf-8")
        if plain():
            click.echo(f"# ---- {problem.id}: {kind} reference ({path.name}) ----\n{code.rstrip()}\n")
            continue
        from rich.panel import Panel
        from rich.syntax import Syntax

        out.print(Panel(Syntax(code, "python", line_numbers=True, theme="ansi_dark"),
                        title=f"{problem.id}: {kind} reference", title_align="left"))


def show_hint(problem, show_all: bool) -> None:
    hints = problem.hints
    if not hints:
        click.echo(f"{problem.id} has no hints.")
        return
    if show_all:
        for number, text in enumerate(hints, 1):
            click.echo(f"Hint {number}/{len(hints)}: {text}")
        _remember(problem.id, len(hints))
        return
    shown = progress.hints_shown(problem.id)
    if shown >= len(hints):
        click.echo(f"No hints left for {problem.id}: all {len(hints)} have been shown. "
                   f"`drill hint {problem.id} --all` shows them again; `drill show {problem.id}` reveals the references.")
        return
    click.echo(f"Hint {shown + 1}/{len(hints)}: {hints[shown]}")
    _remember(problem.id, shown + 1)
    if shown + 1 == len(hints):
        click.echo("That was the last hint.")


def _remember(problem_id: str, shown: int) -> None:
    try:
        progress.set_hints_shown(problem_id, max(shown, progress.hints_shown(problem_id)))
    except progress.ProgressError as exc:
        click.echo(f"drill: warning: {exc}", err=True)
