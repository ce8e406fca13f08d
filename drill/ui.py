"""Terminal plumbing shared by the commands: one console, one way to fail, JSON that is valid."""
from __future__ import annotations

import json
import math
import os
import sys

import click


def is_terminal() -> bool:
    return sys.stdout.isatty()


def plain() -> bool:
    """Plain text: when piped, or when NO_COLOR is set."""
    return not is_terminal() or bool(os.environ.get("NO_COLOR"))


def console():
    """A rich console on stdout: colours on a terminal, plain text otherwise."""
    from rich.console import Console

    if plain():
        return Console(no_color=True, highlight=False, emoji=False, width=None if is_terminal() else _columns(),
                       soft_wrap=False, force_terminal=False)
    return Console(highlight=False)


_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f, *range(0x80, 0xa0)]}


def visible(text: str) -> str:
    """Text from the user's code with every control character shown escaped (\\x1b, not ESC): what a
    solution prints or raises must never move the cursor, erase lines or reach the clipboard."""
    return str(text).translate(_CONTROL)


def _columns() -> int:
    """The width of piped output: $COLUMNS when it is a number, else 110."""
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and int(value) >= 40 else 110


def table_box():
    from rich import box

    return box.ASCII2 if plain() else box.SIMPLE_HEAVY


class Failure(click.ClickException):
    """A one-line error with an exit code: 2 for a wrong command, 1 for a judged file."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.exit_code = code

    def show(self, file=None):
        click.echo(f"drill: {self.format_message()}", err=True)


def unknown_problem(exc) -> Failure:
    hint = f" Did you mean '{exc.suggestions[0]}'?" if exc.suggestions else ""
    return Failure(f"unknown problem '{exc.problem_id}'.{hint} Run `drill list` to see the problems.")


def _clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN or Inf; a number field is a number or null
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def echo_json(data) -> None:
    click.echo(json.dumps(_clean(data), indent=2, allow_nan=False, default=str))
