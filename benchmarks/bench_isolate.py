"""The cost of --isolate: wall time of `drill check` with and without it, interleaved, medians.

    python benchmarks/bench_isolate.py [--rounds 7] [--problem bn_backward]

Prints the median wall time of each mode (for --no-timing and for a full check) and their ratio,
measured in one run (the machine's load moves both alike).
"""
import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def once(problem: str, extra: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "drill", "check", problem,
                    str(ROOT / "solutions" / problem / "vectorized.py"), "--json", "--no-record", *extra],
                   capture_output=True, check=False, cwd=ROOT)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--problem", default="bn_backward")
    args = parser.parse_args()
    for label, extra in (("--no-timing", ["--no-timing"]), ("full check", [])):
        times = {"default": [], "isolate": []}
        for _ in range(args.rounds):
            times["default"].append(once(args.problem, extra))
            times["isolate"].append(once(args.problem, extra + ["--isolate"]))
        d, i = statistics.median(times["default"]), statistics.median(times["isolate"])
        print(f"{args.problem} {label}: default {d:.2f} s, --isolate {i:.2f} s, ratio {i / d:.2f}x "
              f"(medians of {args.rounds} interleaved runs)")


if __name__ == "__main__":
    main()
