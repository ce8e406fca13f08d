"""The progress store: every check, how many hints were shown, and mock interviews, in SQLite.

Where: $DRILL_HOME when set, else $XDG_DATA_HOME/drill, else ~/.local/share/drill.
A store that cannot be written never stops a check: the caller gets a warning string instead.
Older stores are migrated in place when opened (columns are only ever added).
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
    created REAL NOT NULL,
    size TEXT
);
CREATE TABLE IF NOT EXISTS hints (
    problem TEXT PRIMARY KEY,
    shown INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS mocks (
    id INTEGER PRIMARY KEY,
    problem TEXT NOT NULL,
    file TEXT NOT NULL,
    started REAL NOT NULL,
    minutes REAL NOT NULL,
    ended REAL,
    passed INTEGER NOT NULL DEFAULT 0,
    seconds_to_pass REAL,
    how TEXT
);
"""

# Columns added after the first release: (table, column, declaration). A store written by an older
# drill lacks them; they are added when it is opened, and old rows read as NULL.
MIGRATIONS = (("checks", "size", "TEXT"),)


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
    best_size: str | None = None   # the timing row's size label the best time was taken at
    hints: int = 0
    first_attempt: float | None = None
    first_pass: float | None = None

    @property
    def time_to_pass(self) -> float | None:
        if self.first_pass is None or self.first_attempt is None:
            return None
        return max(0.0, self.first_pass - self.first_attempt)


class ProgressError(Exception):
    pass


def _problem_with(path: Path, exc: Exception) -> ProgressError:
    """Say what is wrong with the store in words a user can act on."""
    text = str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and ("not a database" in text or "malformed" in text
                                                   or "file is encrypted" in text):
        return ProgressError(f"progress store {path} is corrupt (not a SQLite database); move it away "
                             f"(mv {path} {path}.broken) and drill starts a fresh one")
    if _writable(path) is False or "readonly" in text or "read-only" in text:
        return ProgressError(f"progress store {path} is not writable ({text}); fix its permissions, "
                             f"or set DRILL_HOME to a writable folder")
    return ProgressError(f"progress store {path} cannot be used ({text}); set DRILL_HOME to another folder")


def _writable(path: Path) -> bool | None:
    """False when the store (or the folder it would be created in) cannot be written."""
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    folder = path.parent
    while not folder.exists():
        if folder.parent == folder:
            return None
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK)


def _migrate(connection: sqlite3.Connection) -> None:
    for table, column, declaration in MIGRATIONS:
        have = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            connection.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")


def _connect(create: bool) -> sqlite3.Connection | None:
    path = db_path()
    if not create and not path.exists():
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=5)
    except (OSError, sqlite3.Error) as exc:
        raise _problem_with(path, exc) from exc
    try:
        connection.executescript(SCHEMA)
        _migrate(connection)
        connection.commit()
    except sqlite3.Error as exc:
        connection.close()
        raise _problem_with(path, exc) from exc
    return connection


def _read(query, default):
    """Run query(db) on an existing store; a missing store reads as `default`. Errors propagate."""
    connection = _connect(create=False)
    if connection is None:
        return default
    try:
        with closing(connection) as db:
            return query(db)
    except sqlite3.Error as exc:
        raise _problem_with(db_path(), exc) from exc


def _write(statements) -> None:
    try:
        with closing(_connect(create=True)) as db, db:
            statements(db)
    except sqlite3.Error as exc:
        raise _problem_with(db_path(), exc) from exc


def check_store() -> str | None:
    """None when the store is usable (or absent), else the sentence saying what is wrong with it."""
    try:
        _read(lambda db: db.execute("SELECT COUNT(*) FROM checks").fetchone(), None)
    except ProgressError as exc:
        return str(exc)
    return None


# ---------------------------------------------------------------- checks


def record_check(problem: str, file: str, passed: bool, verdict: str, seed: int, seconds: float | None,
                 size: str | None = None) -> None:
    _write(lambda db: db.execute(
        "INSERT INTO checks (problem, file, passed, verdict, seed, seconds, created, size) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (problem, file, int(passed), verdict, seed, seconds, time.time(), size)))


def statuses() -> dict[str, Status]:
    """Every problem with a check or a hint; an unreadable store shows every problem as new
    (`status_warning` says why)."""
    def query(db):
        result: dict[str, Status] = {}
        rows = db.execute(
            "SELECT problem, MAX(passed), COUNT(*), MIN(created), MIN(CASE WHEN passed THEN created END) "
            "FROM checks GROUP BY problem").fetchall()
        for problem, ok, attempts, first, first_pass in rows:
            result[problem] = Status("passed" if ok else "attempted", None, attempts,
                                     first_attempt=first, first_pass=first_pass)
        # The best time: the fastest passing check; its size label says what it was measured on.
        for problem, seconds, size in db.execute(
                "SELECT problem, seconds, size FROM checks c WHERE passed AND seconds IS NOT NULL AND seconds = "
                "(SELECT MIN(seconds) FROM checks d WHERE d.problem = c.problem AND d.passed) "
                "ORDER BY id DESC").fetchall():
            status = result[problem]
            if status.best_seconds is None:
                status.best_seconds, status.best_size = seconds, size
        for problem, shown in db.execute("SELECT problem, shown FROM hints").fetchall():
            if problem not in result:
                result[problem] = Status("new", None, 0)
            result[problem].hints = shown
        return result

    try:
        return _read(query, {})
    except ProgressError:
        return {}


def hints_shown(problem: str) -> int:
    try:
        row = _read(lambda db: db.execute("SELECT shown FROM hints WHERE problem = ?", (problem,)).fetchone(), None)
    except ProgressError:
        return 0
    return row[0] if row else 0


def set_hints_shown(problem: str, shown: int) -> None:
    _write(lambda db: db.execute(
        "INSERT INTO hints (problem, shown) VALUES (?, ?) "
        "ON CONFLICT(problem) DO UPDATE SET shown = excluded.shown", (problem, shown)))


def counts(problem: str) -> tuple[int, int]:
    """(checks, hints shown) of one problem."""
    def query(db):
        checks = db.execute("SELECT COUNT(*) FROM checks WHERE problem = ?", (problem,)).fetchone()[0]
        row = db.execute("SELECT shown FROM hints WHERE problem = ?", (problem,)).fetchone()
        return checks, row[0] if row else 0

    return _read(query, (0, 0))


def reset(problem: str) -> tuple[int, int]:
    """Forget the checks, hints and finished mock rounds of one problem; returns (checks, hints) forgotten."""
    forgotten = counts(problem)

    def statements(db):
        db.execute("DELETE FROM checks WHERE problem = ?", (problem,))
        db.execute("DELETE FROM hints WHERE problem = ?", (problem,))
        db.execute("DELETE FROM mocks WHERE problem = ? AND ended IS NOT NULL", (problem,))

    _write(statements)
    return forgotten


# ---------------------------------------------------------------- mock interviews


@dataclass
class Mock:
    id: int
    problem: str
    file: str
    started: float
    minutes: float
    ended: float | None = None
    passed: bool = False
    seconds_to_pass: float | None = None
    how: str | None = None  # passed, stopped, time up

    @property
    def limit(self) -> float:
        return self.minutes * 60

    def used(self, now: float | None = None) -> float:
        end = self.ended if self.ended is not None else (now or time.time())
        return max(0.0, min(end, self.started + self.limit) - self.started)

    def left(self, now: float | None = None) -> float:
        return max(0.0, self.limit - self.used(now))

    def expired(self, now: float | None = None) -> bool:
        return self.ended is None and (now or time.time()) >= self.started + self.limit


_MOCK_COLUMNS = "id, problem, file, started, minutes, ended, passed, seconds_to_pass, how"


def _mock(row) -> Mock | None:
    if row is None:
        return None
    return Mock(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7], row[8])


def running_mock() -> Mock | None:
    """The mock round not yet ended (it may have run out of time: see `Mock.expired`)."""
    try:
        return _read(lambda db: _mock(db.execute(
            f"SELECT {_MOCK_COLUMNS} FROM mocks WHERE ended IS NULL ORDER BY id DESC LIMIT 1").fetchone()), None)
    except ProgressError:
        return None


def start_mock(problem: str, file: str, minutes: float) -> Mock:
    now = time.time()
    _write(lambda db: db.execute("INSERT INTO mocks (problem, file, started, minutes) VALUES (?, ?, ?, ?)",
                                 (problem, file, now, minutes)))
    return running_mock()


def end_mock(mock: Mock, how: str, passed: bool = False, seconds_to_pass: float | None = None,
             at: float | None = None) -> Mock:
    ended = at if at is not None else min(time.time(), mock.started + mock.limit)
    _write(lambda db: db.execute("UPDATE mocks SET ended = ?, passed = ?, seconds_to_pass = ?, how = ? WHERE id = ?",
                                 (ended, int(passed), seconds_to_pass, how, mock.id)))
    mock.ended, mock.passed, mock.seconds_to_pass, mock.how = ended, passed, seconds_to_pass, how
    return mock


def mocks() -> list[Mock]:
    """Every finished mock round, oldest first."""
    try:
        return _read(lambda db: [_mock(r) for r in db.execute(
            f"SELECT {_MOCK_COLUMNS} FROM mocks WHERE ended IS NOT NULL ORDER BY id").fetchall()], [])
    except ProgressError:
        return []
