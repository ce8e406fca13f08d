"""The problem bank: every reference passes, every skeleton fails cleanly, every fixture is judged as
expected, and every known mistake fails the hidden suite and is named as itself."""
import ast
import json

import pytest

from conftest import PROBLEM_IDS, fixture_expectations
from drill import judge
from drill.sandbox import Limits
from drill.verify import metadata_faults, mistake_file, references_agree

LIMITS = Limits(timeout=20.0)


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_metadata_is_valid(catalog, problem_id):
    assert metadata_faults(catalog.get(problem_id)) == []


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_statement_states_the_conventions(catalog, problem_id):
    text = catalog.get(problem_id).statement().lower()
    assert "numpy" in text and "standard library" in text
    assert "modify" in text  # inputs must not be modified
    assert "example" in text and "follow-up" in text
    convention = {"iou": "+1", "bn_forward": "biased", "bn_backward": "biased", "conv_forward": "cross-correlation",
                  "conv_backward": "cross-correlation"}[problem_id]
    assert convention in text


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


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
@pytest.mark.parametrize("kind", ["loop", "vectorized"])
def test_reference_passes_the_hidden_suite(catalog, problem_id, kind):
    report = judge.check(catalog.get(problem_id), catalog.get(problem_id).reference_path(kind), limits=LIMITS, timing=False)
    assert report.passed, [(c.name, c.message) for c in report.cases if c.verdict != "pass"]
    assert len(report.cases) >= 8
    assert report.mistakes == []


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
def test_every_known_mistake_fails_and_is_named(catalog, tmp_path, problem_id):
    problem = catalog.get(problem_id)
    assert problem.mistakes
    for mistake in problem.mistakes:
        report = judge.check(problem, mistake_file(problem, mistake, tmp_path), limits=LIMITS, timing=False)
        assert not report.passed, mistake.id
        assert mistake.id in [m["id"] for m in report.mistakes], (mistake.id, report.mistakes)


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
    if expectation.get("mistake"):
        assert expectation["mistake"] in [m["id"] for m in report.mistakes]
    if report.gradients:
        named = {g.name for g in report.gradients if g.verdict == "wrong"}
        assert named == set(expectation["wrong_outputs"]) & {g.name for g in report.gradients}
