"""`drill verify`: prove the bank sound, like rustlings' `dev check`.

For every problem: the metadata is valid, both references pass the hidden suite (through the real
worker), they agree with each other, the skeleton fails cleanly, and every known mistake fails the
hidden suite at every seed of a sweep and is named as itself, and only itself, at each of them.
"""
from __future__ import annotations

import ast
import tempfile
from dataclasses import dataclass
from pathlib import Path

from drill.catalog import DIFFICULTIES, BankError, Problem
from drill.sandbox import Limits

CLEAN_SKELETON_VERDICTS = {"error", "wrong"}
SWEEP_SEEDS = 20  # seeds per known mistake: the default seed and 0 .. SWEEP_SEEDS - 2
MIN_DESIGNED_CASES = 8
MIN_HINTS = 3


@dataclass
class Finding:
    problem: str
    check: str
    ok: bool
    detail: str = ""


def metadata_faults(problem: Problem) -> list[str]:
    faults = []
    if problem.difficulty not in DIFFICULTIES:
        faults.append(f"difficulty '{problem.difficulty}' is not one of {', '.join(DIFFICULTIES)}")
    if len(problem.hints) < MIN_HINTS:
        faults.append(f"{len(problem.hints)} hints; at least {MIN_HINTS} wanted")
    for path in (problem.statement_path, problem.skeleton_path, problem.folder / "cases.py",
                 problem.reference_path("loop"), problem.reference_path("vectorized")):
        if not path.is_file():
            faults.append(f"missing {path.name} ({path})")
    for mistake in problem.mistakes:
        if not mistake.path.is_file():
            faults.append(f"mistake {mistake.id} has no file {mistake.path}")
        if not mistake.title or not mistake.explanation:
            faults.append(f"mistake {mistake.id} needs a title and an explanation")
    if len({m.id for m in problem.mistakes}) != len(problem.mistakes):
        faults.append("mistake ids are not unique")
    names_in_plan = set(problem.required_functions)
    if set(problem.functions) | set(problem.provided) != names_in_plan:
        faults.append(f"functions + provided {sorted(set(problem.functions) | set(problem.provided))} "
                      f"differ from the functions the call plan uses {sorted(names_in_plan)}")
    if not faults:
        for path in (problem.skeleton_path, *map(problem.reference_path, problem.reference_kinds)):
            defined = {n.name for n in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(n, ast.FunctionDef)}
            missing = names_in_plan - defined
            if missing:
                faults.append(f"{path.name} does not define {', '.join(sorted(missing))}")
    if problem.gradcheck and set(problem.gradcheck.wrt) - set(problem.outputs):
        faults.append("gradcheck.wrt names gradients that are not outputs")
    if not faults:
        from drill.judge import DEFAULT_SEED, build_cases

        cases = build_cases(problem, DEFAULT_SEED)
        names = [c.name for c in cases]
        if len(set(names)) != len(names):
            faults.append("case names are not unique")
        designed = sum(c.designed for c in cases)
        if designed < MIN_DESIGNED_CASES:
            faults.append(f"{designed} designed cases; at least {MIN_DESIGNED_CASES} wanted")
        if problem.gradcheck and not set(problem.gradcheck.cases) <= set(names):
            faults.append(f"gradcheck cases {sorted(set(problem.gradcheck.cases) - set(names))} do not exist")
    return faults


def references_agree(problem: Problem) -> str:
    """'' when every reference agrees with the loop one on every hidden case, else where they differ."""
    from drill.compare import same_value
    from drill.judge import DEFAULT_SEED, build_cases, reference_module
    from drill.plan import outputs_of, run_plan

    loop = reference_module(problem, "loop")
    others = {kind: reference_module(problem, kind) for kind in problem.reference_kinds if kind != "loop"}
    for case in build_cases(problem, DEFAULT_SEED):
        a = outputs_of(problem.outputs, run_plan(loop, problem.call, case.inputs))
        for kind, module in others.items():
            b = outputs_of(problem.outputs, run_plan(module, problem.call, case.inputs))
            for name in problem.outputs:
                if not same_value(b[name], a[name], problem.rtol / 10, problem.atol / 10):
                    return f"{name} of the {kind} reference differs from the loop one on {case.name}"
    return ""


def mistake_file(problem: Problem, mistake, folder: Path) -> Path:
    """A user-style file: the vectorized reference with the mistake's definitions appended."""
    source = problem.reference_path("vectorized").read_text(encoding="utf-8")
    wrong = mistake.path.read_text(encoding="utf-8")
    path = folder / f"{problem.id}__{mistake.id}.py"
    path.write_text(f"{source}\n\n# ---- known mistake {mistake.id} ----\n{wrong}", encoding="utf-8")
    return path


def sweep_seeds(count: int = SWEEP_SEEDS) -> list[int]:
    from drill.judge import DEFAULT_SEED

    return [DEFAULT_SEED] + [s for s in range(count) if s != DEFAULT_SEED][: count - 1]


def mistake_sweep(problem: Problem, mistake, path: Path, seeds, limits=None, prepared=None) -> tuple[bool, str]:
    """(ok, detail): the file fails at every seed and the diagnosis names exactly this mistake there."""
    from drill import judge

    reports = judge.sweep(problem, path, seeds, limits or Limits(timeout=20.0), prepared=prepared)
    passed = [r.seed for r in reports if r.passed]
    misnamed = [(r.seed, [m["id"] for m in r.mistakes]) for r in reports
                if [m["id"] for m in r.mistakes] != [mistake.id]]
    failed = [sum(c.verdict != "pass" for c in r.cases) for r in reports]
    detail = f"fails at {len(seeds) - len(passed)}/{len(seeds)} seeds ({min(failed)}-{max(failed)} cases each)"
    if passed:
        detail += f"; PASSES at seed(s) {', '.join(map(str, passed[:5]))}"
    if misnamed:
        seed, named = misnamed[0]
        detail += f"; named {', '.join(named) or 'nothing'} at seed {seed} ({len(misnamed)} seed(s) misnamed)"
    else:
        detail += "; named only itself"
    return not passed and not misnamed, detail


def verify_problem(problem: Problem, seeds: int = SWEEP_SEEDS) -> list[Finding]:
    from drill import judge

    findings = []
    faults = metadata_faults(problem)
    findings.append(Finding(problem.id, "metadata", not faults, "; ".join(faults) or "valid"))
    if faults:
        return findings
    limits = Limits(timeout=20.0)
    for kind in problem.reference_kinds:
        report = judge.check(problem, problem.reference_path(kind), limits=limits, timing=False)
        failing = [c for c in report.cases if c.verdict != "pass"]
        detail = f"{len(report.cases)} cases pass" if report.passed else \
            f"{failing[0].name}: {failing[0].verdict}: {failing[0].message}"
        findings.append(Finding(problem.id, f"{kind} reference passes", report.passed, detail))
    disagreement = references_agree(problem)
    findings.append(Finding(problem.id, "references agree", not disagreement, disagreement or " == ".join(problem.reference_kinds)))

    report = judge.check(problem, problem.skeleton_path, limits=limits, timing=False)
    clean = not report.passed and report.verdict in CLEAN_SKELETON_VERDICTS
    findings.append(Finding(problem.id, "skeleton fails cleanly", clean, f"verdict {report.verdict}"))

    seed_list = sweep_seeds(seeds)
    prepared = [judge.prepare(problem, seed, gradients=False) for seed in seed_list]
    with tempfile.TemporaryDirectory(prefix="drill-verify-") as tmp:
        for mistake in problem.mistakes:
            ok, detail = mistake_sweep(problem, mistake, mistake_file(problem, mistake, Path(tmp)), seed_list,
                                       limits, prepared)
            findings.append(Finding(problem.id, f"mistake {mistake.id}", ok, detail))
    return findings


def run(catalog, problem_ids: list[str], as_json: bool, seeds: int = SWEEP_SEEDS) -> bool:
    findings = []
    for problem_id in problem_ids:
        try:
            problem = catalog.get(problem_id)
        except BankError as exc:
            findings.append(Finding(problem_id, "metadata", False, str(exc)))
            continue
        findings += verify_problem(problem, seeds)
    ok = all(f.ok for f in findings)
    if as_json:
        from drill.ui import echo_json

        echo_json({"ok": ok, "checks": [f.__dict__ for f in findings]})
        return ok
    from rich.table import Table

    from drill.ui import console, table_box

    table = Table(box=table_box(), title="drill verify", title_justify="left")
    for column in ("problem", "check", "result", "detail"):
        table.add_column(column, overflow="fold")
    for f in findings:
        table.add_row(f.problem, f.check, "[green]ok[/]" if f.ok else "[bold red]FAULT[/]", f.detail)
    out = console()
    out.print(table)
    faults = sum(not f.ok for f in findings)
    out.print(f"{len(findings)} checks, {faults} fault(s)." if faults else f"{len(findings)} checks, all ok.")
    return ok
