"""The attacks an independent review mounted on the sandbox, one class each, in both modes.

Default mode protects a user from careless or curious code on their own machine: whatever a file
does, this check's verdict stays drill's, and the user keeps their data and terminal. `--isolate`
(bubblewrap) is for strangers' code: the same attacks, plus those a same-user worker cannot stop,
give a non-pass verdict with exit 1, drill's own output, the bank and the progress store unchanged,
and no process left behind. The isolate tests run when bwrap works here and are skipped otherwise.

Attack files are written into tmp_path by each test (the paths they aim at are baked in), and every
check runs against a copy of the iou problem (DRILL_BANK), so that a successful attack could never
damage the real bank.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

WRONG_IOU = """
def iou(box_a, box_b):
    return 0.5
"""
RIGHT_IOU = (ROOT / "solutions" / "iou" / "loop.py").read_text()


def _isolation_works() -> bool:
    try:
        from drill.isolation import bwrap_path

        bwrap_path()
        return True
    except Exception:
        return False


needs_bwrap = pytest.mark.skipif(not _isolation_works(), reason="bubblewrap (bwrap) is not installed or cannot run here")
MODES = [pytest.param([], id="default"), pytest.param(["--isolate"], id="isolate", marks=needs_bwrap)]


@pytest.fixture
def bank(tmp_path):
    """A private copy of the iou problem: what an attack could damage."""
    root = tmp_path / "bank"
    shutil.copytree(ROOT / "problems" / "iou", root / "problems" / "iou")
    shutil.copytree(ROOT / "solutions" / "iou", root / "solutions" / "iou")
    return root


def _snapshot(folder: Path) -> dict:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def attack(tmp_path, source: str, name: str = "attack.py") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return path


def drill(bank, home, *args, timeout=120, env=None):
    """Run the real CLI; return (exit code, stdout, stderr, seconds)."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "drill", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT,
                          env={**os.environ, "DRILL_BANK": str(bank), "DRILL_HOME": str(home), "NO_COLOR": "1",
                               **(env or {})})
    return proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start


def _alive_with(marker: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
                state = Path(f"/proc/{entry}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
            except OSError:
                continue
            if marker.encode() in cmdline and state != b"Z":
                found.append(int(entry))
    return found


# ---------------------------------------------------------------- the judge runs nothing from disk after user code


@pytest.mark.parametrize("mode", MODES)
def test_patching_the_reference_at_import_changes_no_verdict(tmp_path, bank, mode):
    """The file rewrites the installed reference (to agree with its wrong answer) while it loads."""
    reference = bank / "solutions" / "iou" / "vectorized.py"
    path = attack(tmp_path, textwrap.dedent(f"""
        try:
            with open({str(reference)!r}, "a") as handle:
                handle.write("\\n\\ndef iou(box_a, box_b):\\n    return 0.5\\n")
        except OSError:
            pass
    """) + WRONG_IOU)
    code, out, err, _ = drill(bank, tmp_path / "home", "check", "iou", path, "--json", "--no-timing", *mode)
    assert code == 1, err
    data = json.loads(out)
    assert data["passed"] is False and data["verdict"] == "wrong"


# ---------------------------------------------------------------- imports, however spelled

IMPORT_SPELLINGS = {
    "exec": 'exec("import drill.catalog")',
    "compile": 'exec(compile("import drill.catalog", "<x>", "exec"))',
    "importlib": 'import importlib\nimportlib.import_module("drill.catalog")',
    "dunder_import": '__import__("drill.catalog")',
    "getattr_builtins": 'import builtins\ngetattr(builtins, "__import__")("drill.catalog")',
    "guard_removed": 'import sys\nsys.meta_path[:] = [f for f in sys.meta_path if "Guard" not in type(f).__name__]\n'
                     'import drill.catalog',
    "spec_by_hand": 'import importlib.util, os\n'
                    'spec = importlib.util.find_spec("drill")\n'
                    'from importlib.machinery import SourceFileLoader\n'
                    'SourceFileLoader("x", spec.origin).load_module()',
}


@pytest.mark.parametrize("spelling", list(IMPORT_SPELLINGS))
def test_a_forbidden_import_however_spelled_is_rejected(tmp_path, bank, spelling):
    """Each spelling, the error swallowed and drill* deleted from sys.modules before the scan."""
    body = textwrap.indent(IMPORT_SPELLINGS[spelling], "    ")
    path = attack(tmp_path, f"""
import sys
try:
{body}
except BaseException:
    pass
for name in list(sys.modules):
    if name.startswith("drill"):
        del sys.modules[name]
""" + RIGHT_IOU)
    code, out, err, _ = drill(bank, tmp_path / "home", "check", "iou", path, "--json", "--no-timing")
    assert code == 1, err
    data = json.loads(out)
    assert data["verdict"] == "rejected", data["message"]
    assert "drill" in data["message"]


# ---------------------------------------------------------------- what the worker sends is data


@pytest.mark.parametrize("line", [
    '{"event": "load", "status": "ok", "callables": [5, {"a": 1}]}',
    '{"event": "load", "status": "error", "traceback": {"not": "text"}, "message": 7}',
    '{"event": "load", "status": "missing", "missing": [1, 2], "callables": 3}',
    '{"event": "violation", "module": {"x": 1}, "line": "one"}',
])
def test_forged_worker_messages_are_a_verdict_never_an_internal_error(tmp_path, bank, line):
    path = attack(tmp_path, textwrap.dedent(f"""
        import os, stat
        for fd in range(3, 64):
            try:
                if stat.S_ISFIFO(os.fstat(fd).st_mode):
                    os.write(fd, {line!r}.encode() + b"\\n")
            except OSError:
                pass
    """) + WRONG_IOU)
    code, out, err, _ = drill(bank, tmp_path / "home", "check", "iou", path, "--no-timing")
    assert code == 1, err
    assert "internal error" not in err and "Traceback" not in err
    assert "FAILED" in out


# ---------------------------------------------------------------- source that cannot be compiled


@pytest.mark.parametrize("source, words", [
    ("x = " + "-" * 100_000 + "1\n", "nested too deeply"),
    ("def iou(a, b):\n    return " + "+".join(["1"] * 300_000) + "\n", "nested too deeply"),
])
def test_source_the_compiler_cannot_take_is_rejected_in_a_sentence(tmp_path, bank, source, words):
    path = tmp_path / "deep.py"
    path.write_text(source)
    code, out, err, _ = drill(bank, tmp_path / "home", "check", "iou", path, "--json", "--no-timing")
    assert code == 1, err
    data = json.loads(out)
    assert data["verdict"] == "rejected" and words in data["message"]


def test_a_latin1_coding_cookie_is_honoured(tmp_path, bank):
    path = tmp_path / "latin.py"
    path.write_bytes(b"# -*- coding: latin-1 -*-\n# caf\xe9 cr\xe8me\n" + RIGHT_IOU.encode())
    code, out, err, _ = drill(bank, tmp_path / "home", "check", "iou", path, "--json", "--no-timing")
    assert code == 0, out + err


# ---------------------------------------------------------------- the judge's memory


def test_a_huge_result_is_refused_unread_and_the_judge_stays_small(tmp_path, bank):
    path = attack(tmp_path, """
        import numpy as np

        def iou(box_a, box_b):
            return np.ones(30_000_000)  # 240 MB per case
    """)
    probe = textwrap.dedent(f"""
        import resource, json
        from pathlib import Path
        from drill.catalog import Catalog
        from drill import judge
        from drill.sandbox import Limits
        report = judge.check(Catalog().get("iou"), Path({str(path)!r}), timing=False, limits=Limits(memory=1024**3))
        print(json.dumps({{"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                          "verdicts": sorted({{c.verdict for c in report.cases}}),
                          "message": report.cases[0].message}}))
    """)
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "DRILL_BANK": str(bank), "DRILL_HOME": str(tmp_path / "home")})
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert data["verdicts"] == ["wrong"], data
    assert "far more than the expected outputs" in data["message"]  # stopped before it was written
    assert data["peak_mb"] < 400, data  # the judge never loaded a 240 MB result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_memory_limit_covers_the_whole_process_tree(tmp_path, bank):
    """Three children of ~600 MB each, every one under the per-process limit of 1 GiB."""
    path = attack(tmp_path, """
        import os, time
        import numpy as np

        def iou(box_a, box_b):
            for _ in range(3):
                if os.fork() == 0:
                    block = np.ones(75_000_000)  # 600 MB, touched
                    time.sleep(30)
                    os._exit(0)
            time.sleep(30)
            return 0.0
    """)
    code, out, err, elapsed = drill(bank, tmp_path / "home", "check", "iou", path, "--json", "--no-timing",
                                    "--memory", "1G", "--timeout", "20", "--case", "containment")
    data = json.loads(out)
    assert data["cases"][0]["verdict"] == "memory", data["cases"][0]["message"]
    assert elapsed < 60


def test_repeated_crashes_are_capped_like_timeouts(tmp_path, bank):
    path = attack(tmp_path, """
        import os, signal, time

        def iou(box_a, box_b):
            time.sleep(2.5)
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    code, out, err, elapsed = drill(bank, tmp_path / "home", "check", "iou", path, "--json", "--no-timing",
                                    timeout=300)
    data = json.loads(out)
    assert code == 1
    assert any(c["message"].startswith("not run:") for c in data["cases"])
    assert elapsed < 60  # 24 cases of 2.5 s each would take a minute at least


# ---------------------------------------------------------------- the terminal


def test_control_sequences_in_output_and_errors_reach_the_terminal_escaped(tmp_path, bank):
    path = attack(tmp_path, """
        import sys
        print("\\x1b[2J\\x1b[1A\\x1b]52;c;aGVsbG8=\\x07\\x1b[8m hidden")

        def iou(box_a, box_b):
            raise ValueError("\\x1b[1A\\x1b[2K erased \\x9b31m")
    """)
    code, out, err, _ = drill(bank, tmp_path / "home", "check", "iou", path, "--no-timing", "-v")
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "\\x1b" in out


def test_a_hang_in_a_returned_objects_del_is_blamed_on_its_own_case(tmp_path, bank):
    path = attack(tmp_path, """
        import time

        class Slow(float):
            def __del__(self):
                time.sleep(60)

        def iou(box_a, box_b):
            ax1, ay1, ax2, ay2 = (float(v) for v in box_a)
            bx1, by1, bx2, by2 = (float(v) for v in box_b)
            inter = max(0.0, min(ax2, bx2) - max(ax1, bx1)) * max(0.0, min(ay2, by2) - max(ay1, by1))
            union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
            value = inter / union if union > 0 else 0.0
            return Slow(value) if (ax1, ay1) == (0.5, 1.0) else value  # the first case only
    """)
    code, out, err, _ = drill(bank, tmp_path / "home", "check", "iou", path, "--json", "--no-timing",
                              "--timeout", "3")
    cases = json.loads(out)["cases"]
    assert cases[0]["verdict"] == "timeout"
    assert all(c["verdict"] == "pass" for c in cases[1:])


# ---------------------------------------------------------------- --isolate: what a same-user worker cannot stop


def test_isolate_without_bwrap_exits_2_in_one_line(tmp_path, bank):
    path = attack(tmp_path, WRONG_IOU)
    code, out, err, _ = drill(bank, tmp_path / "home", "check", "iou", path, "--isolate", "--no-timing",
                              env={"PATH": str(tmp_path / "no-bin")})
    assert code == 2
    assert "bubblewrap" in err and len(err.strip().splitlines()) == 1


@needs_bwrap
def test_isolate_passes_a_correct_file_and_fails_a_wrong_one(tmp_path, bank):
    right = attack(tmp_path, RIGHT_IOU, "right.py")
    code, out, err, _ = drill(bank, tmp_path / "home", "check", "iou", right, "--isolate", "--json")
    assert code == 0, out + err
    assert json.loads(out)["timing"]
    wrong = attack(tmp_path, WRONG_IOU, "wrong.py")
    assert drill(bank, tmp_path / "home", "check", "iou", wrong, "--isolate", "--no-timing")[0] == 1


ISOLATE_ATTACKS = {
    # the judge's memory through /proc/<ppid>/mem, and its stdout through /proc/<ppid>/fd/1
    "judge_memory_and_stdout": """
        import os
        def _reach_judge():
            for pid in [os.getppid()] + [int(p) for p in os.listdir("/proc") if p.isdigit()]:
                try:
                    with open(f"/proc/{pid}/fd/1", "w") as out:
                        out.write('{"passed": true}\\n')
                    with open(f"/proc/{pid}/mem", "r+b") as mem:
                        mem.write(b"x")
                except OSError:
                    pass
        _reach_judge()
    """,
    # stop or kill drill itself, and every process in sight
    "signals_drill": """
        import os, signal
        for pid in [int(p) for p in os.listdir("/proc") if p.isdigit()] + [os.getppid()]:
            if pid != os.getpid():
                for sig in (signal.SIGSTOP, signal.SIGKILL):
                    try:
                        os.kill(pid, sig)
                    except OSError:
                        pass
    """,
    # forge or erase the progress store, patch the bank, run the reference by path
    "store_and_bank": """
        import os, glob, runpy
        for path in glob.glob("{home}/*") + glob.glob(os.path.expanduser("~/.local/share/drill/*")):
            try:
                os.remove(path)
            except OSError:
                pass
        try:
            with open("{reference}", "a") as handle:
                handle.write("\\nPATCHED = True\\n")
        except OSError:
            pass
        try:
            stolen = runpy.run_path("{reference}")["iou"]
        except Exception:
            stolen = None
    """,
    # a daemon that should outlive the check
    "daemon": """
        import os, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                time.sleep(120)
            os._exit(0)
    """,
}


@needs_bwrap
@pytest.mark.parametrize("name", list(ISOLATE_ATTACKS))
def test_isolate_every_attack_is_a_non_pass_with_drills_own_output(tmp_path, bank, name):
    home = tmp_path / "home"
    reference = bank / "solutions" / "iou" / "vectorized.py"
    # a passing check first, so that there is a progress store to attack
    code, *_ = drill(bank, home, "check", "iou", attack(tmp_path, RIGHT_IOU + "\n# mine\n", "mine.py"), "--no-timing")
    assert code == 0
    store = _snapshot(home)
    before = _snapshot(bank)
    source = textwrap.dedent(ISOLATE_ATTACKS[name]).replace("{home}", str(home)).replace("{reference}", str(reference))
    path = attack(tmp_path, source + WRONG_IOU, f"attack_{name}.py")
    code, out, err, elapsed = drill(bank, home, "check", "iou", path, "--isolate", "--json", "--no-timing",
                                    "--timeout", "5")
    assert code == 1, err
    data = json.loads(out)  # exactly one JSON document: drill's own
    assert data["passed"] is False
    assert _snapshot(bank) == before
    assert set(_snapshot(home)) == set(store)  # the store was neither erased nor replaced
    time.sleep(0.3)
    assert _alive_with(path.name) == []
    assert elapsed < 90
