"""A check's report (the `drill check --json` object) in the formats CI systems and autograders read.

Pure functions of that JSON dict, so they apply as well to a report read back from a file:

- `junit(report) -> str`: JUnit XML, one <testcase> per hidden case and per gradient check (GitHub
  Actions test reporters, GitLab's `artifacts:reports:junit`, Jenkins' `junit` step);
- `gradescope(report) -> dict`: Gradescope's `results.json` (one test per hidden case and per
  gradient check, one point each).

Nothing here imports numpy or rich.
"""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

FAILURE_VERDICTS = ("wrong",)  # a wrong answer is a JUnit <failure>; every other non-pass an <error>
# XML 1.0 allows tab, newline, carriage return and the characters from U+0020 (minus surrogates and
# U+FFFE/U+FFFF): a solution's printed output may hold anything, so the rest is replaced.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value) -> str:
    return _NOT_XML.sub("\ufffd", "" if value is None else str(value))


def _number(value) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "n/a" if value is None else str(value)
    return f"{value:.2e}" if isinstance(value, float) else str(value)


def _seconds(value) -> str:
    return f"{value:.6f}" if isinstance(value, (int, float)) and not isinstance(value, bool) \
        and math.isfinite(value) else "0"


def _mistake_lines(report: dict) -> list[str]:
    lines = []
    for mistake in report.get("mistakes") or []:
        explains = mistake.get("explains")
        failing = mistake.get("failing")
        share = f" (explains {explains} of {failing} failing cases)" if explains and failing else ""
        lines.append(f"likely mistake: {mistake.get('title', mistake.get('id', '?'))}{share}")
        if mistake.get("explanation"):
            lines.append(f"  {mistake['explanation']}")
    return lines


def _case_details(report: dict, case: dict) -> str:
    lines = [case.get("message") or case.get("verdict", "")]
    if case.get("why"):
        lines.append(f"case: {case['name']} ({case['why']})")
    if case.get("traceback"):
        lines += ["", case["traceback"].rstrip()]
    lines += ["", f"reproduce: drill check {report.get('problem')} {_file(report)} --seed {report.get('seed')} "
                  f"--case {case['name']}"]
    return "\n".join(lines)


def _file(report: dict) -> str:
    import shlex

    return shlex.quote(str(report.get("file", "")))


def _gradient_message(gradient: dict) -> str:
    parts = [f"{gradient['name']}: {gradient.get('verdict')}",
             f"relative error vs reference {_number(gradient.get('rel_error_vs_reference'))}",
             f"vs centered differences {_number(gradient.get('rel_error_vs_numeric'))}"]
    own = gradient.get("agrees_with_own_forward")
    if own is not None:
        parts.append("agrees with your own forward" if own else
                     f"disagrees with your own forward ({_number(gradient.get('rel_error_vs_own_forward'))})")
    return "; ".join(parts)


def _timing_lines(report: dict) -> list[str]:
    lines = []
    for row in report.get("timing") or []:
        seconds = row.get("seconds") or {}
        cells = ", ".join(f"{name} {value * 1e3:.3g} ms" for name, value in seconds.items()
                          if isinstance(value, (int, float)))
        lines.append(f"time at {row.get('size')}: {cells}")
    return lines


def summary(report: dict) -> str:
    """A few plain lines on the whole check: the result, the likely mistake, how to reproduce."""
    cases = report.get("cases") or []
    passed = sum(c.get("verdict") == "pass" for c in cases)
    lines = [f"drill check {report.get('problem')} {report.get('file')} (seed {report.get('seed')}): "
             f"{'passed' if report.get('passed') else report.get('verdict', 'failed')}, "
             f"{passed}/{len(cases)} hidden cases pass"]
    if report.get("message"):
        lines.append(report["message"])
    lines += _mistake_lines(report)
    lines += _timing_lines(report)
    if not report.get("passed"):
        lines.append(f"reproduce: {report.get('reproduce')}")
    return "\n".join(lines)


# ---------------------------------------------------------------- JUnit XML


def junit(report: dict) -> str:
    """JUnit XML for one check: a <testsuite> named after the problem and file."""
    problem = str(report.get("problem", ""))
    file = str(report.get("file", ""))
    cases = report.get("cases") or []
    gradients = report.get("gradients") or []
    suite_name = f"drill {problem} {file}"
    classname = f"drill.{problem}"

    testcases = []
    for case in cases:
        element = ET.Element("testcase", name=xml_text(case.get("name")), classname=xml_text(classname),
                             time=_seconds(case.get("seconds")))
        verdict = case.get("verdict")
        if verdict != "pass":
            tag = "failure" if verdict in FAILURE_VERDICTS else "error"
            child = ET.SubElement(element, tag, message=xml_text(case.get("message") or verdict), type=xml_text(verdict))
            child.text = xml_text(_case_details(report, case))
        testcases.append(element)
    for gradient in gradients:
        element = ET.Element("testcase", name=xml_text(f"gradient {gradient.get('name')}"),
                             classname=xml_text(f"{classname}.gradients"), time="0")
        verdict = gradient.get("verdict")
        message = _gradient_message(gradient)
        if verdict != "pass":
            tag = "failure" if verdict in FAILURE_VERDICTS else "error"
            child = ET.SubElement(element, tag, message=xml_text(message), type=xml_text(verdict))
            child.text = xml_text(message + "\n\n" + "\n".join(_mistake_lines(report) +
                                                                [f"reproduce: {report.get('reproduce')}"]))
        else:
            ET.SubElement(element, "system-out").text = xml_text(message)
        testcases.append(element)

    failures = sum(t.find("failure") is not None for t in testcases)
    errors = sum(t.find("error") is not None for t in testcases)
    total_time = sum(float(t.get("time")) for t in testcases)
    root = ET.Element("testsuites", name="drill", tests=str(len(testcases)), failures=str(failures),
                      errors=str(errors), time=f"{total_time:.6f}")
    suite = ET.SubElement(root, "testsuite", name=xml_text(suite_name), tests=str(len(testcases)),
                          failures=str(failures), errors=str(errors), skipped="0", time=f"{total_time:.6f}")
    properties = ET.SubElement(suite, "properties")
    for name, value in (("problem", problem), ("file", file), ("seed", report.get("seed")),
                        ("verdict", report.get("verdict")), ("reproduce", report.get("reproduce"))):
        ET.SubElement(properties, "property", name=name, value=xml_text(value))
    suite.extend(testcases)
    out = "\n".join([summary(report)] + ([f"\noutput of the solution:\n{(report.get('output') or {}).get('head', '')}"]
                                         if (report.get("output") or {}).get("head") else []))
    ET.SubElement(suite, "system-out").text = xml_text(out)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ---------------------------------------------------------------- Gradescope


def gradescope(report: dict) -> dict:
    """Gradescope's results.json: one point per hidden case and per gradient check."""
    tests = []
    for case in report.get("cases") or []:
        ok = case.get("verdict") == "pass"
        output = "" if ok else f"{case.get('verdict')}: {_case_details(report, case)}"
        if ok and case.get("why"):
            output = case["why"]
        tests.append({"name": f"{case.get('name')}", "score": 1.0 if ok else 0.0, "max_score": 1.0,
                      "status": "passed" if ok else "failed", "output": output})
    for gradient in report.get("gradients") or []:
        ok = gradient.get("verdict") == "pass"
        tests.append({"name": f"gradient check: {gradient.get('name')}", "score": 1.0 if ok else 0.0,
                      "max_score": 1.0, "status": "passed" if ok else "failed",
                      "output": _gradient_message(gradient)})
    output = summary(report)
    head = (report.get("output") or {}).get("head")
    if head:
        output += f"\n\noutput of your solution:\n{head}"
    return {"score": float(sum(t["score"] for t in tests)), "max_score": float(sum(t["max_score"] for t in tests)),
            "output": output, "tests": tests}
