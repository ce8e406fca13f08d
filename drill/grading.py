"""`drill grade`: check many files, a few at a time, each exactly as `drill check` would alone.

Every file is checked by its own `python -m drill check ID FILE --json --no-record ...` child, in a
session of its own, so it is judged exactly as `drill check` judges it (same seed, same verdicts,
same limits) and it never records progress. At most `jobs` children run at once. What each child
prints is parsed into a row; a child that dies or prints no JSON is a row with a message, never a
crash of the batch. Stopping the batch (Ctrl-C, SIGTERM, SIGHUP) stops every running check (SIGTERM,
so that it kills its worker, then SIGKILL) and kills whatever they left behind.

Memory stays bounded by the number of jobs: full reports are written to the JSONL file as they
arrive and dropped; only the summary rows are kept.
"""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import click

from drill.processes import become_subreaper, children_of, reap_orphans
from drill.ui import console, is_terminal, plain, table_box

COLUMNS = ("file", "result", "passed", "cases_passed", "cases_total", "first_failing_case", "likely_mistake",
           "seconds_at_largest_size", "message")
NOT_CHECKED = "not checked"
RESULT_ORDER = ("pass", "wrong", "error", "timeout", "memory", "crash", "rejected", NOT_CHECKED)
SKIPPED_DIRS = {"__pycache__", "node_modules"}
STOP_GRACE = 3.0  # seconds a stopped check gets to kill its own worker before it is killed


# ---------------------------------------------------------------- rows


@dataclass
class Row:
    file: str
    result: str                       # the check's verdict, or "not checked"
    passed: bool = False
    cases_passed: int | None = None
    cases_total: int | None = None
    first_failing_case: str = ""
    likely_mistake: str = ""
    seconds_at_largest_size: float | None = None
    message: str = ""                 # why it was not checked, why it was rejected, or the first failure
    about_file: bool = False          # the message is about the whole file (not checked, or not loaded)

    def to_csv(self) -> dict:
        values = {name: getattr(self, name) for name in COLUMNS}
        values["passed"] = "yes" if self.passed else "no"
        return {k: "" if v is None else v for k, v in values.items()}

    @property
    def sort_key(self):
        rank = RESULT_ORDER.index(self.result) if self.result in RESULT_ORDER else len(RESULT_ORDER)
        return (not self.passed, rank, -(self.cases_passed or 0), self.file)


def row_from_report(file: str, report: dict) -> Row:
    cases = report.get("cases") or []
    failing = next((c for c in cases if c.get("verdict") != "pass"), None)
    mistakes = report.get("mistakes") or []
    seconds = None
    for timing in reversed(report.get("timing") or []):
        you = (timing.get("seconds") or {}).get("you")
        if isinstance(you, (int, float)):
            seconds = float(you)
            break
    message = report.get("message") or (failing.get("message", "") if failing else "")
    return Row(file=file, result=str(report.get("verdict", "")), passed=bool(report.get("passed")),
               cases_passed=sum(c.get("verdict") == "pass" for c in cases), cases_total=len(cases),
               first_failing_case=failing.get("name", "") if failing and not report.get("message") else "",
               likely_mistake=str(mistakes[0].get("title") or mistakes[0].get("id", "")) if mistakes else "",
               seconds_at_largest_size=seconds, message=str(message), about_file=bool(report.get("message")))


def not_checked(file: str, message: str) -> Row:
    return Row(file=file, result=NOT_CHECKED, message=message, about_file=True)


# ---------------------------------------------------------------- which files


def collect(paths) -> tuple[list[str], list[Row]]:
    """The files to check (in the order given, directories walked and sorted, each file once) and a
    row for every path that gives none (missing, unreadable, or a folder without .py files)."""
    files, rows, seen = [], [], set()

    def add(path: str):
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for given in map(str, paths):
        if os.path.isdir(given):
            found, errors = _walk(given)
            for path in found:
                add(path)
            if errors and not found:
                rows.append(not_checked(given, f"cannot read this folder ({errors[0]})"))
            elif not found:
                rows.append(not_checked(given, "no .py files in this folder"))
        elif os.path.lexists(given) and not os.path.exists(given):
            rows.append(not_checked(given, "a broken symbolic link"))
        elif not os.path.exists(given):
            rows.append(not_checked(given, "does not exist"))
        else:
            add(given)  # a file named on the command line is checked whatever its name; `check` says why not
    return files, rows


def _walk(folder: str) -> tuple[list[str], list[str]]:
    found, errors = [], []

    def failed(exc: OSError):
        errors.append(exc.strerror or str(exc))

    for root, dirs, names in os.walk(folder, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        found += [os.path.normpath(os.path.join(root, n)) for n in sorted(names)
                  if n.endswith(".py") and not n.startswith(".")]
    return found, errors


# ---------------------------------------------------------------- one check, in a child


def check_command(problem_id: str, path: str, options: list[str]) -> list[str]:
    return [sys.executable, "-m", "drill", "check", "--json", "--no-record", *options, "--", problem_id, path]


def child_env() -> dict:
    """`python -m drill` puts the current folder first on sys.path, where a submission may well be
    named drill.py: PYTHONSAFEPATH (Python 3.11+) leaves it out, as the `drill` script does."""
    return {**os.environ, "PYTHONSAFEPATH": "1"}


def row_from_child(path: str, returncode: int, stdout: bytes, stderr: bytes) -> tuple[Row, dict | None]:
    """A finished child -> its row and its report (None when it printed no report)."""
    report = None
    try:
        data = json.loads(stdout.decode("utf-8", "replace"))
        if isinstance(data, dict) and isinstance(data.get("cases"), list):
            report = data
    except ValueError:
        pass
    if report is not None and returncode in (0, 1):
        return row_from_report(path, report), report
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    said = lines[-1] if lines else ""
    if said.startswith("drill: "):
        said = said[len("drill: "):]
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        why = f"the check was killed by {name}"
    elif returncode in (0, 1):
        why = "the check printed no report"
    else:
        why = f"the check exited with code {returncode}"
    return not_checked(path, said if said and returncode == 2 else why + (f": {said}" if said else "")), None


# ---------------------------------------------------------------- the batch


def _children() -> set[int]:
    """Our child processes (Linux: read from /proc; elsewhere nothing)."""
    return set(children_of(os.getpid())) if sys.platform.startswith("linux") else set()


class Batch:
    """Run checks in children, at most `jobs` at once; `stop()` ends them all."""

    def __init__(self, problem_id: str, options: list[str], jobs: int):
        self.problem_id, self.options, self.jobs = problem_id, options, jobs
        self.lock = threading.Lock()
        self.live: dict[int, subprocess.Popen] = {}
        self.stopping = False
        self.subreaper = become_subreaper()
        self.children_before = _children() if self.subreaper else set()

    def check(self, path: str):
        with self.lock:
            if self.stopping:
                return None
            try:
                proc = subprocess.Popen(check_command(self.problem_id, path, self.options), stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                                        env=child_env())
            except OSError as exc:
                return not_checked(path, f"cannot start a check: {exc.strerror or exc}"), None
            self.live[proc.pid] = proc
        try:
            stdout, stderr = proc.communicate()
        finally:
            with self.lock:
                self.live.pop(proc.pid, None)
        if self.stopping:
            return None
        return row_from_child(path, proc.returncode, stdout, stderr)

    def stop(self) -> None:
        """Stop every running check: SIGTERM (the check then kills its worker), SIGKILL after a grace."""
        with self.lock:
            self.stopping = True
            procs = list(self.live.values())
        for proc in procs:
            self._signal(proc, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        for proc in procs:
            try:
                proc.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        for proc in procs:
            self._signal(proc, signal.SIGKILL)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self.reap_orphans()

    @staticmethod
    def _signal(proc: subprocess.Popen, signum: int) -> None:
        if proc.poll() is not None:
            return  # reaped: its process group id may belong to someone else by now
        try:
            os.killpg(proc.pid, signum)
        except (ProcessLookupError, PermissionError):
            pass

    def reap_orphans(self) -> None:
        """Kill what a stopped check left behind (re-parented to us, as a child subreaper)."""
        if not self.subreaper:
            return
        def orphans():
            with self.lock:
                ours = {proc.pid for proc in self.live.values()}
            return _children() - self.children_before - ours

        reap_orphans(orphans, pause=0.01)


class _Display:
    """A rich progress bar on a terminal; one plain line per file on stderr otherwise."""

    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.progress = None
        if is_terminal() and total:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, \
                TimeElapsedColumn

            self.progress = Progress(SpinnerColumn(), TextColumn("grading"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), TextColumn("{task.description}"),
                                     console=console(), transient=True)
            self.task = self.progress.add_task("", total=total)
            self.progress.start()

    def advance(self, row: Row) -> None:
        self.done += 1
        if self.progress is not None:
            from rich.markup import escape

            self.progress.update(self.task, advance=1, description=escape(f"{row.file}: {_result_words(row)}"))
        else:
            click.echo(f"[{self.done}/{self.total}] {row.file}: {_result_words(row)}", err=True)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _result_words(row: Row) -> str:
    if row.result == NOT_CHECKED:
        return f"{NOT_CHECKED} ({row.message})"
    cases = f" ({row.cases_passed}/{row.cases_total})" if row.cases_total else ""
    return ("passed" if row.passed else row.result) + cases


def run(problem_id: str, paths, jobs: int, options: list[str], out: Path | None = None,
        seed: int | None = None) -> list[Row]:
    """Check every file under `paths`; print progress and the summary; write `out`. Returns the rows.

    Stopped by Ctrl-C, SIGTERM or SIGHUP, it stops every check, writes the rows it has, says so in one
    line and exits with 130."""
    rows: list[Row] = []
    total = 0
    interrupted = False
    jsonl = out is not None and out.suffix.lower() == ".jsonl"
    sink = open(out, "w", encoding="utf-8", newline="") if out is not None else None  # noqa: SIM115
    try:
        try:
            files, rows = collect(paths)
            total = len(files) + len(rows)
            if jsonl:
                for row in rows:
                    _write_jsonl(sink, _not_checked_json(problem_id, row, seed))
            _run_batch(problem_id, files, jobs, options, sink if jsonl else None, seed, rows)
        except (KeyboardInterrupt, SystemExit):  # Ctrl-C; SIGTERM and SIGHUP raise SystemExit (drill.cli.main)
            interrupted = True
        rows.sort(key=lambda r: r.sort_key)
        if sink is not None and not jsonl:
            writer = csv.DictWriter(sink, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(r.to_csv() for r in rows)
    finally:
        if sink is not None:
            sink.close()
    if interrupted:
        kept = f"; {out} holds their rows" if out is not None and rows else ""
        click.echo(f"drill: interrupted after {len(rows)} of {total} files{kept}", err=True)
        raise SystemExit(130)
    _summary(problem_id, rows, out)
    return rows


def _run_batch(problem_id, files, jobs, options, jsonl, seed, rows: list[Row]) -> None:
    """Check `files`, appending a row to `rows` as each check ends; on any exception (Ctrl-C too),
    every running check is stopped before the exception goes on."""
    if not files:
        return
    batch = Batch(problem_id, options, jobs)
    display = _Display(len(files))
    pool = ThreadPoolExecutor(max_workers=max(1, min(jobs, len(files))), thread_name_prefix="drill-grade")
    try:
        pending = {pool.submit(batch.check, path): path for path in files}
        while pending:
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                pending.pop(future)
                outcome = future.result()
                if outcome is None:
                    continue
                row, report = outcome
                rows.append(row)
                if jsonl is not None:
                    _write_jsonl(jsonl, report if report is not None else _not_checked_json(problem_id, row, seed))
                display.advance(row)
    except BaseException:
        display.close()
        _stop(batch, pool)
        raise
    display.close()
    pool.shutdown(wait=True)
    batch.reap_orphans()


def _stop(batch: Batch, pool: ThreadPoolExecutor) -> None:
    """Stop everything, deaf to a second Ctrl-C until it is done (half a stop leaves processes)."""
    main_thread = threading.current_thread() is threading.main_thread()
    saved = {}
    if main_thread:
        for name in ("SIGINT", "SIGTERM", "SIGHUP"):
            signum = getattr(signal, name, None)
            if signum is not None:
                saved[signum] = signal.signal(signum, signal.SIG_IGN)
    try:
        batch.stop()
        pool.shutdown(wait=True, cancel_futures=True)
        batch.reap_orphans()
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)


def _not_checked_json(problem_id: str, row: Row, seed: int | None) -> dict:
    from drill.judge import DEFAULT_SEED

    return {"problem": problem_id, "file": row.file, "seed": DEFAULT_SEED if seed is None else seed,
            "passed": False, "verdict": NOT_CHECKED,
            "message": row.message}


def _write_jsonl(sink, data: dict) -> None:
    sink.write(json.dumps(data, allow_nan=False) + "\n")
    sink.flush()


# ---------------------------------------------------------------- the summary


def _summary(problem_id: str, rows: list[Row], out: Path | None) -> None:
    from rich.markup import escape
    from rich.table import Table

    from drill.listing import _format_seconds
    from drill.report import VERDICT_STYLE

    screen = console()
    base = _common_folder([r.file for r in rows])
    shown = {r.file: os.path.relpath(r.file, base) if base else r.file for r in rows}
    title = f"drill grade {problem_id}" + (f", files under {base}{os.sep}" if base else "")
    table = Table(box=table_box(), title=escape(title), title_justify="left")
    table.add_column("file", overflow="fold", ratio=4)
    table.add_column("result", no_wrap=True)
    table.add_column("cases", justify="right", no_wrap=True)
    table.add_column("first failing case", overflow="fold", ratio=3)
    table.add_column("likely mistake", overflow="fold", ratio=3)
    table.add_column("time", justify="right", no_wrap=True)
    for row in rows:
        style = "green" if row.passed else VERDICT_STYLE.get(row.result, "yellow")
        cases = f"{row.cases_passed}/{row.cases_total}" if row.cases_total is not None else "-"
        table.add_row(escape(shown[row.file]), f"[{style}]{escape(row.result)}[/]" if not plain() else row.result, cases,
                      escape(row.first_failing_case) or "-", escape(row.likely_mistake) or "-",
                      _format_seconds(row.seconds_at_largest_size))
    if any(r.seconds_at_largest_size is not None for r in rows):
        table.caption, table.caption_justify = "time: the median of the file's runs at the largest timed size", "left"
    screen.print(table)
    notes = [r for r in rows if r.about_file and r.message]
    for row in notes:
        first = row.message.splitlines()[0] if row.message else ""
        screen.print(f"  {escape(shown[row.file])}: {escape(first)}")
    passed = sum(r.passed for r in rows)
    unchecked = sum(r.result == NOT_CHECKED for r in rows)
    words = f"{passed} of {len(rows)} passed"
    if len(rows) - passed - unchecked:
        words += f", {len(rows) - passed - unchecked} failed"
    if unchecked:
        words += f", {unchecked} not checked"
    screen.print(words + "." + (f" Wrote {out}." if out is not None else ""))


def _common_folder(files: list[str]) -> str:
    """The folder every file is in, when there is one worth stripping from the table."""
    if len(files) < 2:
        return ""
    try:
        base = os.path.commonpath([os.path.dirname(f) or "." for f in files])
    except ValueError:  # absolute and relative paths mixed
        return ""
    return "" if base in ("", ".", os.sep) else base
