"""The conv references at the realistic size: share of this machine's matmul rate, and vs PyTorch.

x (8, 16, 32, 32), w (32, 16, 3, 3), stride 1, pad 1 (~75 MFLOP forward, ~151 MFLOP backward).
Everything runs in this one process in drill's worker environment (drill.processes.WORKER_ENV: one
BLAS thread, glibc keeping freed memory; the script re-executes itself to get it), interleaved in a random order each round: the n x n float64 matmul that
drill caches as the machine's rate, the vectorized references (and solutions/<id>/fast.py when
present), the previous sliding-window tensordot references from git (for comparison), and PyTorch
float64 (torch.set_num_threads(1)) when torch can be imported. Run it with a Python that has torch,
e.g. /work/refenv/bin/python, for the PyTorch column.

Shares are given from the best time (what the code does when it gets the CPU) and from the median
(what a loaded machine gives it), against the matmul timed in the same rounds; and from the best
time against the rate drill itself measures and caches (matmuls back to back, in a child process,
drill.timing.measure_matmul_gflops): that one runs with its operands in the cache and reads ~15%
higher than the interleaved matmul, and it is the one the timing table divides by.

    /work/refenv/bin/python benchmarks/bench_conv_rate.py [--rounds 60]
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from drill.processes import WORKER_ENV  # noqa: E402  (stdlib only: any Python can import it)

if any(os.environ.get(key) != value for key, value in WORKER_ENV.items()):
    # glibc reads its tunables when the process starts: start again with them
    os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, **WORKER_ENV})

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
MATMUL_N = 256  # as drill.timing.MATMUL_N
FORWARD_FLOPS = 2 * 8 * 32 * 32 * 32 * 16 * 9
OLD = "12bf739"  # the commit before: its vectorized references used sliding windows and tensordot


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def old_reference(problem: str, tmp: Path):
    try:
        source = subprocess.run(["git", "-C", str(ROOT), "show", f"{OLD}:solutions/{problem}/vectorized.py"],
                                capture_output=True, text=True, check=True).stdout
    except (subprocess.CalledProcessError, OSError):
        return None
    path = tmp / f"old_{problem}.py"
    path.write_text(source)
    return load(path, f"old_{problem}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, 16, 32, 32))
    w = rng.standard_normal((32, 16, 3, 3))
    b = rng.standard_normal(32)
    conv_param = {"stride": 1, "pad": 1}
    dout = rng.standard_normal((8, 32, 32, 32))
    a, m = rng.standard_normal((MATMUL_N, MATMUL_N)), rng.standard_normal((MATMUL_N, MATMUL_N))

    calls = {"matmul": (lambda: a @ m, 2 * MATMUL_N**3)}
    tmp = Path(tempfile.mkdtemp())
    for problem in ("conv_forward", "conv_backward"):
        kinds = ["vectorized"] + (["fast"] if (ROOT / "solutions" / problem / "fast.py").is_file() else [])
        for kind in kinds:
            module = load(ROOT / "solutions" / problem / f"{kind}.py", f"{problem}_{kind}")
            calls.update(_conv_calls(problem, kind, module, x, w, b, conv_param, dout))
        old = old_reference(problem, tmp)
        if old is not None:
            calls.update(_conv_calls(problem, "old tensordot", old, x, w, b, conv_param, dout))
    try:
        import torch
        import torch.nn.functional as functional

        torch.set_num_threads(1)
        tx, tw, tb, tdout = (torch.from_numpy(v) for v in (x, w, b, dout))

        def torch_forward():
            with torch.no_grad():
                return functional.conv2d(tx, tw, tb, stride=1, padding=1)

        def torch_backward():
            return torch.ops.aten.convolution_backward(tdout, tx, tw, [32], [1, 1], [1, 1], [1, 1], False, [0, 0], 1,
                                                       [True, True, True])

        calls["conv_forward torch"] = (torch_forward, FORWARD_FLOPS)
        calls["conv_backward torch"] = (torch_backward, 2 * FORWARD_FLOPS)
        torch_version = torch.__version__
    except ImportError:
        torch_version = None

    for function, _ in calls.values():
        function()
    times = {name: [] for name in calls}
    order = list(calls)
    for _ in range(args.rounds):
        random.shuffle(order)
        for name in order:
            function = calls[name][0]
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)

    from drill.timing import measure_matmul_gflops

    drill_rate = measure_matmul_gflops()  # what drill caches and its table divides by
    best = {name: min(t) for name, t in times.items()}
    median = {name: float(np.median(t)) for name, t in times.items()}
    peak_best = calls["matmul"][1] / best["matmul"] / 1e9
    peak_median = calls["matmul"][1] / median["matmul"] / 1e9
    print(f"numpy {np.__version__}, torch {torch_version}, one thread, {args.rounds} interleaved rounds, "
          f"load average {os.getloadavg()}")
    print(f"matmul {MATMUL_N}x{MATMUL_N} float64 interleaved with the convs: {peak_best:.1f} GFLOP/s best, "
          f"{peak_median:.1f} median; back to back as drill measures it (its cached rate): {drill_rate:.1f}")
    print(f"{'':34s} {'best ms':>8s} {'GFLOP/s':>8s} {'share':>6s} {'median ms':>10s} {'share':>6s} "
          f"{'share of drill rate (best)':>27s}")
    for name, (_, flops) in calls.items():
        if name == "matmul":
            continue
        print(f"{name:34s} {best[name] * 1e3:8.2f} {flops / best[name] / 1e9:8.1f} "
              f"{flops / best[name] / 1e9 / peak_best:6.0%} {median[name] * 1e3:10.2f} "
              f"{flops / median[name] / 1e9 / peak_median:6.0%} {flops / best[name] / 1e9 / drill_rate:27.0%}")
    if torch_version:
        for problem in ("conv_forward", "conv_backward"):
            for kind in ("vectorized", "fast"):
                key = f"{problem} {kind}"
                if key in best:
                    print(f"{key} / PyTorch float64: {best[key] / best[problem + ' torch']:.2f}x (best), "
                          f"{median[key] / median[problem + ' torch']:.2f}x (median)")


def _conv_calls(problem, kind, module, x, w, b, conv_param, dout):
    name = f"{problem} {kind}"
    if problem == "conv_forward":
        return {name: (lambda: module.conv_forward(x, w, b, conv_param), FORWARD_FLOPS)}
    _, cache = module.conv_forward(x, w, b, conv_param)
    return {name: (lambda: module.conv_backward(dout, cache), 2 * FORWARD_FLOPS)}


if __name__ == "__main__":
    main()
