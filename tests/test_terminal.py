"""What a person at a terminal sees: the spoiler guard of `drill show`, colours off with NO_COLOR."""
import os
import pty
import re
import select
import subprocess
import sys
import time

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pseudo-terminal")


def run_in_terminal(args, answer=None, env_extra=None, timeout=30):
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="120", TERM="xterm-256color", **(env_extra or {}))
    proc = subprocess.Popen([sys.executable, "-m", "drill", *args], stdin=slave, stdout=slave, stderr=slave,
                            cwd=ROOT, env=env, close_fds=True)
    os.close(slave)
    output, sent, deadline = b"", False, time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        if answer is not None and not sent and b"[y/N]" in output:
            os.write(master, answer.encode() + b"\r")
            sent = True
        if proc.poll() is not None and not ready:
            break
    proc.wait(timeout=5)
    os.close(master)
    return proc.returncode, output.decode("utf-8", "replace")


def strip_ansi(text):
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_show_asks_before_revealing_and_respects_no():
    code, out = run_in_terminal(["show", "iou"], answer="n")
    assert code == 0
    assert "Reveal the reference solutions of iou?" in out
    assert "Not revealed" in out and "def iou" not in out


def test_show_reveals_after_yes():
    code, out = run_in_terminal(["show", "iou"], answer="y")
    assert code == 0 and "def iou" in strip_ansi(out) and "pairwise_iou" in strip_ansi(out)


def test_show_yes_flag_skips_the_question():
    code, out = run_in_terminal(["show", "iou", "--yes"])
    assert code == 0 and "[y/N]" not in out and "def iou" in strip_ansi(out)


def test_terminal_gets_colour_and_no_color_turns_it_off():
    _, coloured = run_in_terminal(["list"])
    _, plain = run_in_terminal(["list"], env_extra={"NO_COLOR": "1"})
    assert "\x1b[" in coloured
    assert "\x1b[" not in plain and "bn_backward" in plain
