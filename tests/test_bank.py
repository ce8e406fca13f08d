"""The problem bank: every reference passes, every skeleton fails cleanly, every fixture is judged as
expected, and every known mistake fails the hidden suite and is named as itself."""
import ast
import json
import re

import numpy as np
import pytest

from conftest import PROBLEM_IDS, fixture_expectations
from drill import judge, timing
from drill.catalog import Catalog
from drill.plan import run_plan
from drill.sandbox import Limits
from drill.verify import metadata_faults, mistake_file, mistake_sweep, references_agree, sweep_seeds

LIMITS = Limits(timeout=20.0)


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_metadata_is_valid(catalog, problem_id):
    assert metadata_faults(catalog.get(problem_id)) == []


SEED_CONVENTIONS = {"iou": "+1", "bn_forward": "biased", "bn_backward": "biased",
                    "conv_forward": "cross-correlation", "conv_backward": "cross-correlation"}


def _code_lines(path):
    """The lines of a Python file worth looking for elsewhere: long code lines, comments stripped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        code = line.split("#", 1)[0].strip()
        if len(code) >= 20 and not code.startswith(("def ", "import ", "from ", "return ", '"""', "-")):
            yield code


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_statement_poses_the_problem(catalog, problem_id):
    """BANK.md: the task, shapes, conventions, tolerance, an example, follow-ups; never the solution."""
    problem = catalog.get(problem_id)
    text = problem.statement()
    lower = text.lower()
    for words in ("numpy", "standard library", "modify", "example", "follow-up"):
        assert words in lower, words
    assert any(w in lower for w in ("toleran", "rtol", "relative error", "exactly")), "no stated comparison"
    if problem_id in SEED_CONVENTIONS:
        assert SEED_CONVENTIONS[problem_id] in lower
    shipped = set(_code_lines(problem.skeleton_path))  # a provided forward may be quoted
    for kind in problem.reference_kinds:
        for code in set(_code_lines(problem.reference_path(kind))) - shipped:
            assert code not in text, f"the statement contains a line of the {kind} reference: {code}"
    if problem.gradcheck:  # no formula for a returned gradient (a worked example's numbers are fine)
        for name in problem.gradcheck.wrt:
            for match in re.finditer(rf"(?<![\w.]){re.escape(name)}\s*\+?=(?!=)(.*)", text):
                rhs = re.split(r"\s\w+\s*=", match.group(1))[0]  # examples may stand side by side
                rhs = re.sub(r"(np\.)?array\(|\b(nan|inf|e[+-]?\d+)\b", "", rhs)
                assert not re.search(r"[A-Za-z_]", rhs), f"the statement gives a formula for {name}: {match.group(0)}"


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_skeleton_has_documented_stubs(catalog, problem_id):
    problem = catalog.get(problem_id)
    tree = ast.parse(problem.skeleton_path.read_text())
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    for name in problem.functions:
        doc = ast.get_docstring(functions[name])
        assert doc and "Inputs" in doc and "Returns" in doc
        assert any(isinstance(n, ast.Raise) for n in ast.walk(functions[name]))
    for name in problem.provided:  # shipped working: no NotImplementedError
        assert "NotImplementedError" not in ast.unparse(functions[name])


REFERENCES = [(p, kind) for p in PROBLEM_IDS for kind in Catalog().get(p).reference_kinds]


@pytest.mark.parametrize("problem_id,kind", REFERENCES)
def test_reference_passes_the_hidden_suite(catalog, problem_id, kind):
    report = judge.check(catalog.get(problem_id), catalog.get(problem_id).reference_path(kind), limits=LIMITS, timing=False)
    assert report.passed, [(c.name, c.message) for c in report.cases if c.verdict != "pass"]
    assert len(report.cases) >= 8
    assert report.mistakes == []


GRADIENT_REFERENCES = [(p, kind) for p, kind in REFERENCES if Catalog().get(p).gradcheck is not None]


def _wrong_in_a_quarter(gradient):
    """1% off (plus a little, so zeros move too) in the last quarter of the entries."""
    wrong = np.array(gradient, dtype=np.float64, copy=True).reshape(-1)
    count = max(1, wrong.size // 4)
    wrong[-count:] = wrong[-count:] * 1.01 + 1e-3 * np.abs(wrong).max()
    return wrong.reshape(np.shape(gradient))


@pytest.mark.parametrize("problem_id,kind", GRADIENT_REFERENCES)
def test_reference_gradients_pass_the_directional_check_at_size(catalog, problem_id, kind):
    """The check at the realistic size never fails a right gradient, kinks of the forward included
    (ReLU, max pooling: finite differences there read ~1e-4 off), at any of several seeds; and a
    gradient wrong in a quarter of its entries fails it."""
    problem = catalog.get(problem_id)
    size = timing.sizes_of(problem)[-1]
    module = judge.reference_module(problem, kind)
    values = run_plan(module, problem.call, dict(size["inputs"]))
    right = {name: values[name] for name in problem.gradcheck.wrt}
    for seed in (judge.DEFAULT_SEED, 1, 2):
        directional = timing.directional_reference(problem, size, seed)
        errors = timing.directional_errors(directional, right)
        assert not [n for n in right if timing.directional_wrong(directional, right, n, errors[n])], (seed, errors)
    for name in right:
        wrong = dict(right, **{name: _wrong_in_a_quarter(right[name])})
        error = timing.directional_errors(directional, wrong)[name]
        assert timing.directional_wrong(directional, wrong, name, error), (name, error)


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_references_agree_with_each_other(catalog, problem_id):
    assert references_agree(catalog.get(problem_id)) == ""


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_fresh_skeleton_fails_cleanly(run, catalog, problem_id):
    result = run("check", problem_id, catalog.get(problem_id).skeleton_path, "--no-timing", "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["passed"] is False
    assert {c["verdict"] for c in data["cases"]} == {"error"}
    assert "NotImplementedError" in data["cases"][0]["message"]


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_every_known_mistake_fails_and_is_named_only_itself(catalog, tmp_path, problem_id):
    problem = catalog.get(problem_id)
    assert len(problem.mistakes) >= 3
    for mistake in problem.mistakes:
        ok, detail = mistake_sweep(problem, mistake, mistake_file(problem, mistake, tmp_path), [judge.DEFAULT_SEED], LIMITS)
        assert ok, (mistake.id, detail)


@pytest.mark.parametrize("problem_id, path, expectation", fixture_expectations())
def test_solution_fixture_is_judged_as_expected(catalog, problem_id, path, expectation):
    """Correct solutions in every style pass; independently written wrong ones fail on the right outputs,
    and the known mistake they make is named."""
    report = judge.check(catalog.get(problem_id), path, limits=LIMITS, timing=False)
    assert {c.verdict for c in report.cases} <= set(judge.VERDICTS)
    if expectation["passes"]:
        assert report.passed, [(c.name, c.message) for c in report.cases if c.verdict != "pass"]
        return
    assert not report.passed
    wrong_outputs = {name for case in report.cases for name, c in case.comparisons.items() if not c.ok}
    assert wrong_outputs == set(expectation["wrong_outputs"])
    # named only when it explains the failures: the fixture's own mistake, or nothing
    assert [m["id"] for m in report.mistakes] == ([expectation["mistake"]] if expectation.get("mistake") else [])
    if report.gradients:
        named = {g.name for g in report.gradients if g.verdict == "wrong"}
        assert named == set(expectation["wrong_outputs"]) & {g.name for g in report.gradients}


# ---------------------------------------------------------------- seed sweeps (slow: .ci/run runs them)

SWEEP = sweep_seeds(50)  # the default seed and 0..48
_prepared = {}


def _sweep_prepared(problem):
    if problem.id not in _prepared:
        _prepared[problem.id] = [judge.prepare(problem, seed, gradients=False) for seed in SWEEP]
    return _prepared[problem.id]


@pytest.mark.slow
@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_every_known_mistake_fails_and_is_named_only_itself_at_50_seeds(catalog, tmp_path, problem_id):
    problem = catalog.get(problem_id)
    for mistake in problem.mistakes:
        ok, detail = mistake_sweep(problem, mistake, mistake_file(problem, mistake, tmp_path), SWEEP, LIMITS,
                                   _sweep_prepared(problem))
        assert ok, (mistake.id, detail)


@pytest.mark.slow
@pytest.mark.parametrize("problem_id, path, expectation", fixture_expectations())
def test_solution_fixture_is_judged_as_expected_at_50_seeds(catalog, problem_id, path, expectation):
    """A correct style passes at every seed; a wrong file fails at every seed, and the diagnosis names
    its own mistake there (or nothing, for a mistake the bank does not know)."""
    problem = catalog.get(problem_id)
    reports = judge.sweep(problem, path, SWEEP, LIMITS, _sweep_prepared(problem))
    if expectation["passes"]:
        assert all(r.passed for r in reports), [r.seed for r in reports if not r.passed]
        return
    assert not any(r.passed for r in reports), [r.seed for r in reports if r.passed]
    wanted = [expectation["mistake"]] if expectation.get("mistake") else []
    misnamed = [(r.seed, [m["id"] for m in r.mistakes]) for r in reports if [m["id"] for m in r.mistakes] != wanted]
    assert not misnamed, misnamed[:5]


@pytest.mark.slow
@pytest.mark.parametrize("problem_id,kind", [(p, k) for p, k in REFERENCES if k != "loop"])
def test_reference_passes_a_whole_check_timing_included(catalog, problem_id, kind):
    """As a user runs it: hidden cases, gradient checks, the timing table and the directional check at
    the realistic size. (Not the loop references: at the realistic size a call of theirs takes seconds.)"""
    problem = catalog.get(problem_id)
    report = judge.check(problem, problem.reference_path(kind), limits=LIMITS)
    assert report.passed, ([(c.name, c.message) for c in report.cases if c.verdict != "pass"],
                           [(g.name, g.verdict, g.rel_error_directional) for g in report.gradients])
    assert report.timing and not report.timing_note, report.timing_note


CORRECT_FIXTURES = [p for p in fixture_expectations() if p.values[2].get("passes")]


@pytest.mark.slow
@pytest.mark.parametrize("problem_id, path, expectation", CORRECT_FIXTURES)
def test_correct_fixture_passes_a_whole_check_timing_included(catalog, monkeypatch, problem_id, path, expectation):
    """Every correct style, as the references above: nothing at the realistic size (the directional
    check, the timing task's own calls) fails right code."""
    monkeypatch.setattr(timing, "TIMING_BUDGET", 0.2)  # the plumbing, not the numbers
    report = judge.check(catalog.get(problem_id), path, limits=LIMITS)
    assert report.passed, ([(c.name, c.message) for c in report.cases if c.verdict != "pass"],
                           [(g.name, g.verdict, g.rel_error_directional) for g in report.gradients])
