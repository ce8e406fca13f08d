"""Name the known mistake behind a failure, by behaviour.

Each mistake of a problem is a small wrong implementation (problems/<id>/mistakes/<m>.py) that
overrides the reference's functions; the judge runs it on the failing inputs and names it when the
user's outputs match its outputs. A mistake whose output depends on loop order instead provides
`recognise(inputs, expected, got)`, which looks at the shape of the error.
"""
from __future__ import annotations

import warnings
from functools import lru_cache

import numpy as np

from drill.catalog import Mistake, Problem
from drill.compare import same_value

MAX_CASES = 8  # failing cases looked at


@lru_cache(maxsize=None)
def mistake_namespace(reference_path: str, mistake_path: str) -> dict:
    """The reference module's namespace with the mistake's definitions on top."""
    namespace: dict = {"__name__": "drill_mistake"}
    exec(compile(open(reference_path, encoding="utf-8").read(), reference_path, "exec"), namespace)
    exec(compile(open(mistake_path, encoding="utf-8").read(), mistake_path, "exec"), namespace)
    return namespace


def namespace_for(problem: Problem, mistake: Mistake) -> dict:
    return mistake_namespace(str(problem.reference_path("vectorized")), str(mistake.path))


def matches(problem: Problem, mistake: Mistake, inputs: dict, expected: dict, got: dict) -> bool:
    """Whether the user's outputs on this case look like this mistake."""
    from drill.judge import run_plan

    namespace = namespace_for(problem, mistake)
    recognise = namespace.get("recognise")
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():  # wrong code divides by zero at times
            warnings.simplefilter("ignore")
            if recognise is not None:
                return bool(recognise(inputs, {k: expected[k] for k in problem.outputs}, got))
            wrong = run_plan(namespace, problem.call, inputs)
    except Exception:
        return False
    if all(_comparable(expected[name], wrong[name]) and
           same_value(expected[name], wrong[name], problem.rtol, problem.atol) for name in problem.outputs):
        return False  # the mistake is invisible on this case: it cannot explain a failure here
    return all(name in got and same_value(wrong[name], got[name], problem.rtol, problem.atol)
               for name in problem.outputs)


def _comparable(a, b) -> bool:
    shape_a, shape_b = getattr(a, "shape", ()), getattr(b, "shape", ())
    return shape_a == shape_b


def diagnose(problem: Problem, cases, results, expected: dict) -> list[dict]:
    """The known mistakes that best explain the user's wrong outputs.

    Every mistake is tried on up to MAX_CASES failing cases; the ones matching the most cases are
    named (a tie names several), each with the first case it explains. A mistake that matches one
    case by coincidence does not outrank the one that matches them all.
    """
    inputs_by_name = {c.name: c.inputs for c in cases}
    failing = [r for r in results if r.verdict == "wrong" and r.got][:MAX_CASES]
    scores: dict[str, list[str]] = {}
    for mistake in problem.mistakes:
        explained = [r.name for r in failing
                     if matches(problem, mistake, inputs_by_name[r.name], expected[r.name], r.got)]
        if explained:
            scores[mistake.id] = explained
    if not scores:
        return []
    best = max(len(v) for v in scores.values())
    return [{"id": m.id, "title": m.title, "explanation": m.explanation, "case": scores[m.id][0]}
            for m in problem.mistakes if len(scores.get(m.id, ())) == best]
