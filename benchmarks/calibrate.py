"""Calibrate the tolerances: run every correct and wrong fixture on thousands of seeds.

For each problem, prints the worst error-to-tolerance ratio of the correct fixtures (must stay
below 1, ideally far below) and, for each wrong fixture, on how many seeds it was caught.
Trusted fixtures run in-process here (they are ours); the judge never does that with user files.

    python benchmarks/calibrate.py [--seeds 2000] [--problem bn_backward]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drill.catalog import Catalog, load_module  # noqa: E402
from drill.judge import build_cases, reference_module, run_plan  # noqa: E402


def worst_ratio(problem, got: dict, expected: dict) -> float:
    """max over outputs of max(|got - expected| / tolerance); inf for a shape/dtype mismatch."""
    worst = 0.0
    for name in problem.outputs:
        e = np.asarray(expected[name], dtype=np.float64)
        g = np.asarray(got[name])
        if g.shape != e.shape or g.dtype.kind != "f":
            return float("inf")
        tolerance = problem.atol * max(1.0, float(np.max(np.abs(e), initial=0.0))) + problem.rtol * np.abs(e)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(tolerance > 0, np.abs(g - e) / tolerance, np.where(g == e, 0.0, np.inf))
        worst = max(worst, float(np.max(ratio, initial=0.0)))
    return worst


def main() -> None:
    warnings.simplefilter("ignore")  # the wrong fixtures divide by zero on purpose
    np.seterr(all="ignore")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=2000)
    parser.add_argument("--problem", action="append")
    args = parser.parse_args()
    catalog = Catalog()
    for problem in (catalog.get(p) for p in (args.problem or catalog.ids)):
        manifest = ROOT / "tests" / "fixtures" / problem.id / "expectations.json"
        expectations = json.loads(manifest.read_text()) if manifest.exists() else {}
        modules = {name: load_module(manifest.parent / name, f"calibrate_{problem.id}_{i}")
                   for i, name in enumerate(sorted(expectations))}
        modules["<loop reference>"] = reference_module(problem, "loop")
        reference = reference_module(problem)
        correct_worst = {name: 0.0 for name in modules if name.startswith("<") or expectations[name]["passes"]}
        caught = {name: 0 for name in modules if name not in correct_worst}
        runs = 0
        start = time.perf_counter()
        for seed in range(args.seeds):
            for case in build_cases(problem, seed):
                if seed and case.designed:
                    continue  # designed cases do not depend much on the seed: run them once
                expected = run_plan(reference, problem.call, case.inputs)
                runs += 1
                for name, module in modules.items():
                    try:
                        got = run_plan(module, problem.call, case.inputs)
                        ratio = worst_ratio(problem, got, expected)
                    except Exception:
                        ratio = float("inf")
                    if name in correct_worst:
                        correct_worst[name] = max(correct_worst[name], ratio)
                    elif ratio > 1:
                        caught[name] += 1
        took = time.perf_counter() - start
        print(f"== {problem.id}: {args.seeds} seeds in {took:.1f} s (rtol={problem.rtol:g}, atol={problem.atol:g})")
        for name, ratio in correct_worst.items():
            print(f"   correct {name:40s} worst error/tolerance {ratio:.2e}  {'OK' if ratio <= 1 else 'FAILS'}")
        for name, count in caught.items():
            print(f"   wrong   {name:40s} caught on {count} of {runs} case runs")


if __name__ == "__main__":
    main()
