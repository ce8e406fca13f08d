"""`drill check --format junit|gradescope`: the reports CI systems and Gradescope read."""
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES, ROOT
from drill import formats

IOU_REFERENCE = ROOT / "solutions" / "iou" / "vectorized.py"
BN_WRONG = FIXTURES / "bn_backward" / "wrong_mean_not_sum.py"
BN_REFERENCE = ROOT / "solutions" / "bn_backward" / "vectorized.py"


def _without_seconds(data):
    """A report minus what is measured (call times, timing rows): the rest is deterministic."""
    if isinstance(data, dict):
        return {k: _without_seconds(v) for k, v in data.items() if k not in ("seconds", "timing")}
    if isinstance(data, list):
        return [_without_seconds(v) for v in data]
    return data


def _check_json(run, problem, path, *extra):
    result = run("check", problem, path, "--json", "--no-timing", *extra)
    return result.exit_code, json.loads(result.stdout)


def _junit(run, problem, path, *extra):
    result = run("check", problem, path, "--format", "junit", "--no-timing", *extra)
    return result.exit_code, ET.fromstring(result.stdout.encode())


def test_junit_has_a_testcase_per_hidden_case_and_gradient_with_failures(run):
    code, report = _check_json(run, "bn_backward", BN_WRONG)
    junit_code, root = _junit(run, "bn_backward", BN_WRONG)
    assert code == junit_code == 1
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    testcases = suite.findall("testcase")
    names = [t.get("name") for t in testcases]
    assert names == [c["name"] for c in report["cases"]] + [f"gradient {g['name']}" for g in report["gradients"]]
    for testcase, case in zip(testcases, report["cases"]):
        failure = testcase.find("failure")
        assert testcase.get("classname") == "drill.bn_backward"
        if case["verdict"] == "pass":
            assert failure is None and testcase.find("error") is None
        else:
            assert failure is not None and failure.get("type") == "wrong"
            assert failure.get("message") == case["message"]
            assert f"--case {case['name']}" in failure.text
    failing = sum(c["verdict"] != "pass" for c in report["cases"]) + \
        sum(g["verdict"] != "pass" for g in report["gradients"])
    assert int(suite.get("failures")) + int(suite.get("errors")) == failing > 0
    assert int(suite.get("tests")) == int(root.get("tests")) == len(testcases)
    gradient = {t.get("name"): t for t in testcases}["gradient dgamma"]
    assert "relative error" in gradient.find("failure").get("message")
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert props["seed"] == "231" and props["problem"] == "bn_backward" and props["verdict"] == "wrong"
    assert "dgamma and dbeta averaged over the batch" in suite.find("system-out").text  # the likely mistake


def test_junit_of_a_passing_file_has_no_failures(run):
    code, root = _junit(run, "iou", IOU_REFERENCE)
    assert code == 0
    suite = root.find("testsuite")
    assert suite.get("failures") == suite.get("errors") == "0"
    assert all(t.find("failure") is None and t.find("error") is None for t in suite.iter("testcase"))


@pytest.mark.parametrize("name, verdict", [("syntax_error.py", "rejected"), ("exception_in_call.py", "error"),
                                           ("output_markup_and_binary.py", None)])
def test_junit_stays_valid_xml_for_broken_and_noisy_files(run, name, verdict):
    code, root = _junit(run, "iou", FIXTURES / "hostile" / name)
    suite = root.find("testsuite")
    if verdict:
        assert code == 1
        errors = [t.find("error") for t in suite.iter("testcase")]
        assert all(e is not None and e.get("type") == verdict for e in errors)
        assert int(suite.get("errors")) == len(errors)
    assert suite.find("system-out") is not None


def test_junit_removes_what_xml_cannot_hold():
    report = {"problem": "iou", "file": "x.py", "seed": 1, "passed": False, "verdict": "wrong", "message": "",
              "cases": [{"name": "c", "verdict": "wrong", "message": "bad \x00\x1b[31m value \ud800", "why": "w"}],
              "gradients": [], "timing": [], "mistakes": [], "output": {"head": "\x07bell\x0c"},
              "reproduce": "drill check iou x.py --seed 1 --case c"}
    root = ET.fromstring(formats.junit(report).encode("utf-8", "surrogatepass"))
    assert root.find("testsuite/testcase/failure").get("message").startswith("bad \ufffd\ufffd[31m value")


def test_gradescope_results_have_the_keys_gradescope_reads(run):
    code, report = _check_json(run, "bn_backward", BN_WRONG)
    result = run("check", "bn_backward", BN_WRONG, "--format", "gradescope", "--no-timing")
    assert result.exit_code == code == 1
    data = json.loads(result.stdout)
    assert {"score", "max_score", "tests", "output"} <= set(data)
    assert len(data["tests"]) == len(report["cases"]) + len(report["gradients"])
    for test in data["tests"]:
        assert {"name", "score", "max_score", "status", "output"} <= set(test)
        assert test["status"] in ("passed", "failed")
        assert test["score"] == (test["max_score"] if test["status"] == "passed" else 0)
    passing = sum(c["verdict"] == "pass" for c in report["cases"]) + sum(g["verdict"] == "pass" for g in report["gradients"])
    assert data["score"] == passing < data["max_score"] == len(data["tests"])
    assert "dgamma and dbeta averaged over the batch" in data["output"]
    failed = next(t for t in data["tests"] if t["status"] == "failed")
    assert "--seed 231 --case" in failed["output"]


def test_gradescope_full_score_for_a_reference(run):
    result = run("check", "bn_backward", BN_REFERENCE, "--format", "gradescope", "--no-timing")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["score"] == data["max_score"] > 0
    assert any(t["name"].startswith("gradient check") for t in data["tests"])


def test_format_json_is_json(run):
    code, report = _check_json(run, "iou", IOU_REFERENCE)
    result = run("check", "iou", IOU_REFERENCE, "--format", "json", "--no-timing")
    assert result.exit_code == code == 0
    assert _without_seconds(json.loads(result.stdout)) == _without_seconds(report)


def test_json_and_another_format_is_a_usage_error(run):
    result = run("check", "iou", IOU_REFERENCE, "--json", "--format", "junit")
    assert result.exit_code == 2
    assert "--json" in result.output and "Traceback" not in result.output
    assert run("check", "iou", IOU_REFERENCE, "--format", "xml").exit_code == 2


def test_formats_do_not_record_less_or_more_than_check(run, drill_home):
    mine = ROOT / "tests" / "fixtures" / "iou" / "correct_numpy.py"  # a shipped reference is never recorded
    run("check", "iou", mine, "--format", "junit", "--no-timing")
    assert (drill_home / "progress.db").exists()  # a user's own check, in any format, is progress
