"""The speed-up of `drill grade --jobs 2` over checking the same files one after another.

40 files (the shipped references and the correct and wrong fixtures of one problem, copied under
distinct names), graded in rounds, interleaved:

- sequential: 40 `python -m drill check ID FILE --json --no-record` runs, one after another (exactly
  the command `drill grade` runs per file);
- `drill grade ID DIR --jobs 1` (the batch runner's own overhead);
- `drill grade ID DIR --jobs 2`.

Prints each round, the medians and the ratio jobs 2 / sequential (the issue's bar: at most 0.65 on
two cores), and checks that every way gives every file the same verdict.

    python benchmarks/bench_grade.py [--problem iou] [--files 40] [--rounds 3] [--no-timing]

Measured on the project's 2-core VM (shared with other sessions: load average 3.4 to 8.5), 40 iou
files with timing: jobs 2 / sequential 0.55 (ratio of the medians over 5 rounds; rounds 0.45-0.65)
and 0.49 (3 rounds; rounds 0.46-0.63); `--jobs 2` / `--jobs 1` about 0.70. Verdicts identical.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources(problem: str) -> list[Path]:
    found = sorted((ROOT / "solutions" / problem).glob("*.py"))
    found += sorted((ROOT / "tests" / "fixtures" / problem).glob("correct_*.py"))
    found += sorted((ROOT / "tests" / "fixtures" / problem).glob("wrong_*.py"))
    return found


def make_files(problem: str, count: int, folder: Path) -> list[Path]:
    pool = sources(problem)
    files = []
    for index in range(count):
        source = pool[index % len(pool)]
        target = folder / f"{index:02d}_{source.stem}.py"
        shutil.copy(source, target)
        files.append(target)
    return files


def sequential(problem: str, files: list[Path], extra: list[str], env: dict) -> tuple[float, dict]:
    verdicts = {}
    start = time.perf_counter()
    for path in files:
        result = subprocess.run([sys.executable, "-m", "drill", "check", "--json", "--no-record", *extra, "--",
                                 problem, str(path)], capture_output=True, env=env, cwd=ROOT)
        verdicts[str(path)] = json.loads(result.stdout)["verdict"] if result.returncode in (0, 1) else "?"
    return time.perf_counter() - start, verdicts


def grade(problem: str, folder: Path, jobs: int, extra: list[str], env: dict, out: Path) -> tuple[float, dict]:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "drill", "grade", problem, str(folder), "--jobs", str(jobs),
                    "--out", str(out), *extra], capture_output=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - start
    verdicts = {}
    for line in out.read_text().splitlines():
        data = json.loads(line)
        verdicts[data["file"]] = data["verdict"]
    return elapsed, verdicts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problem", default="iou")
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-timing", action="store_true", help="pass --no-timing to every check")
    parser.add_argument("--skip-jobs1", action="store_true", help="do not time `drill grade --jobs 1`")
    args = parser.parse_args()
    extra = ["--no-timing"] if args.no_timing else []
    print(f"{os.cpu_count()} cores; load average at start {os.getloadavg()[0]:.2f}; problem {args.problem}, "
          f"{args.files} files, {args.rounds} rounds{', --no-timing' if args.no_timing else ''}", flush=True)
    times: dict[str, list[float]] = {"sequential": [], "grade --jobs 1": [], "grade --jobs 2": []}
    if args.skip_jobs1:
        del times["grade --jobs 1"]
    mismatches = 0
    with tempfile.TemporaryDirectory(prefix="bench-grade-") as tmp:
        tmp = Path(tmp)
        folder = tmp / "files"
        folder.mkdir()
        files = make_files(args.problem, args.files, folder)
        env = dict(os.environ, DRILL_HOME=str(tmp / "home"))
        for round_ in range(args.rounds):
            seconds, expected = sequential(args.problem, files, extra, env)
            times["sequential"].append(seconds)
            line = f"round {round_ + 1}: sequential {seconds:6.1f} s"
            for jobs in (1, 2):
                name = f"grade --jobs {jobs}"
                if name not in times:
                    continue
                seconds, verdicts = grade(args.problem, folder, jobs, extra, env, tmp / f"out{jobs}.jsonl")
                times[name].append(seconds)
                line += f"   {name} {seconds:6.1f} s"
                different = [f for f in expected if verdicts.get(f) != expected[f]]
                mismatches += len(different)
                for path in different:
                    print(f"  !! {Path(path).name}: sequential {expected[path]}, {name} {verdicts.get(path)}")
            print(line + f"   (load {os.getloadavg()[0]:.2f})", flush=True)
        if (tmp / "home").exists():
            print("  !! something recorded progress")
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"median {name:15s} {median:6.1f} s  ({median / args.files:.2f} s per file)")
    ratio = medians["grade --jobs 2"] / medians["sequential"]
    per_round = [j2 / seq for j2, seq in zip(times["grade --jobs 2"], times["sequential"])]
    print(f"ratio jobs 2 / sequential: {ratio:.2f} (per round: {', '.join(f'{r:.2f}' for r in per_round)}; "
          f"bar: at most 0.65)")
    print("verdicts: " + ("identical in every way and round" if not mismatches else f"{mismatches} differ"))


if __name__ == "__main__":
    main()
