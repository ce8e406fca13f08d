"""Terminal plumbing shared by the commands: one console, one way to fail, JSON that is valid."""
from __future__ import annotations

import json
import math
import os
import sys

import click


_COLOR = "auto"  # set by `drill --color`


def set_color(mode: str) -> None:
    global _COLOR
    _COLOR = mode


def is_terminal() -> bool:
    return sys.stdout.isatty()


def color() -> bool:
    """Colour and rich layout: --color always|never wins; then NO_COLOR (off), then FORCE_COLOR (on); else a terminal."""
    if _COLOR != "auto":
        return _COLOR == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return is_terminal()


def plain() -> bool:
    """Plain text: when piped, or when NO_COLOR is set (and colour is not forced)."""
    return not color()


def width() -> int | None:
    """The width to lay out for: the terminal's; when piped, COLUMNS if set, else 110."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return None if is_terminal() else 110


def console():
    """A rich console on stdout: colours on a terminal (or when forced), plain text otherwise."""
    from rich.console import Console

    if plain():
        return Console(no_color=True, highlight=False, emoji=False, width=width(), soft_wrap=False,
                       force_terminal=False)
    return Console(highlight=False, force_terminal=True if not is_terminal() else None, no_color=False,
                   width=width())


_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f, *range(0x80, 0xa0)]}


def visible(text: str) -> str:
    """Text from the user's code with every control character shown escaped (\\x1b, not ESC): what a
    solution prints or raises must never move the cursor, erase lines or reach the clipboard."""
    return str(text).translate(_CONTROL)


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
