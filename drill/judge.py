"""The trusted side of the grader: build the hidden cases, run them in a worker, decide every verdict.

The user's file is never imported here. It is read as text (to reject what cannot run), then run by
`drill.sandbox` in a child process; what comes back is data, compared with what the reference
solutions compute in this process.
"""
from __future__ import annotations

import ast
import copy
import difflib
import io
import shlex
import sys
import threading
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from drill.arrays import decode_value, encode_inputs, value_nbytes
from drill.catalog import Problem, load_module
from drill.compare import Comparison, Opaque, compare
from drill.diagnosis import Diagnoser
from drill.gradcheck import numerical_gradient, rel_error
from drill.plan import MISSING, base_name, outputs_of, resolve, run_plan
from drill.sandbox import Limits, Sandbox
from drill import timing as timing_module
from drill.timing import TimingRow

DEFAULT_SEED = 231  # cs231n's seed: reproducible by default
VERDICTS = ("pass", "wrong", "error", "timeout", "memory", "crash", "rejected")  # DESIGN.md's vocabulary


# ---------------------------------------------------------------- results


@dataclass
class Case:
    name: str
    why: str
    inputs: dict
    designed: bool = True
    atol_scale: float | None = None  # a case may state the scale of its absolute tolerance


@dataclass
class CaseResult:
    name: str
    why: str
    verdict: str
    message: str = ""
    seconds: float | None = None
    comparisons: dict[str, Comparison] = field(default_factory=dict)
    got: dict = field(default_factory=dict)
    traceback: str = ""
    inputs: dict = field(default_factory=dict, repr=False)     # for the failure panel
    expected: dict = field(default_factory=dict, repr=False)
    modified: list[str] = field(default_factory=list)  # inputs or returned values changed in place

    def to_json(self) -> dict:
        data = {"name": self.name, "verdict": self.verdict, "message": self.message, "why": self.why,
                "seconds": self.seconds}
        if self.comparisons:
            data["outputs"] = {k: {"ok": c.ok, **c.to_json()} for k, c in self.comparisons.items()}
        if self.traceback:
            data["traceback"] = self.traceback
        return data


@dataclass
class GradientResult:
    name: str
    verdict: str
    rel_error_vs_reference: float | None = None
    rel_error_vs_numeric: float | None = None
    rel_error_vs_own_forward: float | None = None
    rel_error_directional: float | None = None  # at the largest timing size (drill.timing)

    @property
    def agrees_with_own_forward(self) -> bool | None:
        if self.rel_error_vs_own_forward is None:
            return None
        return self.rel_error_vs_own_forward < 1e-6

    def to_json(self) -> dict:
        return {"name": self.name, "verdict": self.verdict,
                "rel_error_vs_reference": self.rel_error_vs_reference,
                "rel_error_vs_numeric": self.rel_error_vs_numeric,
                "rel_error_vs_own_forward": self.rel_error_vs_own_forward,
                "agrees_with_own_forward": self.agrees_with_own_forward,
                "rel_error_directional": self.rel_error_directional}


@dataclass
class Report:
    problem: Problem
    file: str
    seed: int
    cases: list[CaseResult] = field(default_factory=list)
    gradients: list[GradientResult] = field(default_factory=list)
    timing: list[TimingRow] = field(default_factory=list)
    timing_note: str = ""
    machine: dict = field(default_factory=lambda: {"matmul_gflops": None})
    mistakes: list[dict] = field(default_factory=list)
    rejected: str = ""        # why the file could not be run at all
    load_verdict: str = ""    # the verdict every case got when the file could not be loaded
    traceback: str = ""
    output_head: str = ""
    output_total: int = 0
    partial: bool = False     # --case ran only some of the hidden cases

    @property
    def passed(self) -> bool:
        return bool(self.cases) and all(c.verdict == "pass" for c in self.cases)

    @property
    def verdict(self) -> str:
        for case in self.cases:
            if case.verdict != "pass":
                return case.verdict
        return "pass" if self.cases else (self.load_verdict or "rejected")

    @property
    def not_run(self) -> int:
        return sum(c.message.startswith("not run:") for c in self.cases)

    @property
    def reproduce(self) -> str:
        command = f"drill check {self.problem.id} {shlex.quote(self.file)} --seed {self.seed}"
        failing = None if self.rejected else next((c.name for c in self.cases if c.verdict != "pass"), None)
        return command + (f" --case {failing}" if failing else "")

    @property
    def user_seconds(self) -> float | None:
        """The user's median time at the largest timed size (for the progress store)."""
        for row in reversed(self.timing):
            if row.seconds.get("you") is not None:
                return row.seconds["you"]
        return None

    def to_json(self) -> dict:
        return {
            "problem": self.problem.id, "file": self.file, "seed": self.seed, "passed": self.passed,
            "partial": self.partial,
            "verdict": self.verdict, "message": self.rejected,
            "cases": [c.to_json() for c in self.cases],
            "gradients": [g.to_json() for g in self.gradients],
            "timing": [t.to_json() for t in self.timing],
            "machine": self.machine,
            "mistakes": self.mistakes,
            "output": {"head": self.output_head, "total_bytes": self.output_total,
                       "cut_bytes": max(0, self.output_total - len(self.output_head.encode()))},
            "reproduce": self.reproduce,
        }


# ---------------------------------------------------------------- reading the file (no execution)


class UnknownCase(LookupError):
    """--case named a case that the problem does not have."""


def preflight(problem: Problem, path: Path) -> str:
    """Return '' when the file may run, else why it is rejected (syntax, imports, encoding)."""
    raw = path.read_bytes()
    if not raw.strip():
        return f"{path.name} is empty; `drill start {problem.id} {path} --force` writes a skeleton to fill in"
    try:  # a PEP 263 coding cookie (latin-1, ...) or a byte-order mark says how to read it; else UTF-8
        encoding = tokenize.detect_encoding(io.BytesIO(raw).readline)[0]
    except SyntaxError:
        encoding = "utf-8"
    try:
        source = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        where = f" (byte {raw[exc.start]:#04x} at offset {exc.start})" if isinstance(exc, UnicodeDecodeError) else ""
        name = "UTF-8" if encoding.startswith("utf-8") else encoding
        return f"{path.name} is not {name} text{where}; save it as UTF-8"
    if b"\0" in raw:
        line = raw[: raw.index(b"\0")].count(b"\n") + 1
        return f"{path.name} contains a null byte (line {line}); is it really a Python source file?"
    try:
        tree = ast.parse(source, filename=str(path))
        compile(tree, str(path), "exec")
    except SyntaxError as exc:
        line = (exc.text or "").rstrip("\n")
        pointer = f"\n    {line.strip()}\n    {' ' * max(0, (exc.offset or 1) - 1 - (len(line) - len(line.lstrip())))}^" if line else ""
        return f"syntax error at line {exc.lineno}, column {exc.offset}: {exc.msg}{pointer}"
    except ValueError as exc:  # e.g. null bytes
        return f"{path.name} cannot be compiled: {exc}"
    except (MemoryError, RecursionError):  # a 100 KB chain of unary minus, a 300k-term sum
        return f"{path.name} is nested too deeply for Python's compiler to read it (an expression thousands " \
               "of levels deep); write it with loops or functions"
    allowed = set(problem.allowed_imports) | set(sys.stdlib_module_names)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                return f"line {node.lineno}: relative import (from {'.' * node.level}{node.module or ''}); " \
                       "your solution must be a single file"
            names = [node.module or ""]
        else:
            continue
        for name in names:
            top = name.partition(".")[0]
            if top not in allowed:
                return f"line {node.lineno}: imports '{top}'; {allowed_words(problem)}"
    return ""


def allowed_words(problem: Problem) -> str:
    extra = ", ".join(problem.allowed_imports)
    return f"allowed are {extra} and the Python standard library" if extra else "only the standard library is allowed"


def missing_function_message(name: str, callables: list[str], provided: bool = False) -> str:
    lowered = {c.lower(): c for c in callables}
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    candidates = [lowered[c] for c in close] or [c for c in callables if name in c.lower() or c.lower() in name]
    message = f"your file defines no function `{name}`"
    if candidates:
        message += f"; found `{candidates[0]}` (did you mean to name it `{name}`?)"
    elif provided:
        message += " (the skeleton ships a working one: keep it, or write your own with the same signature)"
    return message


# ---------------------------------------------------------------- cases and references


def _case(data: dict, designed: bool) -> Case:
    scale = data.get("atol_scale")
    return Case(data["name"], data["why"], data["inputs"], designed, None if scale is None else float(scale))


def build_cases(problem: Problem, seed: int) -> list[Case]:
    module = problem.cases_module
    rng = np.random.default_rng(seed)
    cases = [_case(c, True) for c in module.designed(rng)]
    for index in range(problem.random_cases):
        cases.append(_case(module.random_case(rng, index), False))
    return cases


def reference_module(problem: Problem, kind: str = "vectorized"):
    return load_module(problem.reference_path(kind), f"drill_ref_{problem.id}_{kind}")


def _modified(original: dict, after: dict, allowed: tuple[str, ...]) -> list[str]:
    """Names whose value in `after` differs from `original` (those in `allowed` may change)."""
    return [name for name, before in original.items()
            if name not in allowed and name in after and not _identical(before, after[name])]


def _identical(a, b) -> bool:
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_identical(a[k], b[k]) for k in a)
    if isinstance(a, (int, float, np.generic)):
        return not isinstance(b, (Opaque, type(None))) and (a == b or (a != a and b != b))
    return True


# ---------------------------------------------------------------- the check


STATUS_VERDICT = {"error": "error", "memory": "memory", "exit": "crash", "bad_return": "wrong", "wrong": "wrong",
                  "rejected": "rejected", "timeout": "timeout", "crash": "crash"}


def _failure_message(problem: Problem, status: str, result: dict, fallback: str = "") -> str:
    if status == "exit":
        return f"the solution called sys.exit({result.get('code')})"
    if status == "error":
        return f"{result.get('exc_type', 'Exception')}: {result.get('message', '')}".strip()
    if status == "memory":
        return result.get("message") or "ran out of memory (MemoryError)"
    return result.get("message") or fallback


@dataclass
class Prepared:
    """Everything the judge needs for one seed, computed (or, for the known mistakes, compiled)
    before any user code runs: the cases, the reference's answers and numerical gradients."""

    problem: Problem
    seed: int
    cases: list[Case]
    expected: dict
    numeric: dict            # (case name, gradient name) -> centered differences of the reference forward
    diagnoser: Diagnoser
    grad_cases: list[Case]
    reference: object = None  # the vectorized reference module, loaded before any user code runs

    def compute_numeric(self) -> None:
        """Fill `numeric`. Everything it runs (the reference module, numpy) is in memory already, so
        `check` runs it in a thread while the worker runs the user's file: nothing the file does
        on disk can reach it."""
        g = self.problem.gradcheck
        for case in self.grad_cases:
            values = copy.deepcopy(case.inputs)
            upstream = [np.asarray(values[u], dtype=np.float64) for u in g.upstreams] or [None]

            def forward(values=values):
                result = run_plan(self.reference, (g.forward,), values)
                return [result[name] for name in g.outputs]

            for grad_name, input_name in g.wrt.items():
                self.numeric[case.name, grad_name] = numerical_gradient(forward, values[input_name], upstream)


def prepare(problem: Problem, seed: int, only_case: str | None = None, gradients: bool = True,
            numeric: bool = True) -> Prepared:
    """The cases and the reference's answers; numerical gradients too unless `numeric` is False
    (then `compute_numeric` must run before the gradients are judged)."""
    cases = build_cases(problem, seed)
    if only_case:
        cases = [c for c in cases if c.name == only_case]
        if not cases:
            raise UnknownCase(only_case)
    reference = reference_module(problem)
    expected = {c.name: outputs_of(problem.outputs, run_plan(reference, problem.call, c.inputs)) for c in cases}
    g = problem.gradcheck
    grad_cases = [c for c in cases if g and c.name in g.cases] if gradients else []
    prepared = Prepared(problem, seed, cases, expected, {}, Diagnoser(problem, cases, expected), grad_cases, reference)
    if numeric:
        prepared.compute_numeric()
    return prepared


class _Background:
    """Run a function in a thread; `result()` waits for it and raises what it raised."""

    def __init__(self, function):
        self.error = None

        def target():
            try:
                function()
            except BaseException as exc:  # re-raised in the caller's thread
                self.error = exc

        self.thread = threading.Thread(target=target, daemon=True)
        self.thread.start()

    def result(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise self.error


RESULT_SLACK = 4 * 1024**2  # bytes a result may exceed its expected size by (dtype or shape slips)


def _tasks(prepared: Prepared, first_id: int) -> tuple[list[dict], dict]:
    """Worker tasks for one seed. Each says how many bytes of results it may send back: a few times
    what the outputs and the inputs (sent back to spot in-place changes) should take."""
    problem = prepared.problem
    tasks, arrays = [], {}
    for case in prepared.cases:
        encoded, case_arrays = encode_inputs(case.inputs)
        task_id = first_id + len(tasks)
        budget = 4 * (value_nbytes(case.inputs) + value_nbytes(prepared.expected[case.name])) + RESULT_SLACK
        tasks.append({"id": task_id, "kind": "run", "plan": [s.to_json() for s in problem.call],
                      "inputs": encoded, "outputs": list(problem.outputs), "max_result_bytes": budget})
        arrays[task_id] = case_arrays
    for case in prepared.grad_cases:
        encoded, case_arrays = encode_inputs(case.inputs)
        task_id = first_id + len(tasks)
        tasks.append({"id": task_id, "kind": "numgrad", "gradcheck": problem.gradcheck.to_json(),
                      "inputs": encoded, "case": case.name,
                      "max_result_bytes": 4 * value_nbytes(case.inputs) + RESULT_SLACK})
        arrays[task_id] = case_arrays
    return tasks, arrays


def _judge(prepared: Prepared, path: Path, session, first_id: int, partial: bool) -> Report:
    problem = prepared.problem
    report = Report(problem=problem, file=str(path), seed=prepared.seed, partial=partial)
    report.output_head = session.output_head.decode("utf-8", "replace")
    report.output_total = session.output_total
    cases = prepared.cases
    if session.violations:  # a forbidden import, however spelled, rejects the whole file
        v = session.violations[0]
        where = f"line {v['line']}: " if v["line"] else ""
        return _all_cases(report, cases, "rejected", f"{where}imports '{v['module']}'; {allowed_words(problem)}")
    if session.load_failure:
        failure = session.load_failure
        if failure.status == "missing":
            missing = [m for m in failure.details.get("missing", []) if isinstance(m, str)]
            others = [c for c in failure.details.get("callables", []) if isinstance(c, str)
                      and c not in problem.required_functions]
            message = "; ".join(missing_function_message(m, others, provided=m in problem.provided) for m in missing)
            return _all_cases(report, cases, "rejected", message or "your file lacks a required function")
        verdict = STATUS_VERDICT.get(failure.status, "crash")
        message = str(_failure_message(problem, failure.status, failure.details, "could not import your file"))
        if failure.status in ("error", "exit", "memory"):
            message = "while importing your file: " + message
        report.traceback = str(failure.details.get("traceback") or "")
        return _all_cases(report, cases, verdict, message)

    for index, case in enumerate(cases):
        outcome = session.outcomes.get(first_id + index)
        try:
            result = _judge_case(problem, case, prepared.expected[case.name], outcome)
        except Exception as exc:  # whatever the worker sent, the judge does not fall over
            result = CaseResult(case.name, case.why, "crash",
                                f"the worker sent a malformed result ({type(exc).__name__})")
        report.cases.append(result)
    report.gradients = _gradients(prepared, report, session, first_id + len(cases))
    report.mistakes = prepared.diagnoser.diagnose(report.cases)
    for result in report.cases:
        if result.verdict == "pass":  # keep only what the report shows: failing cases' values
            result.got, result.inputs, result.expected = {}, {}, {}
    return report


def check(problem: Problem, path: Path, seed: int = DEFAULT_SEED, limits: Limits | None = None,
          timing: bool = True, only_case: str | None = None, exitfirst: bool = False,
          before_run=None, sandbox: Sandbox | None = None) -> Report:
    """Judge one file. exitfirst (-x) stops at the first failing case; the report then holds the cases
    up to it and is partial (never recorded as the problem passed). before_run(), when given, is
    called before any user code runs (the CLI loads what rendering needs there), while the first
    worker starts Python and numpy. `sandbox`: one the caller made (and may have prestarted) for
    this file, with the problem's reference files trusted when timing."""
    limits = limits or Limits()
    if sandbox is None:
        sandbox = Sandbox(path, problem.allowed_imports, limits, trusted_files=problem.reference_files if timing else ())
    sandbox.prestart()
    try:
        if before_run is not None:
            before_run()
        return _check(problem, path, seed, limits, timing, only_case, exitfirst, sandbox)
    finally:
        sandbox.close()


def _check(problem, path, seed, limits, timing, only_case, exitfirst, sandbox: Sandbox) -> Report:
    prepared = prepare(problem, seed, only_case, numeric=False)
    reason = preflight(problem, path)
    if reason:
        report = Report(problem=problem, file=str(path), seed=seed, partial=bool(only_case))
        return _all_cases(report, prepared.cases, "rejected", reason)
    tasks, arrays = _tasks(prepared, 0)
    # The judge's numerical gradients use the second core while the worker runs on the first.
    numeric = _Background(prepared.compute_numeric)

    def first_failure(task_id, outcome) -> bool:
        if task_id >= len(prepared.cases):
            return False
        case = prepared.cases[task_id]
        return _judge_case(problem, case, prepared.expected[case.name], outcome).verdict != "pass"

    try:
        session = sandbox.run(tasks, arrays, {}, required=problem.required_functions,
                              stop=first_failure if exitfirst else None)
    finally:
        numeric.result()
    stopped = False
    if exitfirst and not session.load_failure and not session.violations:
        ran = [c for i, c in enumerate(prepared.cases) if i in session.outcomes]
        stopped = len(ran) < len(prepared.cases)
        if stopped:
            prepared.cases, prepared.grad_cases = ran, [c for c in prepared.grad_cases if c in ran]
    report = _judge(prepared, path, session, 0, partial=bool(only_case) or stopped)
    if timing:
        _time(report, sandbox, limits, prepared.reference)
    return report


def sweep(problem: Problem, path: Path, seeds, limits: Limits | None = None,
          prepared: list[Prepared] | None = None) -> list[Report]:
    """Judge one file at many seeds, in one worker session (no gradient checks, no timing): the
    verdicts and named mistakes are those `check` gives at each seed. `prepared` (from `prepare`,
    one per seed, without gradients) saves rebuilding the cases when sweeping many files."""
    limits = limits or Limits()
    prepared = prepared or [prepare(problem, seed, gradients=False) for seed in seeds]
    reason = preflight(problem, path)
    if reason:
        return [_all_cases(Report(problem=problem, file=str(path), seed=p.seed), p.cases, "rejected", reason)
                for p in prepared]
    tasks, arrays, firsts = [], {}, []
    for p in prepared:
        firsts.append(len(tasks))
        more, more_arrays = _tasks(p, len(tasks))
        tasks += more
        arrays.update(more_arrays)
    session = Sandbox(path, problem.allowed_imports, limits).run(tasks, arrays, {}, required=problem.required_functions)
    return [_judge(p, path, session, first, partial=False) for p, first in zip(prepared, firsts)]


def _time(report: Report, sandbox: Sandbox, limits: Limits, reference=None) -> None:
    """The timing table, in a fresh worker: only for a solution that passed (a wrong answer's speed
    means nothing, and a crashing or hanging one has nothing worth timing)."""
    if not report.passed:
        report.timing_note = "not timed: fix the failing cases first"
        return
    wrong_at_size = timing_module.run(report, sandbox, limits, reference)
    if wrong_at_size:
        report.cases.append(CaseResult("realistic_size_directional", "the gradients at the largest timing size, "
                                       "checked along random directions", "wrong", wrong_at_size))
        report.timing, report.timing_note = [], "not timed: fix the failing cases first"


def _all_cases(report: Report, cases: list[Case], verdict: str, message: str) -> Report:
    report.rejected = message
    report.load_verdict = verdict
    report.cases = [CaseResult(c.name, c.why, verdict, message) for c in cases]
    return report


def _consumers(problem: Problem, name: str) -> list[str]:
    """The functions of the call plan that receive the value `name`."""
    return [s.call for s in problem.call if name in s.args or name in s.kwargs.values()]


def _judge_case(problem: Problem, case: Case, expected_values: dict, outcome) -> CaseResult:
    result = CaseResult(case.name, case.why, "crash", "no result", inputs=case.inputs, expected=expected_values)
    if outcome is None:
        return result
    if outcome.status != "ok":
        result.verdict = STATUS_VERDICT.get(outcome.status, "crash")
        result.message = str(_failure_message(problem, outcome.status, outcome.result, outcome.message))
        result.traceback = str(outcome.result.get("traceback") or "")
        return result
    data = outcome.result
    seconds = data.get("seconds")
    result.seconds = float(seconds) if isinstance(seconds, (int, float)) and not isinstance(seconds, bool) else None

    def decoded(key: str) -> dict:
        section = data.get(key)
        if not isinstance(section, dict):
            return {}
        return {str(name): decode_value(d, outcome.arrays) for name, d in section.items()}

    returned = decoded("outputs")
    got = {}
    for name in problem.outputs:
        value = resolve(returned, name)
        if value is not MISSING:
            got[name] = value
    result.got = got
    problems = []
    for name in problem.outputs:
        if name not in got and base_name(name) in returned:
            comparison = Comparison(False, f"{base_name(name)} has no key {name.partition('.')[2]!r}")
        else:
            comparison = compare(name, got.get(name), expected_values[name], problem.rtol, problem.atol,
                                 case.atol_scale)
        result.comparisons[name] = comparison
        if not comparison.ok:
            problems.append(comparison.message)
    changed = _modified(case.inputs, decoded("inputs_after"), problem.may_modify)
    result.modified += changed
    if changed:
        names = ", ".join(f"`{n}`" for n in changed)
        problems.insert(0, f"your code modified its input {names} in place; work on a copy")
    before, after = data.get("returned"), data.get("returned_after")
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    for name in [n for n in before if n not in problem.may_modify and n in after and after[n] != before[n]]:
        users = _consumers(problem, name)
        if users:
            result.modified.append(name)
            problems.insert(0, f"{' / '.join(users)} modified `{name}` in place (what an earlier call returned); "
                               "read it, never write into it")
    if problems:
        result.verdict = "wrong"
        right = [n for n, c in result.comparisons.items() if c.ok]
        result.message = "; ".join(problems) + (f" ({', '.join(right)} right)" if right and len(problem.outputs) > 1 else "")
    else:
        result.verdict, result.message = "pass", ""
    return result


def _gradients(prepared: Prepared, report: Report, session, first_task: int) -> list[GradientResult]:
    """Per gradient: a verdict over every case, the cs231n relative error against the reference
    gradients (every case), against centered differences of the reference forward, and against
    centered differences of the user's own forward (the gradient-check cases)."""
    problem = prepared.problem
    g = problem.gradcheck
    if g is None:
        return []
    results = []
    by_name = {c.name: c for c in report.cases}
    for grad_name in g.wrt:
        verdicts = [c.comparisons[grad_name].ok if grad_name in c.comparisons else None for c in report.cases]
        if all(v is True for v in verdicts):
            verdict = "pass"
        elif any(v is False for v in verdicts):
            verdict = "wrong"
        else:
            verdict = report.verdict
        gradient = GradientResult(grad_name, verdict)
        for case in report.cases:
            user = case.got.get(grad_name)
            if isinstance(user, np.ndarray):
                gradient.rel_error_vs_reference = _worst(gradient.rel_error_vs_reference,
                                                         rel_error(user, case.expected[grad_name]))
        for offset, case in enumerate(prepared.grad_cases):
            user = by_name[case.name].got.get(grad_name)
            if not isinstance(user, np.ndarray):
                continue
            gradient.rel_error_vs_numeric = _worst(gradient.rel_error_vs_numeric,
                                                   rel_error(user, prepared.numeric[case.name, grad_name]))
            own = session.outcomes.get(first_task + offset)
            if own is not None and own.status == "ok":
                outputs = own.result.get("outputs")
                own_numeric = decode_value(outputs.get(grad_name), own.arrays) if isinstance(outputs, dict) else None
                if isinstance(own_numeric, np.ndarray):
                    gradient.rel_error_vs_own_forward = _worst(gradient.rel_error_vs_own_forward,
                                                               rel_error(user, own_numeric))
        results.append(gradient)
    return results


def _worst(a, b):
    """The larger error; NaN (a gradient with NaN in it) is the worst. A shape mismatch is inf."""
    if a is None or b != b:
        return b
    return a if a != a else max(a, b)
