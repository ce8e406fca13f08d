"""Time `drill check` end to end (process start, hidden cases, gradient checks, timing table).

Medians of repeated runs of the real CLI, in one session, interleaved across solutions.

    python benchmarks/bench_check.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBLEMS = ["iou", "bn_forward", "bn_backward", "conv_forward", "conv_backward"]


def solutions() -> list[tuple[str, Path]]:
    rows = [(p, ROOT / "solutions" / p / "vectorized.py") for p in PROBLEMS]
    rows += [(p, ROOT / "solutions" / p / "loop.py") for p in PROBLEMS]
    seed_style = sorted((ROOT / "tests" / "fixtures" / "conv_forward").glob("correct_*loop*.py"))
    rows += [("conv_forward", path) for path in seed_style]
    rows += [("conv_backward", path) for path in sorted((ROOT / "tests" / "fixtures" / "conv_backward").glob("correct_*loops*.py"))]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = solutions()
    times: dict[tuple[str, Path], list[float]] = {row: [] for row in rows}
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, DRILL_HOME=home)
        for _ in range(args.repeat):
            for problem, path in rows:
                start = time.perf_counter()
                result = subprocess.run([sys.executable, "-m", "drill", "check", problem, str(path)],
                                        capture_output=True, env=env, cwd=ROOT)
                times[(problem, path)].append(time.perf_counter() - start)
                if result.returncode != 0:
                    print(f"!! {problem} {path.name} exited {result.returncode}", file=sys.stderr)
    fastest = min(statistics.median(t) for t in times.values())
    print(f"{'problem':15s} {'solution':40s} {'median s':>9s} {'min s':>7s} {'x fastest':>9s}")
    for (problem, path), t in times.items():
        median = statistics.median(t)
        print(f"{problem:15s} {path.relative_to(ROOT).as_posix()[-40:]:40s} {median:9.2f} {min(t):7.2f} {median / fastest:9.1f}")


if __name__ == "__main__":
    main()
