import json
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from drill.catalog import Catalog
from drill.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROBLEM_IDS = Catalog().ids  # the shipped bank, in list order
SEED_PROBLEM_IDS = ["iou", "bn_forward", "bn_backward", "conv_forward", "conv_backward"]

# A shell starts a command run in the background (`cmd &`, nohup) with Ctrl-C ignored, and the
# drill processes the tests start would inherit that: the tests that press Ctrl-C would wait in
# vain. A handled signal is reset to the default at exec, so with this the children get Ctrl-C.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def drill_home(tmp_path, monkeypatch):
    """Every test gets its own progress store."""
    home = tmp_path / "drill-home"
    monkeypatch.setenv("DRILL_HOME", str(home))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture(scope="session")
def catalog():
    return Catalog()


@pytest.fixture
def run():
    """Invoke the CLI in-process: run("check", "iou", path) -> click Result."""
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


def fixture_expectations():
    """(problem, fixture file, expectation) for every solution fixture of every problem."""
    rows = []
    for problem in PROBLEM_IDS:
        manifest = FIXTURES / problem / "expectations.json"
        if not manifest.exists():
            continue
        for name, expectation in sorted(json.loads(manifest.read_text()).items()):
            rows.append(pytest.param(problem, FIXTURES / problem / name, expectation, id=f"{problem}/{name}"))
    return rows
