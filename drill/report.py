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


def _short(value, limit=SMALL, compact=False) -> str:
    """A value as the failure panel shows it. compact: at most a few lines (an array of more than two
    dimensions flattened when it is small, else only its shape)."""
    if isinstance(value, np.ndarray):
        if compact and value.ndim > 2:
            if value.size <= 12:
                return f"{np.array2string(value.ravel(), precision=6, max_line_width=90)}  # shape {value.shape}"
            return f"array of shape {value.shape}, dtype {value.dtype}"
        if value.size <= limit and (not compact or value.size <= 24):
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


QUIET, NORMAL, VERBOSE = 0, 1, 2
MESSAGE_WIDTH = 60  # characters of a case's message in the compact table


def outcome_words(report: Report) -> str:
    """Which outputs are right and which wrong, across every case: "dx and dw wrong, db right"."""
    outputs = report.problem.outputs
    wrong = [n for n in outputs if any(n in c.comparisons and not c.comparisons[n].ok for c in report.cases)]
    right = [n for n in outputs if n not in wrong and any(n in c.comparisons for c in report.cases)]
    if not wrong and not right:
        return ""
    parts = []
    if wrong:
        parts.append(f"{_and(wrong)} wrong")
    if right and wrong:
        parts.append(f"{_and(right)} right")
    modified = sum(bool(c.modified) for c in report.cases)
    if modified:
        parts.append(f"inputs or cache modified in place on {modified} case(s)")
    return ", ".join(parts)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def closing_line(report: Report) -> str:
    passed = sum(c.verdict == "pass" for c in report.cases)
    total = len(report.cases)
    if report.passed and report.partial:
        return f"PASSED {', '.join(c.name for c in report.cases)} ({total} case{'s' * (total > 1)})"
    if report.passed:
        return f"PASSED all {total} hidden cases of {report.problem.id}"
    if report.rejected:
        return f"FAILED ({report.verdict}): nothing could be run"
    words = outcome_words(report) or f"{report.verdict} first"
    not_run = f", {report.not_run} not run" if report.not_run else ""
    return f"FAILED {total - passed}/{total}: {words}{not_run}"


def _shown_case(report: Report):
    """The failing case the report shows in full: the smallest input among the first kind of failure."""
    failing = [c for c in report.cases if c.verdict != "pass" and not c.message.startswith("not run:")]
    if not failing:
        return None
    first = failing[0].verdict
    return min((c for c in failing if c.verdict == first), key=_input_size)


def render(report: Report, verbosity: int = NORMAL) -> None:
    """Summary first (what is right and wrong, the likely mistake, the next step), then one row per
    case, the gradient checks, one failure in full, and timing for a solution that passed. A failing
    check fits one screen; -v shows every case in full, -q only the closing line."""
    out = console()
    problem = report.problem
    shown = _shown_case(report)
    reproduce = report.reproduce if shown is None else \
        f"{report.reproduce.rsplit(' --case', 1)[0]} --case {shown.name}"
    closing = closing_line(report)
    style = "bold green" if report.passed else "bold red"
    if verbosity == QUIET:
        where = report.file if report.passed and not report.partial else f"{problem.id}, {report.file}"
        out.print(f"[{style}]{_escape(closing)}[/] ({_escape(where)})", soft_wrap=True)
        return

    out.print(f"[bold]drill check {problem.id}[/] {_escape(report.file)}  (seed {report.seed})", soft_wrap=True)
    if report.rejected:
        out.print(_panel(_escape(report.rejected) + (f"\n\n{_escape(report.traceback)}" if report.traceback else ""),
                         report.load_verdict, "red"))
    else:
        if not report.passed:
            _summary(out, report, shown, reproduce)
        _case_table(out, report, verbosity)

    if report.gradients:
        _gradient_table(out, report)

    if not report.rejected:
        failing = [c for c in report.cases if c.verdict != "pass" and not c.message.startswith("not run:")]
        panels = _distinct(failing) if verbosity == VERBOSE else ([shown] if shown else [])
        for case in panels:
            out.print(_panel(_failure_body(report, case, verbosity), f"{case.verdict}: {case.name}",
                             VERDICT_STYLE.get(case.verdict, "red")))

    if report.output_total:
        limit = OUTPUT_LINES if verbosity == VERBOSE else 5
        lines = report.output_head.rstrip().splitlines()
        cut = report.output_total - len("\n".join(lines[:limit]).encode())
        tail = f"\n... {cut:,} more bytes cut (-v shows more, --json keeps the first {len(report.output_head.encode()):,})" \
            if cut > 1 else ""
        out.print(_panel(_escape("\n".join(lines[:limit])) + tail, "your code printed", "blue"))

    if report.timing:
        _timing_table(out, report)
    elif report.timing_note and report.passed:
        out.print(f"timing: {_escape(report.timing_note)}")

    if report.passed:
        more = "; run without --case for the full check" if report.partial else \
            f". Compare with the references: drill show {problem.id}"
        out.print(f"[{style}]{closing}[/]{more}")
    else:
        out.print(f"[{style}]{_escape(closing)}[/]")
        # printed whole, never wrapped, so that it can be copied; it names the case shown above
        out.print(f"{'Run again' if report.rejected else 'Reproduce'}: {_escape(reproduce)}", soft_wrap=True)


def _summary(out, report: Report, shown, reproduce: str) -> None:
    lines = []
    words = outcome_words(report)
    if words:
        lines.append(f"[bold]{_escape(words)}[/]")
    for mistake in report.mistakes:
        explains = f"explains {mistake['explains']} of {mistake['failing']} failing cases" \
            if "explains" in mistake else f"seen on {mistake['case']}"
        lines.append(f"likely mistake: [bold]{_escape(mistake['title'])}[/] ({mistake['id']}; {explains})")
        lines.append(f"[dim]{_escape(mistake['explanation'])}[/]")
    lines.append(f"next: [bold]drill hint {report.problem.id}[/]" + (f"; {shown.name} is shown below" if shown else "")
                 + "; not timed until every case passes")
    out.print(_panel("\n".join(lines), "summary", "red"))


def _case_table(out, report: Report, verbosity: int) -> None:
    from rich.table import Table

    table = Table(box=table_box(), padding=(0, 1), show_edge=False)
    table.add_column("hidden case", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("time", justify="right", no_wrap=True)
    verbose = verbosity == VERBOSE
    table.add_column("what it checks / what went wrong", overflow="fold" if verbose else "ellipsis",
                     no_wrap=not verbose, max_width=None if verbose else MESSAGE_WIDTH)
    previous = None
    for case in report.cases:
        if case.verdict == "pass":
            detail, previous = case.why, None
        elif case.comparisons and not verbose:
            wrong = [n for n, c in case.comparisons.items() if not c.ok]
            detail = (f"{_and(wrong)} wrong" if wrong else case.message.split(";")[0])
            if case.modified:
                detail = case.message.split(";")[0]
        else:
            detail = case.message
        shown = "[dim]same as above[/]" if case.verdict != "pass" and detail == previous else _escape(detail)
        previous = detail if case.verdict != "pass" else None
        table.add_row(case.name, _verdict(case.verdict), _format_seconds(case.seconds), shown)
    out.print(table)


def _gradient_table(out, report: Report) -> None:
    from rich.table import Table

    caption = "gradient checks: cs231n relative error, < 1e-7 good, > 1e-2 wrong"
    if any(g.verdict == "pass" and (g.rel_error_directional or 0) > 1e-5 for g in report.gradients):
        caption += ("; at size, finite differences that cross a kink of the forward (ReLU, max) read off "
                    "for right code: a gradient that agrees with the reference's there passes")
    table = Table(box=table_box(), caption=caption, caption_justify="left", show_edge=False)
    for column in ("gradient check", "verdict", "vs reference", "vs numerical", "vs your forward", "at size (directional)"):
        table.add_column(column, overflow="fold")
    for g in report.gradients:
        own = "-" if g.rel_error_vs_own_forward is None else \
            f"{_sci(g.rel_error_vs_own_forward)} ({'agrees' if g.agrees_with_own_forward else 'DISAGREES'})"
        table.add_row(g.name, _verdict(g.verdict), _sci(g.rel_error_vs_reference), _sci(g.rel_error_vs_numeric), own,
                      _sci(g.rel_error_directional))
    out.print(table)


def _distinct(failing: list) -> list:
    """One failing case per distinct message, smallest inputs first."""
    panels, messages = [], set()
    for case in sorted(failing, key=_input_size):
        if case.message not in messages:
            messages.add(case.message)
            panels.append(case)
    return panels


def _input_size(case) -> int:
    return sum(np.size(v) if isinstance(v, (np.ndarray, list, tuple)) else 1 for v in case.inputs.values())


def _labelled(label: str, text: str) -> str:
    """label + text, with the text's continuation lines indented under its first line."""
    return _escape(label + text.replace("\n", "\n" + " " * len(label)))


def _sci(value) -> str:
    if value is None:
        return "-"
    if value != value:
        return "NaN"  # a gradient with NaN in it
    return f"{value:.1e}" if np.isfinite(value) else "wrong shape"


def _failure_body(report: Report, case, verbosity: int = NORMAL) -> str:
    inputs = case.inputs
    lines = [f"[dim]{_escape(case.why)}[/]", _escape(case.message)]
    if inputs:
        lines += ["", "[bold]input[/]"]
        for name, value in inputs.items():
            lines.append(_labelled(f"  {name} = ", _short(value, compact=verbosity != VERBOSE)))
    if case.traceback:
        trace = case.traceback.rstrip().splitlines()
        if verbosity != VERBOSE and len(trace) > 8:
            trace = trace[:2] + [f"  ... ({len(trace) - 6} lines; -v shows them)"] + trace[-4:]
        lines += ["", _escape("\n".join(trace))]
    if case.comparisons:
        expected = case.expected
        wrong = [name for name, comparison in case.comparisons.items() if not comparison.ok]
        for name, comparison in case.comparisons.items():
            if comparison.ok or (verbosity != VERBOSE and name != wrong[0]):
                continue  # the message above names the others; -v shows them all
            lines += ["", f"[bold]{name}[/]"]
            compact = verbosity != VERBOSE
            lines.append(_labelled("  expected ", _short(expected[name], compact=compact)))
            lines.append(_labelled("  got      ", _short(case.got.get(name), compact=compact)))
            if comparison.max_abs_error is not None and verbosity == VERBOSE:
                lines.append(f"  max abs error {comparison.max_abs_error:.3e}, max rel error "
                             f"{comparison.max_rel_error:.3e}" +
                             (f", worst at {list(comparison.worst_index)}" if comparison.worst_index else ""))
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
    title += "; % = share of this machine's matmul rate, fastest repeat against fastest matmul)" if rate else ")"
    table = Table(box=table_box(), title=title, title_justify="left")
    # fold, not ellipsis: on a narrow terminal a long word breaks across lines but is never cut
    table.add_column("size, work", overflow="fold")
    for name in implementations:
        table.add_column(TIMING_COLUMNS[name], justify="right", overflow="fold")
    table.add_column("you / vectorized", justify="right", overflow="fold")
    for row in report.timing:
        ratio = row.ratio("vectorized")
        work = f"{row.flops / 1e6:.3g} MFLOP" if row.flops else _bytes(row.bytes) if row.bytes else "-"
        flag = " [yellow](noisy)[/]" if row.noisy else ""
        table.add_row(f"{_escape(row.size)}{flag}\n[dim]{work}[/]", *(_timing_cell(row, k) for k in implementations),
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
            others = [f"the {k} reference: {row.share(k):.0%}" if k != "torch" else f"PyTorch: {row.share(k):.0%}"
                      for k in ("vectorized", "fastest", "torch") if row.share(k) is not None]
            if others:
                text += "; " + ", ".join(others)
        return text
    if row.bytes:
        return f"your {name} at {_escape(row.size)}: {row.bytes_per_second('you') / 1e9:.3g} GB/s moved " \
               "(memory-bound: bytes, not flops, are what it costs)"
    return ""
