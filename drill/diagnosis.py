"""Name the known mistake behind a failure, by behaviour, and only when it explains the failures.

Each mistake of a problem is a small wrong implementation (problems/<id>/mistakes/<m>.py) that
overrides the reference's functions. Before any user code runs, the judge compiles every mistake
(trusted code, read from disk once); when cases fail, it runs them on every case of the check. A
mistake is named only when

- it is visible on no case the user passes (had the user made it, that case would have failed);
- it reproduces the user's outputs on most of the failing cases where it is visible; and
- at least one of those matches is real evidence: the mistake differs from the reference at a finite
  value there (NaN agreeing with NaN, or Inf with Inf, proves nothing).

A mistake whose output depends on loop order (a family of wrong programs) instead provides
`recognise(inputs, expected, got)`, which looks at the shape of the error; its wrong functions still
decide where it is visible, but a passing case does not rule a family out.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from drill.catalog import Mistake, Problem
from drill.compare import same_value
from drill.plan import outputs_of, run_plan


def mistake_namespace(problem: Problem, mistake: Mistake) -> dict:
    """The reference module's namespace with the mistake's definitions on top."""
    reference_path = str(problem.reference_path("vectorized"))
    namespace: dict = {"__name__": "drill_mistake"}
    exec(compile(open(reference_path, encoding="utf-8").read(), reference_path, "exec"), namespace)
    exec(compile(open(mistake.path, encoding="utf-8").read(), str(mistake.path), "exec"), namespace)
    return namespace


def _quietly(function, *args):
    with np.errstate(all="ignore"), warnings.catch_warnings():  # wrong code divides by zero at times
        warnings.simplefilter("ignore")
        return function(*args)


def _finite_difference(expected, wrong, rtol: float, atol: float) -> bool:
    """Whether `wrong` differs from `expected` somewhere it is finite (real evidence, not NaN = NaN)."""
    if isinstance(expected, dict):
        return isinstance(wrong, dict) and any(_finite_difference(expected[k], wrong.get(k), rtol, atol)
                                               for k in expected if k in wrong)
    try:
        e = np.asarray(expected, dtype=np.float64)
        w = np.asarray(wrong, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    if e.shape != w.shape:
        return True  # a wrong shape reproduced exactly is evidence
    finite = np.isfinite(w)
    if not finite.any():
        return False
    scale = max(1.0, float(np.max(np.abs(e[np.isfinite(e)]))) if np.isfinite(e).any() else 1.0)
    with np.errstate(invalid="ignore"):
        differs = ~(np.abs(w - e) <= atol * scale + rtol * np.abs(e))
    return bool((differs & finite).any())


@dataclass
class MistakeRun:
    mistake: Mistake
    namespace: dict
    outputs: dict = field(default_factory=dict)   # case name -> outputs (None: the mistake raised there)
    visible: dict = field(default_factory=dict)   # case name -> its outputs differ from the reference's


class Diagnoser:
    """Every known mistake of a problem, run on every case of one check before the worker starts."""

    def __init__(self, problem: Problem, cases, expected: dict):
        """expected: case name -> the reference's outputs (output name -> value)."""
        self.problem = problem
        self.cases = cases
        self.inputs = {c.name: c.inputs for c in cases}
        self.expected = expected
        self.runs = [MistakeRun(m, mistake_namespace(problem, m)) for m in problem.mistakes]
        self._ran = False

    def _run_all(self) -> None:
        """Every mistake on every case (only when something failed: a passing check needs none)."""
        if self._ran:
            return
        self._ran = True
        problem = self.problem
        for run in self.runs:
            for case in self.cases:
                try:
                    outputs = outputs_of(problem.outputs, _quietly(run_plan, run.namespace, problem.call, case.inputs))
                except Exception:
                    outputs = None
                run.outputs[case.name] = outputs
                run.visible[case.name] = outputs is None or not self._same(self.expected[case.name], outputs)

    def _same(self, a: dict, b: dict) -> bool:
        p = self.problem
        return all(same_value(a[n], b[n], p.rtol, p.atol) for n in p.outputs)

    def _explains(self, run: MistakeRun, case: str, got: dict) -> tuple[bool, bool]:
        """(matches, is evidence) for one failing case where the mistake is visible."""
        recognise = run.namespace.get("recognise")
        expected = {n: self.expected[case][n] for n in self.problem.outputs}
        if recognise is not None:
            try:
                ok = bool(_quietly(recognise, self.inputs[case], expected, got))
            except Exception:
                ok = False
            return ok, ok
        wrong = run.outputs[case]
        if wrong is None:
            return False, False
        p = self.problem
        if not all(n in got and same_value(wrong[n], got[n], p.rtol, p.atol) for n in p.outputs):
            return False, False
        evidence = any(_finite_difference(expected[n], wrong[n], p.rtol, p.atol) for n in p.outputs)
        return True, evidence

    def diagnose(self, results) -> list[dict]:
        """The known mistakes that explain the user's wrong outputs (usually one, or none)."""
        failing = [r for r in results if r.verdict == "wrong" and r.got]
        passing = {r.name for r in results if r.verdict == "pass"}
        if not failing:
            return []
        self._run_all()
        named = []
        for run in self.runs:
            # A recognised family of mistakes (one name for several loop orders or divisors) is not
            # excluded by a passing case: its one wrong function stands for just one member.
            family = run.namespace.get("recognise") is not None
            if not family and any(run.visible.get(name) for name in passing):
                continue  # the user passes a case this mistake would fail
            where = [r for r in failing if run.visible.get(r.name)]
            verdicts = [(r.name, *self._explains(run, r.name, r.got)) for r in where]
            explained = [name for name, ok, _ in verdicts if ok]
            if not any(evidence for _, _, evidence in verdicts) or 2 * len(explained) <= len(where):
                continue
            named.append((len(explained), run.mistake, explained))
        if not named:
            return []
        best = max(count for count, _, _ in named)
        return [{"id": m.id, "title": m.title, "explanation": m.explanation, "case": explained[0],
                 "explains": count, "failing": len(failing)}
                for count, m, explained in named if count == best]
