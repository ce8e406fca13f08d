"""What the browsing commands print: the problem list, statements, reference solutions, hints."""
from __future__ import annotations

import click

from drill import progress
from drill.ui import console, echo_json, plain, table_box


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)

DIFFICULTY_STYLE = {"easy": "green", "medium": "yellow", "hard": "red"}
STATUS_STYLE = {"new": "dim", "attempted": "yellow", "passed": "green"}


def _format_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


STATUSES = ("new", "attempted", "passed")


def _best(seconds: float | None, size: str | None) -> str:
    if seconds is None:
        return "-"
    return _format_seconds(seconds) + (f" @ {size}" if size else "")


def rows(catalog, topic: str | None = None, difficulty: str | None = None, status: str | None = None) -> list[dict]:
    """One record per problem (with the user's progress), filtered."""
    progress_by_id = progress.statuses()
    out = []
    for p in catalog.all():
        s = progress_by_id.get(p.id)
        row = {"id": p.id, "title": p.title, "topic": p.topic, "difficulty": p.difficulty,
               "functions": list(p.functions), "status": s.status if s else "new",
               "best_seconds": s.best_seconds if s else None, "best_size": s.best_size if s else None,
               "attempts": s.attempts if s else 0, "hints": s.hints if s else 0, "hints_total": len(p.hints)}
        if topic and p.topic.lower() != topic.lower():
            continue
        if difficulty and p.difficulty != difficulty:
            continue
        if status and row["status"] != status:
            continue
        out.append(row)
    return out


def summary(listed: list[dict]) -> str:
    passed = sum(r["status"] == "passed" for r in listed)
    attempted = sum(r["status"] == "attempted" for r in listed)
    return f"{passed}/{len(listed)} passed, {attempted} attempted"


def show(catalog, as_json: bool, topic: str | None = None, difficulty: str | None = None,
         status: str | None = None) -> None:
    listed = rows(catalog, topic, difficulty, status)
    if as_json:
        echo_json(listed)
        return
    problem = progress.check_store()
    if problem:
        click.echo(f"drill: warning: {problem}", err=True)
    from rich.table import Table

    filtered = bool(topic or difficulty or status)
    out = console()
    narrow = out.width < 110  # no topic column, the title folds under a shorter header
    id_width = max([2] + [len(r["id"]) for r in listed])
    table = Table(box=table_box(), title=None if plain() or narrow else "drill problems",
                  pad_edge=not narrow, collapse_padding=narrow)
    table.add_column("id", no_wrap=True, min_width=id_width)
    table.add_column("title", overflow="fold", ratio=1, min_width=8)
    if not narrow:
        table.add_column("topic", overflow="fold")
    table.add_column("difficulty" if not narrow else "level", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("tries", justify="right", no_wrap=True)
    table.add_column("hints", justify="right", no_wrap=True)
    table.add_column("best time", overflow="fold", min_width=6)
    for row in listed:
        hints = f"{row['hints']}/{row['hints_total']}" if row["hints"] else "-"
        cells = [f"[bold]{row['id']}[/]", escape(row["title"])] + ([] if narrow else [escape(row["topic"])]) + [
            f"[{DIFFICULTY_STYLE.get(row['difficulty'], '')}]{row['difficulty']}[/]",
            f"[{STATUS_STYLE[row['status']]}]{row['status']}[/]", str(row["attempts"] or "-"), hints,
            escape(_best(row["best_seconds"], row["best_size"])),
        ]
        table.add_row(*cells)
    if listed:
        out.print(table)
    else:
        out.print("No problem matches these filters.")
    total = len(catalog.ids)
    line = summary(listed) + (f" (filtered: {len(listed)} of {total} problems)" if filtered else "")
    out.print(line)
    out.print("Start one with: drill start <id> \\[file]", style="dim")


def print_statement(problem) -> None:
    text = problem.statement()
    if plain():
        click.echo(text.rstrip() + "\n")
        return
    from rich.markdown import Markdown

    console().print(Markdown(text))


def print_solutions(problem) -> None:
    """Every reference (loop, vectorized, and fast where one is shipped), each saying what it is for,
    then the problem's notes. Code lines are never cut: plain text prints them as they are; on a
    terminal they are highlighted and wrapped to the width."""
    from drill.catalog import REFERENCE_KINDS

    out = console()
    for kind in problem.reference_kinds:
        path = problem.reference_path(kind)
        code = path.read_text(encoding="utf-8")
        title = f"{problem.id}: {kind} reference ({path.name}): {REFERENCE_KINDS[kind]}"
        if plain():
            click.echo(f"# ---- {title} ----\n{code.rstrip()}\n")
            continue
        from rich.panel import Panel
        from rich.syntax import Syntax

        out.print(Panel(Syntax(code, "python", line_numbers=True, theme="ansi_dark", word_wrap=True),
                        title=title, title_align="left"))
    notes = problem.notes_path
    if notes.is_file():
        text = notes.read_text(encoding="utf-8")
        if plain():
            click.echo(f"# ---- {problem.id}: notes ({notes.name}) ----\n{text.rstrip()}\n")
        else:
            from rich.markdown import Markdown
            from rich.rule import Rule

            out.print(Rule(f"{problem.id}: notes", align="left"))
            out.print(Markdown(text, code_theme="ansi_dark"))


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
