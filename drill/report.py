"""Render a check's report: cases, gradient checks, failure panels, likely mistakes, timing."""
from __future__ import annotations

import numpy as np

from drill.compare import Opaque
from drill.judge import Report
from drill.listing import _format_seconds
from drill.ui import console, plain, table_box, visible

VERDICT_STYLE = {"pass": "green", "wrong": "red", "error": "red", "timeout": "magenta", "memory": "magenta",
                 "crash": "red", "rejected": "red"}
MAX_PANELS = 2
OUTPUT_LINES = 20  # of the solution's printed output, on screen
SMALL = 40  # arrays up to this many elements are printed whole


def _panel(body: str, title: str, style: str):
    from rich import box
    from rich.panel import Panel

    return Panel(body, title=title, title_align="left", border_style=style, box=box.ASCII if plain() else box.ROUNDED)


def _verdict(word: str) -> str:
    return f"[bold {VERDICT_STYLE.get(word, '')}]{word}[/]"


def _short(value, limit=SMALL) -> str:
    if isinstance(value, np.ndarray):
        if value.size <= limit:
            return np.array2string(value, precision=6, suppress_small=False, max_line_width=100)
        return f"array of shape {value.shape}, dtype {value.dtype}"
    if isinstance(value, Opaque):
        return f"{value.pytype}: {value.text[:80]}"
    if isinstance(value, float):
        return f"{value:.10g}"
    return repr(value)[:200]


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(visible(text))


def preload() -> None:
    """Import everything rendering needs now, before any user code runs: rich imports some of its
    modules on first use, and nothing may be imported from disk after a worker ran."""
    import io

    from rich.console import Console
    from rich.table import Table

    for plain_text in (True, False):
        sink = Console(file=io.StringIO(), force_terminal=not plain_text, no_color=plain_text, width=100)
        table = Table(box=table_box(), title="warm-up")
        table.add_column("a")
        table.add_row(_verdict("pass"))
        sink.print(table)
        sink.print(_panel(_escape("[x] \x1b é 日本"), "warm-up", "red"))
        sink.print("[bold green]ok[/]", soft_wrap=True)


def render(report: Report) -> None:
    from rich.table import Table

    out = console()
    problem = report.problem
    out.print(f"[bold]drill check {problem.id}[/] {_escape(report.file)}  (seed {report.seed})")

    if report.rejected:
        out.print(_panel(_escape(report.rejected) + (f"\n\n{_escape(report.traceback)}" if report.traceback else ""),
                         report.load_verdict, "red"))
    else:
        table = Table(box=table_box(), title="hidden cases", title_justify="left")
        table.add_column("case")
        table.add_column("verdict")
        table.add_column("time", justify="right")
        table.add_column("what it checks / what went wrong", overflow="fold")
        previous = None
        for case in report.cases:
            detail = case.why if case.verdict == "pass" else case.message
            shown = "[dim]same as above[/]" if case.verdict != "pass" and detail == previous else _escape(detail)
            previous = detail if case.verdict != "pass" else None
            table.add_row(case.name, _verdict(case.verdict), _format_seconds(case.seconds), shown)
        out.print(table)

    if report.gradients:
        table = Table(box=table_box(), title="gradient checks (cs231n relative error: < 1e-7 good, > 1e-2 wrong)",
                      title_justify="left")
        for column in ("gradient", "verdict", "vs reference", "vs numerical", "vs your forward"):
            table.add_column(column)
        for g in report.gradients:
            own = "-" if g.rel_error_vs_own_forward is None else \
                f"{_sci(g.rel_error_vs_own_forward)} ({'agrees' if g.agrees_with_own_forward else 'DISAGREES'})"
            table.add_row(g.name, _verdict(g.verdict), _sci(g.rel_error_vs_reference), _sci(g.rel_error_vs_numeric), own)
        out.print(table)

    failing = [c for c in report.cases if c.verdict != "pass" and not c.message.startswith("not run:")]
    if failing and not report.rejected:
        # the smallest failing inputs are the easiest to read and to reproduce by hand
        panels, messages = [], set()
        for case in sorted(failing, key=_input_size):  # stable: equal sizes keep the case order
            if case.message not in messages:
                messages.add(case.message)
                panels.append(case)
        for case in panels[:MAX_PANELS]:
            out.print(_panel(_failure_body(report, case), f"{case.verdict}: {case.name}",
                             VERDICT_STYLE.get(case.verdict, "red")))

    for mistake in report.mistakes:
        out.print(_panel(f"[bold]{_escape(mistake['title'])}[/] ({mistake['id']}, seen on {mistake['case']})\n\n"
                         f"{_escape(mistake['explanation'])}", "likely mistake", "yellow"))

    if report.output_total:
        lines = report.output_head.rstrip().splitlines()
        cut = report.output_total - len("\n".join(lines[:OUTPUT_LINES]).encode())
        tail = f"\n... {cut:,} more bytes cut (--json keeps the first {len(report.output_head.encode()):,})" \
            if cut > 1 else ""
        out.print(_panel(_escape("\n".join(lines[:OUTPUT_LINES])) + tail, "your code printed", "blue"))

    if report.timing:
        _timing_table(out, report)
    elif report.timing_note:
        out.print(f"timing: {_escape(report.timing_note)}")

    passed = sum(c.verdict == "pass" for c in report.cases)
    total = len(report.cases)
    if report.passed and report.partial:
        out.print(f"[bold green]PASSED[/] {', '.join(c.name for c in report.cases)} ({total} case); "
                  "run without --case for the full check.")
    elif report.passed:
        out.print(f"[bold green]PASSED[/] all {passed} hidden cases of {problem.id}. "
                  f"Compare with the references: drill show {problem.id}")
    elif report.rejected:
        out.print(f"[bold red]FAILED[/] ({report.verdict}): nothing could be run.")
    else:
        not_run = f", {report.not_run} not run" if report.not_run else ""
        out.print(f"[bold red]FAILED[/] {total - passed} of {total} cases ({report.verdict} first{not_run}).")
    if not report.passed:  # printed whole, never wrapped, so that it can be copied
        out.print(f"{'Run again' if report.rejected else 'Reproduce'}: {_escape(report.reproduce)}", soft_wrap=True)


def _input_size(case) -> int:
    return sum(np.size(v) if isinstance(v, (np.ndarray, list, tuple)) else 1 for v in case.inputs.values())


def _labelled(label: str, text: str) -> str:
    """label + text, with the text's continuation lines indented under its first line."""
    return _escape(label + text.replace("\n", "\n" + " " * len(label)))


def _sci(value) -> str:
    if value is None:
        return "-"
    return f"{value:.1e}" if np.isfinite(value) else "wrong shape"


def _failure_body(report: Report, case) -> str:
    inputs = case.inputs
    lines = [f"[dim]{_escape(case.why)}[/]", "", _escape(case.message)]
    if inputs:
        lines += ["", "[bold]input[/]"]
        for name, value in inputs.items():
            lines.append(_labelled(f"  {name} = ", _short(value)))
    if case.traceback:
        lines += ["", _escape(case.traceback.rstrip())]
    if case.comparisons:
        expected = case.expected
        for name, comparison in case.comparisons.items():
            if comparison.ok:
                continue
            lines += ["", f"[bold]{name}[/]"]
            lines.append(_labelled("  expected ", _short(expected[name])))
            lines.append(_labelled("  got      ", _short(case.got.get(name))))
            if comparison.max_abs_error is not None:
                lines.append(f"  max abs error {comparison.max_abs_error:.3e}, max rel error "
                             f"{comparison.max_rel_error:.3e}" +
                             (f", worst at {list(comparison.worst_index)}" if comparison.worst_index else ""))
    lines += ["", f"reproduce: {_escape(report.reproduce.rsplit(' --case', 1)[0])} --case {case.name}"]
    return "\n".join(lines)


def _timing_table(out, report: Report) -> None:
    from rich.table import Table

    implementations = [k for k in ("you", "loop", "vectorized", "torch") if any(k in r.seconds for r in report.timing)]
    table = Table(box=table_box(), title="timing (median of repeated runs, interleaved, one process)",
                  title_justify="left")
    table.add_column("size")
    for name in implementations:
        table.add_column("your code" if name == "you" else f"{name} reference" if name != "torch" else "PyTorch",
                         justify="right")
    table.add_column("you / vectorized", justify="right")
    for row in report.timing:
        ratio = row.ratio("vectorized")
        table.add_row(row.size, *(_format_seconds(row.seconds.get(k)) for k in implementations),
                      "-" if ratio is None else f"{ratio:.2g}x")
    out.print(table)
    if report.timing_note:
        out.print(f"[dim]timing: {_escape(report.timing_note)}[/]")
