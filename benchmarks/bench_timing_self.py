"""Identical code timed against itself: how often does the timing table read within 0.8-1.25x?

The user's file is the vectorized reference itself, so "your code" and "vectorized reference" run
the very same code in the same worker, interleaved; every row's you / vectorized ratio should be 1.
Each run is a real timing task in a real worker (drill.timing.timing_task + drill.sandbox), as
`drill check` runs it. A run counts as good when every row of it reads within 0.8-1.25x.

    python benchmarks/bench_timing_self.py [--runs 20] [--problem conv_backward ...]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drill import judge, timing  # noqa: E402
from drill.catalog import Catalog  # noqa: E402
from drill.sandbox import Limits, Sandbox  # noqa: E402

LOW, HIGH = 0.8, 1.25


def one_run(problem, sizes, rate) -> list[tuple[str, float | None, bool]]:
    path = problem.reference_path("vectorized")
    task, arrays = timing.timing_task(problem, 0, sizes)
    task["references"] = {"vectorized": str(path)}  # you vs itself only: the loop would only add noise
    # the worker loads references only from the trusted copies the judge made before it started
    sandbox = Sandbox(path, problem.allowed_imports, Limits(), trusted_files=[path])
    session = sandbox.run([task], {0: arrays}, {0: 60.0}, required=problem.required_functions)
    report = judge.Report(problem=problem, file=str(path), seed=0)
    timing.fill_timing(report, session.outcomes.get(0), sizes, rate)
    if len(report.timing) != len(sizes) or report.timing_note:
        print(f"   {problem.id}: {report.timing_note}", file=sys.stderr)
    return [(row.size, row.ratio("vectorized"), row.noisy) for row in report.timing]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--problem", nargs="*", default=["conv_forward", "conv_backward", "bn_forward", "bn_backward", "iou"])
    args = parser.parse_args()
    catalog = Catalog()
    rate = timing.machine_matmul_gflops()
    print(f"load average at start: {os.getloadavg()}, cpus: {os.cpu_count()}, budget {timing.TIMING_BUDGET} s")
    total_good = total_runs = 0
    for problem_id in args.problem:
        problem = catalog.get(problem_id)
        sizes = timing.sizes_of(problem)
        ratios: dict[str, list[float]] = {s["label"]: [] for s in sizes}
        noisy = {s["label"]: 0 for s in sizes}
        good = 0
        start = time.perf_counter()
        for _ in range(args.runs):
            rows = one_run(problem, sizes, rate)
            ok = len(rows) == len(sizes)
            for label, ratio, flagged in rows:
                ratios[label].append(ratio)
                noisy[label] += flagged
                ok = ok and ratio is not None and LOW <= ratio <= HIGH
            good += ok
        total_good += good
        total_runs += args.runs
        print(f"{problem_id}: {good}/{args.runs} runs with every row within {LOW}-{HIGH}x "
              f"({time.perf_counter() - start:.0f} s)")
        for label, values in ratios.items():
            inside = sum(v is not None and LOW <= v <= HIGH for v in values)
            shown = [v for v in values if v is not None]
            if not shown:
                print(f"   {label:28s} no ratio in any run")
                continue
            print(f"   {label:28s} within {inside}/{len(values)}  median {statistics.median(shown):.3f}  "
                  f"range {min(shown):.2f}-{max(shown):.2f}  flagged noisy {noisy[label]}/{len(values)}")
    print(f"all: {total_good}/{total_runs} runs good; load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
