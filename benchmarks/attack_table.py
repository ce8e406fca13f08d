"""The attack table of the sandbox issue: each attack class of tests/test_attacks.py against a copy of
the iou problem, in the default mode and under --isolate: verdict, exit code, wall time, and the
judge's own peak memory (the drill process, not its workers).

    python benchmarks/attack_table.py
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import test_attacks as attacks  # noqa: E402

RUN_DRILL = ("import atexit, resource, sys\n"
             "atexit.register(lambda: sys.stderr.write(f'\\nPEAK_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))\n"
             "from drill.cli import main\nsys.argv[0] = 'drill'\nmain()\n")


def run(bank, home, path, *extra):
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", RUN_DRILL, "check", "iou", str(path), "--json", "--no-timing", *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "DRILL_BANK": str(bank), "DRILL_HOME": str(home)})
    elapsed = time.monotonic() - start
    peak = next((int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("PEAK_KB")), 0)
    try:
        data = json.loads(proc.stdout)
        verdicts = sorted({c["verdict"] for c in data["cases"]})
        verdict = "pass" if data["passed"] else "/".join(verdicts)
    except ValueError:
        verdict = "no JSON: " + proc.stderr.strip().splitlines()[0][:60] if proc.stderr.strip() else "no output"
    return verdict, proc.returncode, elapsed, peak / 1024


def main():
    work = Path(tempfile.mkdtemp(prefix="drill-attacks-"))
    bank = work / "bank"
    shutil.copytree(ROOT / "problems" / "iou", bank / "problems" / "iou")
    shutil.copytree(ROOT / "solutions" / "iou", bank / "solutions" / "iou")
    reference = bank / "solutions" / "iou" / "vectorized.py"
    rows = {
        "patch the reference at import": textwrap.dedent(f"""
            try:
                open({str(reference)!r}, "a").write("\\ndef iou(a, b):\\n    return 0.5\\n")
            except OSError:
                pass
        """) + attacks.WRONG_IOU,
        "import drill via exec, then hide it": 'import sys\ntry:\n    exec("import drill.catalog")\nexcept BaseException:\n'
                                               '    pass\n[sys.modules.pop(k) for k in list(sys.modules) if k.startswith("drill")]\n'
                                               + attacks.RIGHT_IOU,
        "240 MB result per case": "import numpy as np\n\ndef iou(a, b):\n    return np.ones(30_000_000)\n",
        "sleep 2.5 s, then SIGKILL itself": "import os, signal, time\n\ndef iou(a, b):\n    time.sleep(2.5)\n"
                                            "    os.kill(os.getpid(), signal.SIGKILL)\n",
    }
    for name, source in attacks.ISOLATE_ATTACKS.items():
        rows[f"isolate class: {name}"] = textwrap.dedent(source).replace("{home}", str(work / "home")) \
            .replace("{reference}", str(reference)) + attacks.WRONG_IOU
    print("| attack | mode | verdict | exit | wall s | judge peak MB |\n|---|---|---|---|---|---|")
    for name, source in rows.items():
        path = work / "attack.py"
        path.write_text(source)
        # the isolate classes signal every process in sight: never run them unisolated
        for mode in ([["--isolate"]] if name.startswith("isolate class") else [[], ["--isolate"]]):
            shutil.rmtree(bank / "solutions")  # a fresh bank for every run: default mode does not stop writes
            shutil.copytree(ROOT / "solutions" / "iou", bank / "solutions" / "iou")
            verdict, code, elapsed, peak = run(bank, work / "home", path, *mode)
            print(f"| {name} | {'isolate' if mode else 'default'} | {verdict} | {code} | {elapsed:.1f} | {peak:.0f} |",
                  flush=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
