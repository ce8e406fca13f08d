"""The progress store: every check and how many hints were shown, in SQLite.

Where: $DRILL_HOME when set, else $XDG_DATA_HOME/drill, else ~/.local/share/drill.
A store that cannot be written never stops a check: the caller gets a warning string instead.
"""
from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS checks (
    id INTEGER PRIMARY KEY,
    problem TEXT NOT NULL,
    file TEXT NOT NULL,
    passed INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    seed INTEGER NOT NULL,
    seconds REAL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS hints (
    problem TEXT PRIMARY KEY,
    shown INTEGER NOT NULL
);
"""


def data_dir() -> Path:
    if os.environ.get("DRILL_HOME"):
        return Path(os.environ["DRILL_HOME"])
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "drill"


def db_path() -> Path:
    return data_dir() / "progress.db"


@dataclass
class Status:
    status: str                 # new, attempted, passed
    best_seconds: float | None  # the best passing time at the largest timed size
    attempts: int


class ProgressError(Exception):
    pass


def _connect(create: bool) -> sqlite3.Connection | None:
    path = db_path()
    if not create and not path.exists():
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=5)
        connection.executescript(SCHEMA)
        return connection
    except (OSError, sqlite3.Error) as exc:
        raise ProgressError(f"progress store {path} is not writable ({exc})") from exc


def record_check(problem: str, file: str, passed: bool, verdict: str, seed: int, seconds: float | None) -> None:
    try:
        with closing(_connect(create=True)) as db, db:
            db.execute("INSERT INTO checks (problem, file, passed, verdict, seed, seconds, created) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", (problem, file, int(passed), verdict, seed, seconds, time.time()))
    except sqlite3.Error as exc:
        raise ProgressError(f"progress store {db_path()}: {exc}") from exc


def statuses() -> dict[str, Status]:
    try:
        connection = _connect(create=False)
    except ProgressError:
        return {}
    if connection is None:
        return {}
    try:
        with closing(connection) as db:
            rows = db.execute(
                "SELECT problem, MAX(passed), MIN(CASE WHEN passed THEN seconds END), COUNT(*) "
                "FROM checks GROUP BY problem").fetchall()
    except sqlite3.Error:
        return {}  # an unreadable store shows every problem as new; `check` will say what is wrong
    return {p: Status("passed" if ok else "attempted", best, n) for p, ok, best, n in rows}


def hints_shown(problem: str) -> int:
    try:
        connection = _connect(create=False)
    except ProgressError:
        return 0
    if connection is None:
        return 0
    try:
        with closing(connection) as db:
            row = db.execute("SELECT shown FROM hints WHERE problem = ?", (problem,)).fetchone()
    except sqlite3.Error:
        return 0
    return row[0] if row else 0


def set_hints_shown(problem: str, shown: int) -> None:
    try:
        with closing(_connect(create=True)) as db, db:
            db.execute("INSERT INTO hints (problem, shown) VALUES (?, ?) "
                       "ON CONFLICT(problem) DO UPDATE SET shown = excluded.shown", (problem, shown))
    except sqlite3.Error as exc:
        raise ProgressError(f"progress store {db_path()}: {exc}") from exc
