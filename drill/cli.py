"""The `drill` command line. Commands stay thin: the work lives in the other modules.

numpy and rich are imported inside the commands that need them, so `drill --help` starts fast.
"""
from __future__ import annotations

import math
import os
import re
import shlex
import sys
from pathlib import Path

import click

from drill import __version__
from drill.ui import Failure, echo_json, unknown_problem

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# Before numpy is imported: drill's own arithmetic is small, and idle OpenBLAS threads spin for a
# while after each call, on the core the worker needs (measured on 2 cores: a --no-timing check of
# conv_backward ~0.05 s faster, medians of 14 runs). An explicit setting is kept.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def _catalog():
    from drill.catalog import Catalog

    return Catalog()


def _problem(problem_id: str):
    from drill.catalog import BankError, UnknownProblem

    try:
        return _catalog().get(Path(problem_id.strip()).name)  # forgive `conv_backward/`, `problems/iou`
    except UnknownProblem as exc:
        raise unknown_problem(exc) from None
    except BankError as exc:
        raise Failure(f"the problem bank is broken: {exc}") from None


MIN_MEMORY = 256 * 1024**2  # below this, Python and numpy cannot even start in the worker
MAX_SOLUTION_BYTES = 1024**2


def _memory(value: str) -> int:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgKMG]i?[bB]?|[bB])?\s*", value)
    if not match:
        raise click.BadParameter(f"'{value}' is not a size such as 512M or 2G", param_hint="--memory")
    number, unit = float(match.group(1)), (match.group(2) or "b")[0].lower()
    size = int(number * {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit])
    if size < MIN_MEMORY:
        raise click.BadParameter(f"{value} is too little: the worker needs at least 256M to start numpy",
                                 param_hint="--memory")
    return size


def _finite_seconds(ctx, param, value: float) -> float:
    if not math.isfinite(value):
        raise click.BadParameter("must be a finite number of seconds")
    return value


def _complete_id(ctx, param, incomplete):
    """Shell completion of problem ids (`eval "$(_DRILL_COMPLETE=bash_source drill)"`)."""
    from drill.completion import problem_ids

    return problem_ids(incomplete)


def _complete_case(ctx, param, incomplete):
    from drill.completion import case_names

    # With `--case` still missing its value, click leaves the earlier words unparsed in ctx.args.
    problem_id = ctx.params.get("problem_id") or next((a for a in ctx.args if not a.startswith("-")), None)
    return case_names(problem_id, ctx.params.get("seed"), incomplete)


def _color(ctx, param, value):
    from drill.ui import set_color

    set_color(value or "auto")
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="drill")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              callback=_color, expose_value=False, is_eager=True,
              help="Colours and boxes: auto (on a terminal, unless NO_COLOR; FORCE_COLOR forces them), always, never.")
@click.pass_context
def cli(ctx):
    """Practise the coding questions of ML interviews: write it, check it, see what is wrong.

    \b
      drill list                        browse problems
      drill start bn_backward my.py     statement + skeleton
      drill check bn_backward my.py     grade: hidden tests, gradient checks, timing table
      drill grade bn_backward subs/     grade many files, two at a time or more
      drill hint bn_backward            one more hint
      drill show bn_backward            reveal the reference solutions
      drill watch bn_backward           check again on every save
      drill mock                        a timed interview round
      drill stats                       how your practice is going
    """
    if ctx.resilient_parsing or ctx.invoked_subcommand is None:
        return
    from drill import mock

    mock.expire_notice()


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--topic", default=None, help="Only the problems of this topic.")
@click.option("--difficulty", type=click.Choice(["easy", "medium", "hard"]), default=None,
              help="Only the problems of this difficulty.")
@click.option("--status", type=click.Choice(["new", "attempted", "passed"]), default=None,
              help="Only the problems with this status.")
def list_command(as_json, topic, difficulty, status):
    """Browse the problems, with your status, attempts, hints used and best time."""
    from drill import listing
    from drill.catalog import BankError

    try:
        listing.show(_catalog(), as_json, topic, difficulty, status)
    except BankError as exc:
        raise Failure(f"the problem bank is broken: {exc}; `drill verify` checks it") from None


@cli.command()
@click.argument("problem_id", metavar="ID", shell_complete=_complete_id)
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def start(problem_id, file, force):
    """Print the statement of ID and write its skeleton to FILE (default ./ID.py)."""
    from drill import listing

    problem = _problem(problem_id)
    target = file or Path(f"{problem.id}.py")
    if target.exists() and not force:
        again = f"`drill check {problem.id}` checks it, " if file is None else ""
        raise Failure(f"{target} already exists; {again}use --force to overwrite it, or pick another file name.")
    if not target.parent.is_dir():
        raise Failure(f"folder {target.parent} does not exist; create it first (mkdir -p {shlex.quote(str(target.parent))}).")
    listing.print_statement(problem)
    try:
        target.write_text(problem.skeleton_path.read_text(encoding="utf-8"), encoding="utf-8")
    except OSError as exc:
        raise Failure(f"cannot write {target}: {exc.strerror or exc}") from None
    click.echo(f"\nWrote the skeleton to {target}. When it is ready:\n\n"
               f"    drill check {problem.id} {shlex.quote(str(target))}\n")


@cli.command()
@click.argument("problem_id", metavar="ID", shell_complete=_complete_id)
def statement(problem_id):
    """Print the statement of ID again (writes nothing)."""
    from drill import listing

    listing.print_statement(_problem(problem_id))


@cli.command("read", hidden=True)
@click.argument("problem_id", metavar="ID", shell_complete=_complete_id)
@click.pass_context
def read_alias(ctx, problem_id):
    """Same as `statement`."""
    ctx.invoke(statement, problem_id=problem_id)


@cli.command()
@click.argument("problem_id", metavar="ID", shell_complete=_complete_id)
@click.option("--yes", "-y", is_flag=True, help="Skip the spoiler question.")
def show(problem_id, yes):
    """Reveal the reference solutions of ID (loop and vectorized), then its notes."""
    from drill import listing, mock

    problem = _problem(problem_id)
    mock.guard("solutions")
    if not yes and sys.stdin.isatty() and sys.stdout.isatty():
        if not click.confirm(f"Reveal the reference solutions of {problem.id}? Spoilers ahead", default=False):
            click.echo("Not revealed. `drill hint " + problem.id + "` gives one hint at a time.")
            return
    listing.print_solutions(problem)


@cli.command()
@click.argument("problem_id", metavar="ID", shell_complete=_complete_id)
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=None, help="Seed of the hidden cases (default 231).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables (= --format json).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit", "gradescope"]), default=None,
              help="text (default), json, junit (JUnit XML) or gradescope (Gradescope's results.json).")
@click.option("--no-record", is_flag=True, hidden=True, help="Do not record the check in the progress store.")
@click.option("--no-timing", is_flag=True, help="Skip the timing table.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=5.0, show_default=True, callback=_finite_seconds,
              help="Wall-clock limit per call, in seconds.")
@click.option("--memory", "memory", default="2G", show_default=True, help="Memory limit of the worker, e.g. 512M or 2G.")
@click.option("--case", "only_case", default=None, shell_complete=_complete_case,
              help="Run only the hidden case of this name.")
@click.option("-v", "--verbose", is_flag=True, help="Show every case's failure in full.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the closing line.")
@click.option("-x", "--exitfirst", is_flag=True, help="Stop at the first failing case.")
@click.option("--isolate", is_flag=True,
              help="Run the file under bubblewrap (for code you did not write; see below).")
def check(problem_id, file, seed, as_json, fmt, no_record, no_timing, timeout, memory, only_case, verbose, quiet,
          exitfirst, isolate):
    """Grade FILE (default ./ID.py) against the hidden cases of ID.

    \b
    Your file always runs in a separate worker process under a time, memory and
    output limit, and every verdict is computed by drill from the returned data.
    By default the worker runs as you: fine for your own code, but a file written
    to attack drill could read the bank or your files and tamper with drill.
    --isolate is for strangers' code (interviews, courses): the worker runs under
    bubblewrap in its own user, PID, IPC and network namespaces and sees only
    Python and numpy: not the bank, not your home or progress, not drill itself.
    It does not protect against kernel exploits. Without bwrap it exits 2.
    """
    from drill.isolation import IsolationUnavailable
    from drill.sandbox import Limits, Sandbox

    if as_json and fmt not in (None, "json"):
        raise Failure(f"--json and --format {fmt} disagree; give one of them.")
    fmt = "json" if as_json else (fmt or "text")
    problem, file = _problem_and_file(problem_id, file, "check")
    if not file.exists():
        raise Failure(f"{file} does not exist. `drill start {problem.id} {file}` writes a skeleton there.")
    if file.is_dir():
        raise Failure(f"{file} is a directory; give the path of your solution file.")
    if not file.is_file():
        raise Failure(f"{file} is not a regular file; give the path of your solution file.")
    if not os.access(file, os.R_OK):
        raise Failure(f"{file} cannot be read (permission denied).")
    if file.stat().st_size > MAX_SOLUTION_BYTES:
        raise Failure(f"{file} is larger than 1 MB; is it really your solution?")
    limits = Limits(timeout=timeout, memory=_memory(memory), isolate=isolate)
    try:
        sandbox = Sandbox(file, problem.allowed_imports, limits, trusted_files=() if no_timing else problem.reference_files)
    except IsolationUnavailable as exc:
        raise Failure(str(exc)) from None
    # The worker starts Python and imports numpy on the other core while this process imports its own
    # (numpy included: drill.sandbox needs none); it runs nothing of the file before the judge says go.
    sandbox.prestart()
    try:
        from drill import judge, practice, report

        seed = judge.DEFAULT_SEED if seed is None else seed
        try:
            result = judge.check(problem, file, seed=seed, limits=limits, timing=not no_timing, only_case=only_case,
                                 exitfirst=exitfirst, before_run=report.preload if fmt == "text" else None,
                                 sandbox=sandbox)
        except judge.UnknownCase:
            raise Failure(_unknown_case(only_case, [c.name for c in judge.build_cases(problem, seed)], problem.id,
                                        seed)) from None
    finally:
        sandbox.close()
    if fmt == "text":
        report.render(result, report.QUIET if quiet else report.VERBOSE if verbose else report.NORMAL)
    else:
        from drill import formats

        data = result.to_json()
        if fmt == "junit":
            click.echo(formats.junit(data), nl=False)
        else:
            echo_json(formats.gradescope(data) if fmt == "gradescope" else data)
    if not no_record:  # `drill grade` checks others' files: that is not the user's progress
        practice.after_check(problem, file, result, seed, to_stderr=fmt != "text")
    sys.exit(EXIT_OK if result.passed else EXIT_FAILED)


@cli.command()
@click.argument("problem_id", metavar="ID", shell_complete=_complete_id)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Checks run at once.  [default: the number of cores]")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write one row per file: FILE.csv (the summary's columns) or FILE.jsonl (each check's JSON).")
@click.option("--isolate", is_flag=True, help="Check every file as `drill check --isolate` does (strangers' code).")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=None, help="Seed of the hidden cases (default 231).")
@click.option("--no-timing", is_flag=True, help="Skip the timing (no time column).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=5.0, show_default=True, callback=_finite_seconds,
              help="Wall-clock limit per call, in seconds.")
@click.option("--memory", "memory", default="2G", show_default=True, help="Memory limit of each worker, e.g. 512M or 2G.")
def grade(problem_id, paths, jobs, out, isolate, seed, no_timing, timeout, memory):
    """Check every .py file of PATH... (folders are walked) against ID, a few at a time, each exactly as
    `drill check` would alone; then a summary table. Nothing is recorded in your progress."""
    from drill import grading

    problem = _problem(problem_id)
    _memory(memory)
    if out is not None and out.suffix.lower() not in (".csv", ".jsonl"):
        raise click.BadParameter(f"'{out}' must end in .csv or .jsonl", param_hint="--out")
    if out is not None and not out.parent.is_dir():
        raise Failure(f"folder {out.parent} does not exist; create it first, or write --out elsewhere.")
    if isolate:  # never a silent fallback, and one line rather than a failure per file
        from drill.isolation import IsolationUnavailable, bwrap_path

        try:
            bwrap_path()
        except IsolationUnavailable as exc:
            raise Failure(str(exc)) from None
    options = [*(["--seed", str(seed)] if seed is not None else []), *(["--no-timing"] if no_timing else []),
               "--timeout", repr(timeout), "--memory", memory, *(["--isolate"] if isolate else [])]
    try:
        rows = grading.run(problem.id, paths, jobs or os.cpu_count() or 1, options, out, seed)
    except OSError as exc:
        if out is None:
            raise
        raise Failure(f"cannot write {out}: {exc.strerror or exc}") from None
    sys.exit(EXIT_OK if rows and all(r.passed for r in rows) else EXIT_FAILED)


@cli.command()
@click.argument("problem_id", metavar="ID", shell_complete=_complete_id)
@click.option("--all", "show_all", is_flag=True, help="Show every hint at once.")
def hint(problem_id, show_all):
    """Show the next hint for ID (one more each time)."""
    from drill import listing, mock

    problem = _problem(problem_id)
    mock.guard("hints")
    listing.show_hint(problem, show_all)


@cli.command()
@click.argument("problem_ids", metavar="[ID]...", nargs=-1, shell_complete=_complete_id)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--seeds", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="Seeds every known mistake is swept over.")
def verify(problem_ids, as_json, seeds):
    """Prove the bank sound: references pass, skeletons fail, and every known mistake fails at every
    seed of a sweep and is named as itself (and only itself)."""
    from drill import verify as verifier

    from drill.catalog import UnknownProblem

    catalog = _catalog()
    for problem_id in problem_ids:
        if problem_id not in catalog.ids:
            raise unknown_problem(UnknownProblem(problem_id, catalog.ids))
    ids = list(problem_ids) or catalog.ids
    ok = verifier.run(catalog, ids, as_json, seeds)
    sys.exit(EXIT_OK if ok else EXIT_FAILED)


def _unknown_case(name: str, names: list[str], problem_id: str, seed: int) -> str:
    import difflib

    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return f"no case named '{name}' for {problem_id} with seed {seed}.{hint} Cases: {', '.join(names)}"


def _problem_and_file(problem_id: str, file: Path | None, command: str):
    """ID and FILE as given; FILE defaults to ./ID.py; `drill check my.py` says the id is missing."""
    from drill import practice

    forgot = practice.forgotten_id(_catalog(), problem_id, None if file is None else str(file), command)
    if forgot is not None:
        raise forgot
    problem = _problem(problem_id)
    return problem, file if file is not None else practice.default_file(problem.id, command)


@cli.command()
@click.argument("problem_id", metavar="ID", shell_complete=_complete_id)
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=None, help="Seed of the hidden cases (default 231).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=5.0, show_default=True, callback=_finite_seconds,
              help="Wall-clock limit per call, in seconds.")
@click.option("--memory", "memory", default="2G", show_default=True, help="Memory limit of the worker, e.g. 512M or 2G.")
@click.option("--max-runs", type=click.IntRange(min=1), default=None, hidden=True, help="Stop after N checks.")
def watch(problem_id, file, seed, timeout, memory, max_runs):
    """Check FILE (default ./ID.py), then again every time it is saved, until Ctrl-C.
    Type h + Enter for the next hint."""
    from drill import judge
    from drill import watch as watcher
    from drill.sandbox import Limits

    problem, file = _problem_and_file(problem_id, file, "watch")
    if file.is_dir():
        raise Failure(f"{file} is a directory; give the path of your solution file.")
    limits = Limits(timeout=timeout, memory=_memory(memory))
    seed = judge.DEFAULT_SEED if seed is None else seed
    sys.exit(watcher.run(problem, file, seed, limits, max_runs))


@cli.command()
@click.argument("problem_id", metavar="ID", shell_complete=_complete_id)
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
def reset(problem_id, yes):
    """Forget your progress on ID: its checks, hints shown and mock rounds."""
    from drill import progress

    problem = _problem(problem_id)
    try:
        checks, hints = progress.counts(problem.id)
    except progress.ProgressError as exc:
        raise Failure(str(exc)) from None
    what = f"{checks} check{'s' * (checks != 1)} and {hints} hint{'s' * (hints != 1)} shown"
    if not yes:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise Failure(f"reset forgets {what} for {problem.id}; not on a terminal, so confirm with --yes: "
                          f"drill reset {problem.id} --yes")
        if not click.confirm(f"Forget {what} for {problem.id}?", default=False):
            click.echo("Nothing forgotten.")
            return
    try:
        progress.reset(problem.id)
    except progress.ProgressError as exc:
        raise Failure(str(exc)) from None
    click.echo(f"Forgot {what} for {problem.id}: it is new again.")


@cli.command()
@click.option("--minutes", type=click.FloatRange(min=0, min_open=True, max=24 * 60), default=45, show_default=True,
              help="Length of the round.")
@click.option("--difficulty", type=click.Choice(["easy", "medium", "hard"]), default=None,
              help="Pick a problem of this difficulty.")
@click.option("--topic", default=None, help="Pick a problem of this topic.")
@click.option("--stop", is_flag=True, help="End the running round.")
@click.option("--pick", default=None, hidden=True, shell_complete=_complete_id, help="This problem (for tests).")
def mock(minutes, difficulty, topic, stop, pick):
    """A mock interview round: a random problem you have not passed, written to ./ID.py, against the clock.
    Hints and solutions are off until it ends (passed, time up, or --stop)."""
    from drill import mock as mocks

    try:
        if stop:
            mocks.stop()
        else:
            mocks.start(_catalog(), minutes, difficulty, topic, pick)
    except mocks.progress.ProgressError as exc:
        raise Failure(str(exc)) from None


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def stats(as_json):
    """Your practice so far: per topic and difficulty, passed/attempted, median time to pass, hints used."""
    from drill import stats as statistics

    statistics.show(_catalog(), as_json)


def _exit_on_signal(signum, frame):
    # Unwind normally, so that the sandbox's `finally` kills the worker's process group.
    raise SystemExit(128 + signum)


def main():
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _exit_on_signal)
    try:
        cli.main(prog_name="drill", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("drill: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of drill's own: one line, the traceback only on request
        if os.environ.get("DRILL_DEBUG"):
            raise
        click.echo(f"drill: internal error: {type(exc).__name__}: {exc} (set DRILL_DEBUG=1 for details)", err=True)
        sys.exit(EXIT_USAGE)
