"""Run tasks in worker processes, under limits enforced from outside the worker.

- wall clock: every task has a deadline; on expiry the worker's whole process group is killed;
- memory: RLIMIT_AS in the child, and the judge polls the worker's resident size as a backstop;
- output: the solution's stdout/stderr go to one pipe that a thread drains, keeping only the head;
- orphans: the judge is a child subreaper (Linux), so processes a solution starts — even in a new
  session — are re-parented to it when the worker dies, and are killed before the check ends.

A worker that dies or overruns is replaced by a fresh one for the remaining tasks.
"""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from drill.processes import WORKER_ENV, become_subreaper, children_of, descendants, parents, reap_orphans

# Read once, when the judge starts: every worker runs these copies, written into its own job folder,
# so a solution that rewrites the installed files changes nothing for the rest of the check.
WORKER_SOURCE = Path(__file__).with_name("worker.py").read_bytes()
GRADCHECK_SOURCE = Path(__file__).with_name("gradcheck.py").read_bytes()
FULL_LIMIT_FAILURES = 2     # after this many timeouts or crashes the remaining tasks get a shorter limit ...
SHORT_LIMIT = 1.0           # ... of this many seconds (a solution that hangs or dies everywhere ends soon)
MAX_FAILURES = 6            # and after this many, the remaining tasks are not run


@dataclass
class Limits:
    timeout: float = 5.0            # seconds per task
    memory: int = 2 * 1024**3       # bytes of address space
    output_cap: int = 8 * 1024      # bytes of captured stdout/stderr kept
    startup_timeout: float = 30.0   # starting Python and importing numpy (slow on a loaded machine)
    isolate: bool = False           # run the worker under bubblewrap (drill.isolation)


@dataclass
class Outcome:
    """What happened to one task. status: ok, error, memory, exit, bad_return, rejected, timeout, crash."""

    status: str
    result: dict = field(default_factory=dict)
    arrays: dict = field(default_factory=dict)
    message: str = ""
    not_run: bool = False


@dataclass
class LoadFailure:
    status: str          # rejected, error, memory, exit, timeout, crash
    details: dict


@dataclass
class Session:
    outcomes: dict[int, Outcome] = field(default_factory=dict)
    load_failure: LoadFailure | None = None
    callables: list[str] = field(default_factory=list)
    output_head: bytes = b""
    output_total: int = 0
    violations: list[dict] = field(default_factory=list)  # forbidden imports, as the worker reported them


class OutputTap:
    """Drain a pipe in a thread, keeping the first `cap` bytes and counting the rest."""

    def __init__(self, pipe, session: Session, cap: int):
        self.pipe, self.session, self.cap = pipe, session, cap
        self.thread = threading.Thread(target=self._drain, daemon=True)
        self.thread.start()

    def _drain(self):
        fd = self.pipe.fileno()
        while True:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            room = self.cap - len(self.session.output_head)
            if room > 0:
                self.session.output_head += chunk[:room]
            self.session.output_total += len(chunk)

    def join(self):
        self.thread.join(timeout=2)
        self.pipe.close()


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _describe_exit(code: int) -> str:
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        meaning = {"SIGSEGV": "segmentation fault", "SIGABRT": "aborted", "SIGKILL": "killed",
                   "SIGBUS": "bus error", "SIGFPE": "arithmetic error", "SIGTERM": "terminated"}.get(name, "")
        return f"was killed by {name}" + (f" ({meaning})" if meaning else "")
    return f"exited with code {code}"


LOAD_STATUSES = {"ok", "missing", "rejected", "error", "memory", "exit"}
TASK_STATUSES = {"ok", "error", "memory", "exit", "bad_return", "rejected", "crash"}
TEXT_FIELDS = ("message", "traceback", "exc_type", "code", "step")


def _clean(details: dict) -> dict:
    """A worker's message, reduced to the fields the judge reads, each of the type it expects
    (anything else is dropped): the worker runs the user's code, so its messages are data to check."""
    clean = {}
    for key in TEXT_FIELDS:
        value = details.get(key)
        if value is not None:
            clean[key] = (value if isinstance(value, str) else json.dumps(value)[:200])[:10_000]
    for key in ("callables", "missing"):
        value = details.get(key)
        if isinstance(value, list):
            clean[key] = [v[:200] for v in value[:1000] if isinstance(v, str)]
    for key in ("outputs", "inputs_after"):
        value = details.get(key)
        if isinstance(value, dict):
            clean[key] = {str(k): v for k, v in value.items() if isinstance(v, dict)}
    for key in ("returned", "returned_after"):
        value = details.get(key)
        if isinstance(value, dict):
            clean[key] = {str(k): v for k, v in value.items() if isinstance(v, str)}
    seconds = details.get("seconds")
    if type(seconds) in (int, float) and 0 <= seconds < 1e6:
        clean["seconds"] = float(seconds)
    for key in ("rows", "failures"):  # timing data: validated where it is read
        if key in details:
            clean[key] = details[key]
    return clean


def _package_dirs(names) -> list[str]:
    """Where the allowed packages' code lives (numpy's folder, ...): the worker runs code from there."""
    import importlib.util

    dirs = []
    for name in names:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is not None and spec.submodule_search_locations:
            dirs += list(spec.submodule_search_locations)
        elif spec is not None and spec.origin:
            dirs.append(str(Path(spec.origin).parent))
    return dirs


def job_root() -> str | None:
    """Where job folders go: $TMPDIR when it is set; else /dev/shm, in memory, when writable (a
    check writes a small file per case each way: ~1 ms each on a /tmp that is a disk, 0.03 ms
    there); else the system's temporary folder."""
    if os.environ.get("TMPDIR"):
        return None
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def _job_folder() -> tempfile.TemporaryDirectory:
    # The solution may tamper with its folders (even replace them by links): never fail on cleanup.
    return tempfile.TemporaryDirectory(prefix="drill-", dir=job_root(), ignore_cleanup_errors=True)


def worker_env() -> dict:
    """The judge's environment with drill.processes.WORKER_ENV on top."""
    return {**os.environ, **WORKER_ENV}


class Sandbox:
    def __init__(self, solution: Path, allowed_imports, limits: Limits, trusted_files=()):
        """trusted_files (the references a timing task may load) are read now, before any user code
        runs; workers get these copies in their job folder, never the files on disk."""
        self.solution = Path(solution).resolve()
        self.allowed_imports = list(allowed_imports)
        self.limits = limits
        self.subreaper = become_subreaper()
        self.package_dirs = _package_dirs(self.allowed_imports)
        self.trusted = {str(Path(f)): Path(f).read_bytes() for f in trusted_files if f and Path(f).is_file()}
        if limits.isolate:
            from drill import isolation

            isolation.bwrap_path()  # raises IsolationUnavailable: never a silent fallback
        self._warm = None  # (job folder, session, (proc, read_fd, tap)) of a worker started early

    def prestart(self) -> None:
        """Start the first worker now: it starts Python and imports numpy (a fifth of a second) while
        the judge builds the cases, and waits. It reads its job and imports the user's file only
        when `run` says go, so nothing of the user's runs before the judge has read what it needs."""
        if self._warm is not None:
            return
        folder = _job_folder()
        jobdir = Path(folder.name)
        session = Session()
        self._write_worker(jobdir)
        self._warm = (folder, session, self._spawn(jobdir, session))

    def close(self) -> None:
        """Stop a worker started by `prestart` that never ran (the check ended before it)."""
        warm, self._warm = self._warm, None
        if warm is not None:
            folder, _, (proc, read_fd, tap) = warm
            os.close(read_fd)
            self._kill(proc)
            tap.join()
            folder.cleanup()

    # -- process management ------------------------------------------------------------------

    def _write_worker(self, jobdir: Path) -> None:
        (jobdir / "worker.py").write_bytes(WORKER_SOURCE)
        (jobdir / "gradcheck.py").write_bytes(GRADCHECK_SOURCE)
        (jobdir / "scratch").mkdir(exist_ok=True)
        self._children_before = set(children_of(os.getpid())) if self.subreaper else set()

    @staticmethod
    def _go(proc) -> None:
        """The worker waits for this byte on its stdin before reading its job; stdin is then closed,
        so the user's code reads end-of-file there, as from /dev/null."""
        try:
            proc.stdin.write(b"g")
            proc.stdin.close()
        except OSError:
            pass  # it died already: the message loop reports how

    def _spawn(self, jobdir: Path, session: Session):
        read_fd, write_fd = os.pipe()
        worker = [str(jobdir / "worker.py"), str(jobdir), str(write_fd)]
        if self.limits.isolate:
            from drill import isolation

            argv = isolation.command(worker + [isolation.LIBRARY_ROOT], jobdir, self.solution, self.package_dirs)
        else:
            # -I: no user site, no PYTHON* variables, script folder not on sys.path; -B: no .pyc
            # next to the user's file; -u: unbuffered, so output printed before a kill is kept
            argv = [sys.executable, "-I", "-B", "-u", *worker]
        try:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                pass_fds=(write_fd,), start_new_session=True,
                cwd=str(jobdir / "scratch"), env=worker_env(),
            )
        finally:
            os.close(write_fd)
        return proc, read_fd, OutputTap(proc.stdout, session, self.limits.output_cap)

    def _trusted_copies(self, jobdir: Path, references: dict) -> dict:
        """Point a timing task at the copies read when the judge started (unknown files are dropped)."""
        copies = {}
        for name, path in references.items():
            source = self.trusted.get(str(Path(path)))
            if source is not None:
                copy = jobdir / f"reference_{name}.py"
                copy.write_bytes(source)
                copies[name] = str(copy)
        return copies

    def _kill(self, proc):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            proc.kill()
        except ProcessLookupError:
            pass
        proc.wait()
        self._reap_orphans()

    def _reap_orphans(self):
        """Kill whatever the solution started that outlived the worker (re-parented to us)."""
        if self.subreaper:
            reap_orphans(lambda: set(children_of(os.getpid())) - self._children_before)

    # -- the message loop --------------------------------------------------------------------

    def _tree_rss(self, proc) -> int:
        """The resident memory of the worker and everything it started, orphans re-parented to us
        included: the memory limit covers the whole tree, not each process."""
        if not sys.platform.startswith("linux"):
            return 0
        family = parents()
        roots = {proc.pid}
        if self.subreaper:
            roots |= {pid for pid, parent in family.items() if parent == os.getpid()} - self._children_before
        return sum(_rss_bytes(pid) for pid in descendants(roots, family))

    def _wait_message(self, proc, read_fd, buffer: bytearray, deadline: float):
        """Return (message | None, reason) where reason is 'ok', 'timeout', 'memory' or 'eof'."""
        while True:
            newline = buffer.find(b"\n")
            if newline >= 0:
                line = bytes(buffer[:newline])
                del buffer[: newline + 1]
                try:
                    message = json.loads(line)
                except (ValueError, RecursionError):
                    continue  # garbage written to our channel by the solution: ignore it
                if not isinstance(message, dict):
                    continue
                if message.get("event") == "violation":  # recorded for good, whatever comes next
                    module, where = message.get("module"), message.get("line")
                    self.session.violations.append({
                        "module": module[:100] if isinstance(module, str) else "?",
                        "line": where if type(where) is int else None})
                    continue
                return message, "ok"
            now = time.monotonic()
            if now >= deadline:
                return None, "timeout"
            ready, _, _ = select.select([read_fd], [], [], min(0.05, deadline - now))
            if ready:
                chunk = os.read(read_fd, 1 << 16)
                if not chunk:
                    return None, "eof"
                buffer += chunk
                if len(buffer) > 1 << 24:
                    return None, "eof"
            elif self._tree_rss(proc) > self.limits.memory:
                return None, "memory"

    def run(self, tasks: list[dict], task_arrays: dict[int, dict], deadlines: dict[int, float] | None = None,
            required: tuple[str, ...] = (), stop=None) -> Session:
        """Run tasks (dicts with an 'id') in as few workers as possible; return every outcome.

        stop(task_id, outcome) -> bool, when given, ends the run after the first outcome it accepts
        (-x: stop at the first failing case); the tasks after it get no outcome."""
        if self._warm is not None:  # the job folder and session of the worker started early
            folder, session, _ = self._warm
        else:
            folder, session = _job_folder(), Session()
        self.session = session
        self.stop = stop
        deadlines = deadlines or {}
        self.required = list(required)
        from drill import arrays as wire  # numpy: not needed to start a worker, needed from here

        with folder as tmp:
            jobdir = Path(tmp)
            for task in tasks:
                task["arrays"] = wire.write_arrays(jobdir / f"in_{task['id']}.bin", task_arrays.get(task["id"], {}))
                if "references" in task:
                    task["references"] = self._trusted_copies(jobdir, task["references"])
            pending = list(tasks)
            failures = 0  # workers lost to a timeout, the memory limit or a crash
            while pending:
                if failures >= MAX_FAILURES:
                    for task in pending:
                        session.outcomes[task["id"]] = Outcome(
                            "timeout", message=f"not run: {failures} earlier cases ran out of time or crashed",
                            not_run=True)
                    break
                short = failures >= FULL_LIMIT_FAILURES
                pending, lost = self._run_worker(jobdir, pending, session, deadlines, short)
                failures += lost
                if session.load_failure or session.violations:
                    break
        return session

    def _run_worker(self, jobdir: Path, pending: list[dict], session: Session, deadlines,
                    short: bool) -> tuple[list[dict], int]:
        if self.limits.isolate:
            from drill.isolation import LIBRARY_ROOT

            allowed_dirs = [f"{LIBRARY_ROOT}/{Path(d).name}" for d in self.package_dirs]
        else:
            allowed_dirs = self.package_dirs
        job = {"solution": str(self.solution), "allowed_imports": self.allowed_imports, "isolated": self.limits.isolate,
               "allowed_dirs": allowed_dirs, "judging": all(t["kind"] != "timing" for t in pending),
               "gradcheck_module": str(jobdir / "gradcheck.py"), "required": self.required, "tasks": pending,
               "memory_bytes": self.limits.memory, "judge_pid": os.getpid()}
        (jobdir / "job.json").write_text(json.dumps(job), encoding="utf-8")
        warm, self._warm = self._warm, None
        if warm is not None:
            proc, read_fd, tap = warm[2]
        else:
            self._write_worker(jobdir)
            proc, read_fd, tap = self._spawn(jobdir, session)
        self._go(proc)
        buffer = bytearray()
        remaining = list(pending)
        try:
            message, reason = self._wait_message(proc, read_fd, buffer, time.monotonic() + self.limits.startup_timeout)
            if message is not None and message.get("event") == "ready":
                # importing the user's file runs their top-level code: the per-call limit applies
                message, reason = self._wait_message(proc, read_fd, buffer, time.monotonic() + self.limits.timeout)
            if message is None or message.get("event") != "load":
                session.load_failure = self._load_failure(proc, reason)
                return [], 0
            status = message.get("status")
            if not isinstance(status, str) or status not in LOAD_STATUSES:
                session.load_failure = LoadFailure("crash", {"message": "the worker sent a malformed message"})
                return [], 0
            details = _clean(message)
            if status != "ok":
                session.load_failure = LoadFailure(status, details)
                return [], 0
            session.callables = details.get("callables", [])
            while remaining:
                task = remaining[0]
                limit = deadlines.get(task["id"], self.limits.timeout)
                if short:
                    limit = min(limit, SHORT_LIMIT)
                deadline = time.monotonic() + limit
                message, reason = self._wait_message(proc, read_fd, buffer, deadline)
                if message and message.get("event") == "start":
                    if message.get("task") != task["id"]:
                        session.outcomes[task["id"]] = Outcome("crash", message="the worker lost track of the tasks")
                        return remaining[1:], 0
                    message, reason = self._wait_message(proc, read_fd, buffer, deadline)
                if message and message.get("event") == "done" and message.get("task") == task["id"]:
                    outcome = session.outcomes[task["id"]] = self._read_outcome(jobdir, task, message)
                    remaining.pop(0)
                    if self.stop is not None and self.stop(task["id"], outcome):
                        return [], 0
                    continue
                if message is not None:
                    reason = "eof"  # an unexpected message: treat the channel as broken
                outcome = session.outcomes[task["id"]] = self._failure_outcome(proc, reason, limit)
                if self.stop is not None and self.stop(task["id"], outcome):
                    return [], 1
                return remaining[1:], 1
            return [], 0
        finally:
            os.close(read_fd)
            self._kill(proc)
            tap.join()

    def _failure_outcome(self, proc, reason: str, limit: float) -> Outcome:
        if reason == "timeout":
            return Outcome("timeout", message=f"no result within the time limit of {limit:g} s")
        if reason == "memory":
            return Outcome("memory", message=f"used more than {self.limits.memory / 1024**3:g} GiB of memory")
        try:
            code = proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return Outcome("crash", message="the worker closed its result channel")
        return Outcome("crash", message=f"the worker {_describe_exit(code)} before returning a result")

    def _load_failure(self, proc, reason: str) -> LoadFailure:
        outcome = self._failure_outcome(proc, reason, self.limits.timeout)
        message = outcome.message.replace("before returning a result", "while importing your file")
        return LoadFailure(outcome.status, {"message": message})

    def _read_outcome(self, jobdir: Path, task: dict, message: dict) -> Outcome:
        status = message.get("status")
        if not isinstance(status, str) or status not in TASK_STATUSES or not isinstance(message.get("result"), dict):
            return Outcome("crash", message="the worker sent a malformed result")
        result = _clean(message["result"])
        limit = min(self.limits.memory, int(task.get("max_result_bytes", self.limits.memory)))
        from drill import arrays as wire

        try:
            loaded = wire.load_arrays(jobdir / f"out_{task['id']}.bin", message.get("arrays"), limit)
        except wire.ResultTooLarge as exc:
            return Outcome("wrong", message=f"{exc}; refused unread")
        except Exception as exc:  # the solution may have written anything there
            return Outcome("crash", message=f"the worker's result could not be read ({type(exc).__name__})")
        return Outcome(status, result=result, arrays=loaded)
