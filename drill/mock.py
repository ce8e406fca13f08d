"""Mock interviews: one problem you have not passed, a clock, no hints and no solutions until it ends.

The round lives in the progress store (table `mocks`), so every drill command sees the same clock.
"""
from __future__ import annotations

import random
from pathlib import Path

import click

from drill import progress
from drill.ui import Failure

DEFAULT_MINUTES = 45


def clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def used_line(m: progress.Mock) -> str:
    return f"mock: {clock(m.used())} of {clock(m.limit)} used"


def _end_expired(m: progress.Mock) -> progress.Mock:
    return progress.end_mock(m, "time up", at=m.started + m.limit)


def expire_notice() -> None:
    """Run before every command: a round whose time is up ends, and the command says so (on stderr)."""
    m = progress.running_mock()
    if m is None or not m.expired():
        return
    try:
        _end_expired(m)
    except progress.ProgressError as exc:
        click.echo(f"drill: warning: {exc}", err=True)
        return
    click.echo(f"mock: time is up for {m.problem} ({clock(m.limit)}); not passed. The round is over "
               f"and kept in your progress (`drill stats`); hints and solutions are available again.", err=True)


def current() -> progress.Mock | None:
    m = progress.running_mock()
    return None if m is None or m.expired() else m


def guard(what: str) -> None:
    """Refuse hints and solutions while a round runs."""
    m = current()
    if m is not None:
        raise Failure(f"a mock interview is running ({m.problem}, {clock(m.left())} left): no {what} until it ends; "
                      f"`drill mock --stop` ends it.")


def after_check(problem_id: str, passed: bool, err: bool = False) -> None:
    """A check of the round's problem: say how much time is used; a pass ends the round."""
    m = current()
    if m is None or m.problem != problem_id:
        return
    if not passed:
        click.echo(f"{used_line(m)}. Keep going; `drill mock --stop` gives up.", err=err)
        return
    used = m.used()
    try:
        progress.end_mock(m, "passed", passed=True, seconds_to_pass=used)
    except progress.ProgressError as exc:
        click.echo(f"drill: warning: {exc}", err=True)
    click.echo(f"{used_line(m)}: passed in {clock(used)}. The round is over and kept in your progress "
               f"(`drill stats`).", err=err)


def stop() -> None:
    m = progress.running_mock()
    if m is None:
        click.echo("No mock interview is running. `drill mock` starts one.")
        return
    if m.expired():
        _end_expired(m)
        click.echo(f"mock: the round on {m.problem} had already run out of time ({clock(m.limit)}); not passed.")
        return
    progress.end_mock(m, "stopped")
    click.echo(f"mock: stopped the round on {m.problem} after {clock(m.used())} of {clock(m.limit)}; not passed. "
               f"Hints (`drill hint {m.problem}`) and solutions are available again.")


def start(catalog, minutes: float, difficulty: str | None, topic: str | None, pick: str | None = None) -> None:
    from drill import listing

    m = current()
    if m is not None:
        raise Failure(f"a mock interview is already running ({m.problem}, {used_line(m)[6:]}); "
                      f"`drill mock --stop` ends it before another starts.")
    if topic is not None:
        topics = sorted({p.topic for p in catalog.all()})
        if topic.lower() not in topics:
            import difflib

            close = difflib.get_close_matches(topic.lower(), topics, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise Failure(f"no topic '{topic}'.{hint} Topics: {', '.join(topics)}.")
    statuses = progress.statuses()
    candidates = [p for p in catalog.all()
                  if (statuses.get(p.id) is None or statuses[p.id].status != "passed")
                  and (difficulty is None or p.difficulty == difficulty)
                  and (topic is None or p.topic.lower() == topic.lower())
                  and (pick is None or p.id == pick)]
    filters = " ".join(f"--{k} {v}" for k, v in (("difficulty", difficulty), ("topic", topic)) if v)
    if not candidates:
        raise Failure("every problem" + (f" matching {filters}" if filters else "") + " is passed already; "
                      "`drill reset ID` forgets one, or pick other filters.")
    free = [p for p in candidates if not Path(f"{p.id}.py").exists()]
    if not free:
        names = ", ".join(f"./{p.id}.py" for p in candidates[:3]) + (" ..." if len(candidates) > 3 else "")
        raise Failure(f"a mock writes its skeleton to ./ID.py and never overwrites one: {names} exist already; "
                      f"run it from another folder, or move them away.")
    problem = random.choice(free)
    target = Path(f"{problem.id}.py")
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(problem.skeleton_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise Failure(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        m = progress.start_mock(problem.id, str(target), minutes)
    except progress.ProgressError as exc:
        target.unlink(missing_ok=True)
        raise Failure(f"cannot start the clock: {exc}") from None
    listing.print_statement(problem)
    click.echo(f"Mock interview: {problem.id} ({problem.difficulty}, {problem.topic}), {clock(m.limit)} on the clock "
               f"from now. The skeleton is in {target}.\n\n"
               f"    drill check {problem.id}      (or `drill watch {problem.id}`: checks on every save)\n\n"
               f"Hints and solutions are off until the round ends; `drill mock --stop` ends it.")
