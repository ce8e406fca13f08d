"""`drill watch`: check a file, then again every time it is saved, until Ctrl-C.

A save is seen by polling the path's (st_mtime_ns, st_size, st_ino) every POLL seconds: editors that
write a new file and rename it over the old one change the inode, the others the time or the size.
No dependency, no inotify. Typing `h` + Enter (on a terminal) shows the next hint.
"""
from __future__ import annotations

import os
import select
import sys
import time
from datetime import datetime
from pathlib import Path

import click

POLL = 0.3      # seconds between looks at the file
SETTLE = 0.1    # a save seen: wait this long for the editor to finish writing


def stamp(path: Path):
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _settled(path: Path):
    """The stamp once the file stops changing (a save in several writes is checked once)."""
    previous = stamp(path)
    for _ in range(20):
        time.sleep(SETTLE)
        now = stamp(path)
        if now == previous and now is not None:
            return now
        previous = now
    return previous


def _clear(run: int, path: Path) -> None:
    if sys.stdout.isatty():
        click.clear()
    elif run > 1:
        click.echo("")
    click.secho(f"drill watch: run {run}, {path} at {datetime.now():%H:%M:%S}", dim=True)


def _typed_line() -> str | None:
    """A line typed on the terminal, without blocking; None when there is none (or stdin is no terminal)."""
    try:
        if not sys.stdin.isatty():
            return None
        ready, _, _ = select.select([sys.stdin], [], [], 0)
    except (OSError, ValueError):
        return None
    if not ready:
        return None
    line = sys.stdin.readline()
    return line.strip().lower() if line else None


def _on_key(problem, key: str) -> None:
    from drill import listing, mock
    from drill.ui import Failure

    if key in ("h", "hint"):
        try:
            mock.guard("hints")
        except Failure as exc:
            click.echo(f"drill: {exc.format_message()}")
            return
        listing.show_hint(problem, False)
    elif key:
        click.echo("Keys: h + Enter shows the next hint; Ctrl-C stops watching.")


def run(problem, path: Path, seed: int, limits, max_runs: int | None = None) -> int:
    """Returns the exit code: 0 after Ctrl-C; after --max-runs, that of the last check."""
    from drill import judge, practice, report

    runs, code = 0, 0
    interactive = sys.stdin.isatty()
    keys = "h + Enter for a hint, " if interactive else ""
    try:
        while True:
            seen = stamp(path)
            if seen is None:
                click.echo(f"drill watch: {path} does not exist (yet); waiting for it to be saved.")
            else:
                runs += 1
                _clear(runs, path)
                # Timed only once every case passes (the judge skips timing a failing file): quiet until then.
                result = judge.check(problem, path, seed=seed, limits=limits, timing=True)
                if not result.passed:
                    result.timing_note = ""
                report.render(result)
                practice.after_check(problem, path, result, seed)
                code = 0 if result.passed else 1
                if max_runs is not None and runs >= max_runs:
                    return code
                click.secho(f"\nwatching {path}: save it to check again ({keys}Ctrl-C to stop)", dim=True)
            while True:
                key = _typed_line()
                if key is not None:
                    _on_key(problem, key)
                now = stamp(path)
                if now is not None and now != seen:
                    _settled(path)
                    break
                time.sleep(POLL)
    except KeyboardInterrupt:
        click.echo(f"\nStopped watching {path}.")
        return 0
