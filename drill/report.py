"""Render a check's report: cases, gradient checks, failure panels, likely mistakes, timing."""
from __future__ import annotations

import numpy as np

from drill.compare import Opaque
from drill.judge import Report
from drill.listing import _format_seconds
from drill.ui import console, plain, table_box

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

    return escape(text)


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
        for column in ("gradient", "verdict", "vs reference", "vs numerical", "vs your forward", "at size (directional)"):
            table.add_column(column)
        for g in report.gradients:
            own = "-" if g.rel_error_vs_own_forward is None else \
                f"{_sci(g.rel_error_vs_own_forward)} ({'agrees' if g.agrees_with_own_forward else 'DISAGREES'})"
            table.add_row(g.name, _verdict(g.verdict), _sci(g.rel_error_vs_reference), _sci(g.rel_error_vs_numeric), own,
                          _sci(getattr(g, "rel_error_directional", None)))
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


TIMING_COLUMNS = {"you": "your code", "loop": "loop reference", "vectorized": "vectorized reference",
                  "fastest": "fastest reference", "torch": "PyTorch"}


def _timing_cell(row, name: str) -> str:
    seconds = row.seconds.get(name)
    if seconds is None:
        why = row.skipped.get(name)
        return f"–, {why}" if why else "-"
    spread = row.spread.get(name) or {}
    text = _format_seconds(seconds)
    relative = spread.get("iqr_relative")
    if relative is not None:
        text += f" ±{50 * relative:.0f}%"  # half the interquartile range, relative to the median
    share = row.share(name)
    if share is not None:
        text += f" [dim]{share:.0%}[/]"
    return text


def _timing_table(out, report: Report) -> None:
    from rich.table import Table

    implementations = [k for k in TIMING_COLUMNS if any(k in r.seconds for r in report.timing)]
    rate = (report.machine or {}).get("matmul_gflops") if hasattr(report, "machine") else None
    title = "timing (median ± half the interquartile range over interleaved repeats, one process"
    title += "; % = share of this machine's matmul rate)" if rate else ")"
    table = Table(box=table_box(), title=title, title_justify="left")
    table.add_column("size")
    table.add_column("work", justify="right")
    for name in implementations:
        table.add_column(TIMING_COLUMNS[name], justify="right")
    table.add_column("you / vectorized", justify="right")
    for row in report.timing:
        ratio = row.ratio("vectorized")
        work = f"{row.flops / 1e6:.3g} MFLOP" if row.flops else _bytes(row.bytes) if row.bytes else "-"
        flag = " [yellow](noisy)[/]" if row.noisy else ""
        table.add_row(_escape(row.size) + flag, work, *(_timing_cell(row, k) for k in implementations),
                      "-" if ratio is None else f"{ratio:.2g}x")
    out.print(table)
    summary = _rate_summary(report, rate)
    if summary:
        out.print(summary)
    if any(r.noisy for r in report.timing):
        out.print("[dim]noisy: the repeats spread widely even when measured again (a busy machine?); "
                  "read those rows as rough[/]")
    if report.timing_note:
        out.print(f"[dim]timing: {_escape(report.timing_note)}[/]")


def _bytes(count: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.3g} {unit}"
    return f"{count} B"


def _rate_summary(report: Report, rate) -> str:
    """'your conv_forward: 17 GFLOP/s, 19% of this machine's matmul rate; the vectorized reference: 52%'."""
    row = next((r for r in reversed(report.timing) if r.seconds.get("you") is not None), None)
    if row is None:
        return ""
    name = report.problem.id
    if row.flops:
        text = f"your {name} at {_escape(row.size)}: {row.gflops('you'):.3g} GFLOP/s"
        if rate:
            text += f", {row.share('you'):.0%} of this machine's matmul rate ({rate:.3g} GFLOP/s, float64)"
            fastest = (row.spread.get("you") or {}).get("min")
            if fastest:  # on a busy machine the median lags far behind what the code does alone
                text += f" (your fastest repeat: {row.flops / fastest / 1e9 / rate:.0%})"
            others = [f"the {k} reference: {row.share(k):.0%}" if k != "torch" else f"PyTorch: {row.share(k):.0%}"
                      for k in ("vectorized", "fastest", "torch") if row.share(k) is not None]
            if others:
                text += "; " + ", ".join(others)
        return text
    if row.bytes:
        return f"your {name} at {_escape(row.size)}: {row.bytes / row.seconds['you'] / 1e9:.3g} GB/s moved " \
               "(memory-bound: bytes, not flops, are what it costs)"
    return ""
