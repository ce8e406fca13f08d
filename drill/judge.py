"""The trusted side of the grader: build the hidden cases, run them in a worker, decide every verdict.

The user's file is never imported here. It is read as text (to reject what cannot run), then run by
`drill.sandbox` in a child process; what comes back is data, compared with what the reference
solutions compute in this process.
"""
from __future__ import annotations

import ast
import copy
import shlex
import difflib
import importlib.util
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from drill import diagnosis
from drill.catalog import Problem, Step, load_module
from drill.compare import Comparison, Opaque, compare
from drill.gradcheck import numerical_gradient, rel_error
from drill.sandbox import Limits, Sandbox, encode_inputs

DEFAULT_SEED = 231  # cs231n's seed: reproducible by default
TIMING_BUDGET = 0.8  # seconds of measured calls, spread over the sizes
VERDICTS = ("pass", "wrong", "error", "timeout", "memory", "crash", "rejected")  # DESIGN.md's vocabulary


# ---------------------------------------------------------------- results


@dataclass
class Case:
    name: str
    why: str
    inputs: dict
    designed: bool = True


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
                "agrees_with_own_forward": self.agrees_with_own_forward}


@dataclass
class TimingRow:
    size: str
    seconds: dict[str, float | None]

    def ratio(self, other: str) -> float | None:
        mine, theirs = self.seconds.get("you"), self.seconds.get(other)
        if mine is None or not theirs:
            return None
        return mine / theirs

    def to_json(self) -> dict:
        return {"size": self.size, "seconds": self.seconds,
                "ratio_vs_loop": self.ratio("loop"), "ratio_vs_vectorized": self.ratio("vectorized")}


@dataclass
class Report:
    problem: Problem
    file: str
    seed: int
    cases: list[CaseResult] = field(default_factory=list)
    gradients: list[GradientResult] = field(default_factory=list)
    timing: list[TimingRow] = field(default_factory=list)
    timing_note: str = ""
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
    try:
        source = raw.decode("utf-8-sig")  # Python accepts a byte-order mark, so do we
    except UnicodeDecodeError as exc:
        return f"{path.name} is not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start}); save it as UTF-8"
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


def build_cases(problem: Problem, seed: int) -> list[Case]:
    module = problem.cases_module
    rng = np.random.default_rng(seed)
    cases = [Case(c["name"], c["why"], c["inputs"]) for c in module.designed(rng)]
    for index in range(problem.random_cases):
        c = module.random_case(rng, index)
        cases.append(Case(c["name"], c["why"], c["inputs"], designed=False))
    return cases


def run_plan(module_or_namespace, steps: tuple[Step, ...], inputs: dict) -> dict:
    """Run a call plan in this process on trusted code (references, known mistakes)."""
    lookup = module_or_namespace if isinstance(module_or_namespace, dict) else vars(module_or_namespace)
    values = copy.deepcopy(inputs)
    for step in steps:
        function = lookup[step.call]
        result = function(*(values[a] for a in step.args), **{k: values[v] for k, v in step.kwargs.items()})
        if isinstance(step.returns, str):
            values[step.returns] = result
        else:
            values.update(zip(step.returns, result))
    return values


def reference_module(problem: Problem, kind: str = "vectorized"):
    return load_module(problem.reference_path(kind), f"drill_ref_{problem.id}_{kind}")


def decode_value(description, arrays: dict):
    """Worker -> judge: rebuild plain values from the worker's JSON descriptions."""
    try:
        return _decode(description, arrays)
    except (TypeError, ValueError, AttributeError, RecursionError):
        return Opaque("malformed value", "?")


def _decode(description, arrays: dict):
    if not isinstance(description, dict):
        return Opaque("unknown", repr(description)[:100])
    kind = description.get("type")
    if kind == "array":
        return arrays.get(description.get("key"), Opaque("missing array", "?"))
    if kind == "npscalar":
        value = arrays.get(description.get("key"))
        return value[()] if isinstance(value, np.ndarray) else Opaque("missing array", "?")
    if kind in ("float", "int", "bool"):
        return description.get("value")
    if kind == "none":
        return None
    if kind in ("list", "tuple"):
        items = [_decode(v, arrays) for v in description.get("items", [])]
        return items if kind == "list" else tuple(items)
    if kind == "dict":
        return {str(k): _decode(v, arrays) for k, v in description.get("items", {}).items()}
    return Opaque(str(description.get("pytype", "object")), str(description.get("repr", "")))


def _modified_inputs(original: dict, after: dict) -> list[str]:
    changed = []
    for name, before in original.items():
        now = after.get(name)
        if not _identical(before, now):
            changed.append(name)
    return changed


def _identical(a, b) -> bool:
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_identical(a[k], b[k]) for k in a)
    if isinstance(a, (int, float, np.generic)):
        return not isinstance(b, (Opaque, type(None))) and a == b
    return True


# ---------------------------------------------------------------- the check


STATUS_VERDICT = {"error": "error", "memory": "memory", "exit": "crash", "bad_return": "wrong",
                  "rejected": "rejected", "timeout": "timeout", "crash": "crash"}


def _failure_message(problem: Problem, status: str, result: dict, fallback: str = "") -> str:
    if status == "exit":
        return f"the solution called sys.exit({result.get('code')})"
    if status == "error":
        return f"{result.get('exc_type', 'Exception')}: {result.get('message', '')}".strip()
    if status == "memory":
        return result.get("message") or "ran out of memory (MemoryError)"
    if status == "rejected" and isinstance(result.get("violations"), list) and result["violations"]:
        v = result["violations"][0] if isinstance(result["violations"][0], dict) else {}
        where = f"line {v['line']}: " if isinstance(v.get("line"), int) else ""
        return f"{where}imports '{v.get('module', '?')}'; {allowed_words(problem)}"
    return result.get("message") or fallback


def check(problem: Problem, path: Path, seed: int = DEFAULT_SEED, limits: Limits | None = None,
          timing: bool = True, only_case: str | None = None) -> Report:
    limits = limits or Limits()
    report = Report(problem=problem, file=str(path), seed=seed)
    cases = build_cases(problem, seed)
    if only_case:
        cases = [c for c in cases if c.name == only_case]
        if not cases:
            raise UnknownCase(only_case)
        report.partial = True

    reason = preflight(problem, path)
    if reason:
        return _all_cases(report, cases, "rejected", reason)

    reference = reference_module(problem)
    expected = {c.name: run_plan(reference, problem.call, c.inputs) for c in cases}

    tasks, arrays, deadlines = [], {}, {}
    for index, case in enumerate(cases):
        encoded, case_arrays = encode_inputs(case.inputs)
        tasks.append({"id": index, "kind": "run", "plan": [s.to_json() for s in problem.call],
                      "inputs": encoded, "outputs": list(problem.outputs)})
        arrays[index] = case_arrays
    grad_cases = _gradcheck_cases(problem, cases)
    for case in grad_cases:
        encoded, case_arrays = encode_inputs(case.inputs)
        task_id = len(tasks)
        g = problem.gradcheck
        tasks.append({"id": task_id, "kind": "numgrad", "forward": g.forward.to_json(), "output": g.output,
                      "upstream": g.upstream, "wrt": g.wrt, "inputs": encoded, "case": case.name})
        arrays[task_id] = case_arrays
    sandbox = Sandbox(path, problem.allowed_imports, limits)
    session = sandbox.run(tasks, arrays, deadlines, required=problem.required_functions)
    report.output_head = session.output_head.decode("utf-8", "replace")
    report.output_total = session.output_total

    if session.load_failure:
        failure = session.load_failure
        if failure.status == "missing":
            missing = failure.details.get("missing", [])
            others = [c for c in failure.details.get("callables", []) if c not in problem.required_functions]
            message = "; ".join(missing_function_message(m, others, provided=m in problem.provided) for m in missing)
            return _all_cases(report, cases, "rejected", message)
        verdict = STATUS_VERDICT.get(failure.status, "crash")
        message = _failure_message(problem, failure.status, failure.details, "could not import your file")
        if failure.status in ("error", "exit", "memory"):
            message = "while importing your file: " + message
        report.traceback = failure.details.get("traceback", "")
        return _all_cases(report, cases, verdict, message)

    for index, case in enumerate(cases):
        outcome = session.outcomes.get(index)
        try:
            report.cases.append(_judge_case(problem, case, expected[case.name], outcome))
        except Exception as exc:  # whatever the worker sent, the judge does not fall over
            report.cases.append(CaseResult(case.name, case.why, "crash",
                                           f"the worker sent a malformed result ({type(exc).__name__})"))

    report.gradients = _gradients(problem, report, grad_cases, session, len(cases), expected)
    report.mistakes = diagnosis.diagnose(problem, cases, report.cases, expected)
    if timing:
        _time(report, sandbox, limits)
    return report


def _time(report: Report, sandbox: Sandbox, limits: Limits) -> None:
    """The timing table, in a fresh worker: only for a solution that returned a value on every case
    (a crashing, hanging or unfinished one has nothing worth timing)."""
    stopped = [c for c in report.cases if c.verdict not in ("pass", "wrong")]
    if stopped:
        report.timing_note = f"not timed: {stopped[0].verdict} on {stopped[0].name}"
        return
    task, arrays = _timing_task(report.problem, 0)
    session = sandbox.run([task], {0: arrays}, {0: max(30.0, 6 * limits.timeout)},
                          required=report.problem.required_functions)
    try:
        _fill_timing(report, session.outcomes.get(0))
    except Exception as exc:  # the worker's data is never trusted to be well formed
        report.timing, report.timing_note = [], f"the worker sent malformed timings ({type(exc).__name__})"


def _all_cases(report: Report, cases: list[Case], verdict: str, message: str) -> Report:
    report.rejected = message
    report.load_verdict = verdict
    report.cases = [CaseResult(c.name, c.why, verdict, message) for c in cases]
    return report


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
    got = {name: decode_value(d, outcome.arrays) for name, d in data.get("outputs", {}).items()}
    result.got = got
    problems = []
    for name in problem.outputs:
        comparison = compare(name, got.get(name), expected_values[name], problem.rtol, problem.atol)
        result.comparisons[name] = comparison
        if not comparison.ok:
            problems.append(comparison.message)
    after = {name: decode_value(d, outcome.arrays) for name, d in data.get("inputs_after", {}).items()}
    changed = _modified_inputs(case.inputs, after)
    if changed:
        names = ", ".join(f"`{n}`" for n in changed)
        problems.insert(0, f"your code modified its input {names} in place; work on a copy")
    if problems:
        result.verdict = "wrong"
        right = [n for n, c in result.comparisons.items() if c.ok]
        result.message = "; ".join(problems) + (f" ({', '.join(right)} right)" if right and len(problem.outputs) > 1 else "")
    else:
        result.verdict, result.message = "pass", ""
    return result


def _gradcheck_cases(problem: Problem, cases: list[Case]) -> list[Case]:
    if problem.gradcheck is None:
        return []
    wanted = set(problem.gradcheck.cases)
    chosen = [c for c in cases if c.name in wanted]
    return chosen


def _gradients(problem, report, grad_cases, session, first_task, expected) -> list[GradientResult]:
    """Per gradient: a verdict over every case, the cs231n relative error against the reference
    gradients (every case), against centered differences of the reference forward, and against
    centered differences of the user's own forward (the gradient-check cases)."""
    g = problem.gradcheck
    if g is None:
        return []
    results = []
    reference = reference_module(problem)
    for grad_name, input_name in g.wrt.items():
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
        for offset, case in enumerate(grad_cases):
            user = next(c for c in report.cases if c.name == case.name).got.get(grad_name)
            if not isinstance(user, np.ndarray):
                continue
            values = copy.deepcopy(case.inputs)

            def forward(values=values):
                return run_plan(reference, (g.forward,), values)[g.output]

            numeric = numerical_gradient(forward, values[input_name], np.asarray(values[g.upstream]))
            gradient.rel_error_vs_numeric = _worst(gradient.rel_error_vs_numeric, rel_error(user, numeric))
            own = session.outcomes.get(first_task + offset)
            if own is not None and own.status == "ok":
                own_numeric = decode_value(own.result.get("outputs", {}).get(grad_name), own.arrays)
                if isinstance(own_numeric, np.ndarray):
                    gradient.rel_error_vs_own_forward = _worst(gradient.rel_error_vs_own_forward,
                                                               rel_error(user, own_numeric))
        results.append(gradient)
    return results


def _worst(a, b):
    """The larger error. A shape mismatch is inf: null in JSON, 'wrong shape' on screen."""
    return b if a is None else max(a, b)


def _timing_task(problem: Problem, task_id: int):
    sizes = [{"label": size["label"], "inputs": size["inputs"]} for size in problem.cases_module.timing_sizes()]
    encoded, arrays = encode_inputs({"sizes": sizes})  # one encoder: array keys unique across sizes
    references = {"loop": str(problem.reference_path("loop")), "vectorized": str(problem.reference_path("vectorized"))}
    if problem.torch_path and importlib.util.find_spec("torch") is not None:
        references["torch"] = str(problem.torch_path)
    task = {"id": task_id, "kind": "timing", "plan": [s.to_json() for s in problem.call], "sizes": encoded["sizes"],
            "references": references, "budget": TIMING_BUDGET, "min_rounds": 3, "max_rounds": 60}
    return task, arrays


def _fill_timing(report: Report, outcome) -> None:
    if outcome is None:
        report.timing_note = "timing was not run"
        return
    if outcome.status != "ok":
        report.timing_note = f"timing stopped: {outcome.message or outcome.status}"
        return
    for row in outcome.result.get("rows", []):
        seconds = {name: (float(np.median(times)) if times else None) for name, times in row["times"].items()}
        report.timing.append(TimingRow(row["label"], seconds))
    failures = outcome.result.get("failures", {})
    if failures:
        report.timing_note = "; ".join(f"{name}: {why}" for name, why in failures.items())
