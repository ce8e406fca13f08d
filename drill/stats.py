"""`drill stats`: how practice is going, per topic and per difficulty."""
from __future__ import annotations

import statistics

import click

from drill import progress
from drill.mock import clock
from drill.ui import console, echo_json, plain, table_box


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    seconds = int(round(seconds))
    if seconds < 3600:
        return clock(seconds)
    days, rest = divmod(seconds, 86400)
    return (f"{days}d " if days else "") + f"{rest // 3600}h{(rest % 3600) // 60:02d}"


def groups(catalog) -> dict:
    status = progress.statuses()
    out = {"topic": {}, "difficulty": {}}
    for p in catalog.all():
        s = status.get(p.id)
        for kind, key in (("topic", p.topic), ("difficulty", p.difficulty)):
            g = out[kind].setdefault(key, {"problems": 0, "passed": 0, "attempted": 0, "hints": 0, "_times": []})
            g["problems"] += 1
            if s is None:
                continue
            g["hints"] += s.hints
            if s.status == "passed":
                g["passed"] += 1
                if s.time_to_pass is not None:
                    g["_times"].append(s.time_to_pass)
            elif s.status == "attempted":
                g["attempted"] += 1
    order = {"difficulty": {"easy": 0, "medium": 1, "hard": 2}}
    for kind in out:
        for g in out[kind].values():
            times = g.pop("_times")
            g["median_seconds_to_pass"] = statistics.median(times) if times else None
        out[kind] = dict(sorted(out[kind].items(), key=lambda kv: (order.get(kind, {}).get(kv[0], 9), kv[0])))
    return out


def show(catalog, as_json: bool) -> None:
    data = groups(catalog)
    rounds = progress.mocks()
    data["mocks"] = [{"problem": m.problem, "passed": m.passed, "seconds_to_pass": m.seconds_to_pass,
                      "minutes": m.minutes, "how": m.how, "started": m.started} for m in rounds]
    if as_json:
        echo_json(data)
        return
    problem = progress.check_store()
    if problem:
        click.echo(f"drill: warning: {problem}", err=True)
    from rich.table import Table

    out = console()
    for kind in ("topic", "difficulty"):
        table = Table(box=table_box(), title=f"by {kind}", title_justify="left")
        table.add_column(kind, no_wrap=True)
        for column in ("passed", "attempted", "median time to pass", "hints used"):
            table.add_column(column, justify="right")
        for key, g in data[kind].items():
            table.add_row(key, f"{g['passed']}/{g['problems']}", str(g["attempted"]),
                          _duration(g["median_seconds_to_pass"]), str(g["hints"]))
        out.print(table)
    if rounds:
        passed = [m for m in rounds if m.passed]
        line = f"mock interviews: {len(passed)}/{len(rounds)} passed"
        if passed:
            line += f", median time {clock(statistics.median(m.seconds_to_pass or 0 for m in passed))}"
        out.print(line)
    out.print("time to pass: from a problem's first check to its first passing check.",
              style=None if plain() else "dim")
