"""The timing table, on the judge's side: what the worker is asked to time, what is believed of its
answer, and the machine's limit the table is read against.

- `timing_task` builds the worker task: every size of the problem's `timing_sizes()` (smallest
  first) with its operation count, the references to time next to the user's code, the budget;
- `fill_timing` turns the worker's raw samples into `TimingRow`s: median, spread (min, quartiles,
  max), noisy flag, achieved GFLOP/s. A row the worker could not have measured honestly (a label that
  is not the size asked for, a time that is negative, not finite, below 1e-7 s, or implying more than
  10x this machine's matmul rate) is refused: never shown, never recorded as a best time;
- `machine_matmul_gflops` measures this machine's float64 matmul rate once, in a child process set
  up like the worker (one BLAS thread), and caches it as JSON under `drill.progress.data_dir()`;
- the directional gradient check at the largest timing size: the reference forward's directional
  derivatives are computed here, in trusted code, before the worker starts; the user's gradients at
  that size come back from the timing task; `rel_error_directional` compares the two.

Nothing here imports drill.judge (which imports this module).
"""
from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import json
import math
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from drill.arrays import decode_value, encode_inputs, value_nbytes
from drill.catalog import load_module
from drill.plan import run_plan
from drill.processes import WORKER_ENV

TIMING_BUDGET = 0.8       # seconds of measured calls of the fast implementations, over all sizes
SLOW_CALL_LIMIT = 0.1     # an implementation whose call would take longer (extrapolated) ...
SLOW_FACTOR = 3.0         # ... and longer than this many times the fastest one's estimate is not run
SLOW_ROUNDS = 3           # calls of a slow implementation (the loop reference) measured per size
MIN_ROUNDS, MAX_ROUNDS = 5, 80
NOISY_SPREAD = 0.5        # (q3 - q1) / median above this: re-measured once, then flagged noisy
MIN_SECONDS = 1e-7        # no call of a real implementation is faster than this
MAX_SHARE = 10.0          # nor does it beat this machine's matmul rate by more than this factor
MAX_BYTES_PER_SECOND = 2e12
DIRECTIONS = 2            # random directions of the directional gradient check
DIRECTIONAL_H = 1e-5
DIRECTIONAL_WRONG = 1e-5  # a correct backward reads ~1e-9 or less; a wrong one ~1e-2 and above
MACHINE_FILE = "machine.json"
MATMUL_N = 256
MATMUL_REPEATS = 60
IMPLEMENTATIONS = ("you", "loop", "vectorized", "fastest", "torch")


class RefusedRow(ValueError):
    """A timing row that cannot be believed."""


# ---------------------------------------------------------------- rows


@dataclass
class TimingRow:
    size: str
    seconds: dict[str, float | None]                       # medians; None: not run at this size
    flops: int | None = None
    bytes: int | None = None
    spread: dict[str, dict] = field(default_factory=dict)  # per implementation
    noisy: bool = False
    remeasured: bool = False
    skipped: dict[str, str] = field(default_factory=dict)  # implementation -> why it was not run
    estimated_seconds: dict[str, float] = field(default_factory=dict)
    matmul_gflops: float | None = None                     # this machine's rate, for the shares
    paired: dict[str, float] = field(default_factory=dict)  # median of the per-round ratios you / other

    def ratio(self, other: str) -> float | None:
        """you / other: the median of the ratios of samples taken in the same round when both were
        sampled in every round (a burst of load from elsewhere then hits both sides of each ratio),
        else the ratio of the medians."""
        if other in self.paired:
            return self.paired[other]
        mine, theirs = self.seconds.get("you"), self.seconds.get(other)
        if mine is None or not theirs:
            return None
        return mine / theirs

    def fastest(self, name: str) -> float | None:
        """The fastest repeat of `name` (the median when no spread came with it)."""
        return (self.spread.get(name) or {}).get("min") or self.seconds.get(name)

    def gflops(self, name: str) -> float | None:
        """The rate of `name`'s fastest repeat: what the code does when it has the CPU to itself, as
        the machine's matmul rate is the fastest of its repeats. Like against like: on a shared
        machine (this VM loses ~15% of its time to its host even when idle) a median is slowed by
        whatever else runs, and a median over a best would blame the code for it. The times in the
        table stay medians, and the ratios between implementations come from the same rounds."""
        seconds = self.fastest(name)
        if not self.flops or not seconds:
            return None
        return self.flops / seconds / 1e9

    def bytes_per_second(self, name: str) -> float | None:
        seconds = self.fastest(name)
        if not self.bytes or not seconds:
            return None
        return self.bytes / seconds

    def share(self, name: str) -> float | None:
        """The fraction of this machine's matmul rate that `name` reaches at this size (fastest
        repeat against fastest matmul)."""
        rate = self.gflops(name)
        if rate is None or not self.matmul_gflops:
            return None
        return rate / self.matmul_gflops

    def to_json(self) -> dict:
        names = [n for n in self.seconds]
        return {"size": self.size, "seconds": self.seconds,
                "ratio_vs_loop": self.ratio("loop"), "ratio_vs_vectorized": self.ratio("vectorized"),
                "flops": self.flops, "bytes": self.bytes, "spread": self.spread, "noisy": self.noisy,
                "remeasured": self.remeasured, "skipped": self.skipped, "paired_ratios": self.paired,
                "estimated_seconds": self.estimated_seconds,
                "gflops": {n: self.gflops(n) for n in names},
                "share_of_matmul": {n: self.share(n) for n in names}}


def _int_or_none(value) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number > 0 else None


def sizes_of(problem) -> list[dict]:
    """The problem's timing sizes with their operation counts (flops, bytes: int or None)."""
    sizes = []
    for size in problem.cases_module.timing_sizes():
        sizes.append({"label": str(size["label"]), "inputs": size["inputs"],
                      "flops": _int_or_none(size.get("flops")), "bytes": _int_or_none(size.get("bytes"))})
    return sizes


def _work(size: dict) -> float | None:
    """What a call's time scales with, for extrapolating from one size to the next."""
    if size["flops"]:
        return float(size["flops"])
    if size["bytes"]:
        return float(size["bytes"])
    return None


def _elements(value) -> int:
    if isinstance(value, np.ndarray):
        return int(value.size)
    if isinstance(value, (list, tuple)):
        return sum(_elements(v) for v in value) or len(value)
    if isinstance(value, dict):
        return sum(_elements(v) for v in value.values())
    return 1


def references(problem) -> dict[str, str]:
    found = {"loop": str(problem.reference_path("loop")), "vectorized": str(problem.reference_path("vectorized"))}
    fast = problem.reference_path("fast")
    if fast.is_file():
        found["fastest"] = str(fast)
    if problem.torch_path and importlib.util.find_spec("torch") is not None:
        found["torch"] = str(problem.torch_path)
    return found


def timing_task(problem, task_id: int, sizes: list[dict] | None = None, budget: float | None = None,
                return_outputs: tuple[str, ...] = ()):
    """The worker task timing the last step of the call plan at every size, and the arrays it needs."""
    sizes = sizes if sizes is not None else sizes_of(problem)
    budget = TIMING_BUDGET if budget is None else budget
    encoded, arrays = encode_inputs({"sizes": [{"label": s["label"], "inputs": s["inputs"]} for s in sizes]})
    for entry, size in zip(encoded["sizes"], sizes):
        entry["work"] = _work(size) or float(_elements(size["inputs"]))
    result_bytes = 4 * value_nbytes(sizes[-1]["inputs"]) + 4 * 1024**2 if sizes else 4 * 1024**2
    task = {"id": task_id, "kind": "timing", "plan": [s.to_json() for s in problem.call], "sizes": encoded["sizes"],
            "references": references(problem), "budget": budget, "min_rounds": MIN_ROUNDS,
            "max_rounds": MAX_ROUNDS, "slow_call_limit": SLOW_CALL_LIMIT, "slow_factor": SLOW_FACTOR, "slow_rounds": SLOW_ROUNDS, "noisy_spread": NOISY_SPREAD,
            "return_outputs": list(return_outputs), "max_result_bytes": result_bytes}
    return task, arrays


def _finite_seconds(times, name: str) -> list[float]:
    if not isinstance(times, list) or not times:
        raise RefusedRow(f"{name}: no list of times")
    checked = []
    for t in times:
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not math.isfinite(t):
            raise RefusedRow(f"{name}: a time that is not a finite number ({t!r:.40})")
        if t < MIN_SECONDS:
            raise RefusedRow(f"{name}: {t:.3g} s per call is impossible (below {MIN_SECONDS:g} s)")
        checked.append(float(t))
    return checked


def spread_of(times: list[float]) -> dict:
    q1, median, q3 = (float(v) for v in np.quantile(times, [0.25, 0.5, 0.75]))
    return {"min": float(min(times)), "q1": q1, "median": median, "q3": q3, "max": float(max(times)),
            "repeats": len(times), "iqr_relative": (q3 - q1) / median if median > 0 else None}


def validate_row(data, size: dict | None, matmul_gflops: float | None) -> TimingRow:
    """A TimingRow from one row of the worker's answer, or RefusedRow saying why it cannot be believed."""
    if not isinstance(data, dict):
        raise RefusedRow("not a mapping")
    label = data.get("label")
    if not isinstance(label, str):
        raise RefusedRow(f"a label that is not a string ({type(label).__name__})")
    if size is not None and label != size["label"]:
        raise RefusedRow(f"label {label[:60]!r} is not the size that was asked for")
    times = data.get("times")
    if not isinstance(times, dict):
        raise RefusedRow("no times")
    flops = size["flops"] if size else None
    nbytes = size["bytes"] if size else None
    row = TimingRow(label, {}, flops=flops, bytes=nbytes, matmul_gflops=matmul_gflops)
    for name, samples in times.items():
        if not isinstance(name, str) or name not in IMPLEMENTATIONS:
            raise RefusedRow(f"an unknown implementation {str(name)[:40]!r}")
        if samples is None:  # not run at this size
            row.seconds[name] = None
            continue
        checked = _finite_seconds(samples, name)
        spread = spread_of(checked)
        # judged on the fastest repeat, which the rates are read from: one forged sample is enough
        if flops and matmul_gflops and flops / spread["min"] / 1e9 > MAX_SHARE * matmul_gflops:
            raise RefusedRow(f"{name}: {flops / spread['min'] / 1e9:.3g} GFLOP/s, more than {MAX_SHARE:g}x "
                             f"this machine's matmul rate ({matmul_gflops:.3g} GFLOP/s)")
        if nbytes and not flops and nbytes / spread["min"] > MAX_BYTES_PER_SECOND:
            raise RefusedRow(f"{name}: {nbytes / spread['min'] / 1e9:.3g} GB/s moved, more than any memory")
        row.seconds[name] = spread["median"]
        row.spread[name] = spread
    mine = times.get("you")
    for name, samples in times.items():
        if name != "you" and row.seconds.get(name) and row.seconds.get("you") and len(samples) == len(mine) >= 4:
            row.paired[name] = float(np.median(np.asarray(mine) / np.asarray(samples)))
    skipped = data.get("skipped") if isinstance(data.get("skipped"), dict) else {}
    for name, estimate in skipped.items():
        if name in IMPLEMENTATIONS and isinstance(estimate, (int, float)) and not isinstance(estimate, bool) \
                and math.isfinite(estimate) and estimate > 0:
            row.seconds.setdefault(name, None)
            row.estimated_seconds[name] = float(estimate)
            row.skipped[name] = f"~{_rounded_seconds(estimate)} by extrapolation"
    row.remeasured = data.get("remeasured") is True
    # a slow implementation's three samples say little about the machine: its spread is shown, not judged
    row.noisy = any((s["iqr_relative"] or 0) > NOISY_SPREAD for s in row.spread.values() if s["repeats"] >= 4)
    return row


def _rounded_seconds(seconds: float) -> str:
    """Two significant digits, no exponent: 40 s, 1.2 s, 120 ms."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale or unit == "µs":
            value = seconds / scale
            digits = max(0, 1 - int(math.floor(math.log10(value)))) if value > 0 else 0
            return f"{round(value, digits):.{digits}f} {unit}"
    return f"{seconds:g} s"


def fill_timing(report, outcome, sizes: list[dict] | None = None, matmul_gflops: float | None = None) -> None:
    """Fill report.timing from the timing task's outcome; refused rows are named in the note."""
    if outcome is None:
        report.timing_note = "timing was not run"
        return
    if outcome.status != "ok":
        report.timing_note = f"timing stopped: {outcome.message or outcome.status}"
        return
    rows = outcome.result.get("rows", [])
    if not isinstance(rows, list):
        raise ValueError("rows is not a list")
    notes = []
    for index, data in enumerate(rows):
        size = sizes[index] if sizes is not None and index < len(sizes) else None
        if sizes is not None and size is None:
            notes.append("a timing row for a size that was not asked for was refused")
            continue
        try:
            report.timing.append(validate_row(data, size, matmul_gflops))
        except RefusedRow as exc:
            label = size["label"] if size else "?"
            notes.append(f"the row {label} was refused ({exc})")
    failures = outcome.result.get("failures", {})
    if isinstance(failures, dict):
        notes += [f"{name}: {why}" for name, why in failures.items()]
    if notes:
        report.timing_note = "; ".join(str(n)[:300] for n in notes)


# ---------------------------------------------------------------- the machine's limit

_MEASURE = f"""
import json, time
import numpy as np
rng = np.random.default_rng(0)
a, b = rng.standard_normal(({MATMUL_N}, {MATMUL_N})), rng.standard_normal(({MATMUL_N}, {MATMUL_N}))
a @ b
best = float("inf")
for _ in range({MATMUL_REPEATS}):
    start = time.perf_counter()
    a @ b
    best = min(best, time.perf_counter() - start)
print(json.dumps({{"seconds": best}}))
"""


def machine_key() -> dict:
    return {"numpy": np.__version__, "python": platform.python_version(), "cpus": os.cpu_count(),
            "machine": platform.machine(), "node": platform.node(), "n": MATMUL_N, "env": WORKER_ENV}


def machine_path() -> Path:
    from drill.progress import data_dir

    return data_dir() / MACHINE_FILE


def measure_matmul_gflops() -> float:
    """Best of repeated n x n float64 matmuls, in a child process with one BLAS thread (as the worker)."""
    from drill.sandbox import worker_env

    result = subprocess.run([sys.executable, "-I", "-c", _MEASURE], capture_output=True, text=True,
                            env=worker_env(), timeout=60)
    seconds = float(json.loads(result.stdout.strip().splitlines()[-1])["seconds"])
    return 2 * MATMUL_N**3 / seconds / 1e9


def machine_matmul_gflops(measure: bool = True) -> float | None:
    """This machine's float64 matmul rate in GFLOP/s: cached, or measured once (when `measure`)."""
    path = machine_path()
    key = machine_key()
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        rate = cached.get("matmul_gflops")
        if cached.get("key") == key and isinstance(rate, (int, float)) and math.isfinite(rate) and rate > 0:
            return float(rate)
    except (OSError, ValueError, AttributeError):
        pass
    if not measure:
        return None
    try:
        rate = measure_matmul_gflops()
    except (OSError, ValueError, KeyError, IndexError, subprocess.SubprocessError):
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"matmul_gflops": rate, "measured": time.time(), "key": key,
                                   "how": f"best of {MATMUL_REPEATS} {MATMUL_N}x{MATMUL_N} float64 matmuls, "
                                          "one BLAS thread"}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # an unwritable store costs a measurement per check, nothing more
    return rate


# ---------------------------------------------------------------- directional gradient check


@dataclass
class Directional:
    """The reference side of the directional check: per gradient, the directions and the reference
    forward's directional derivatives along them."""

    size: str
    directions: dict[str, list[np.ndarray]]
    derivatives: dict[str, list[float]]          # by finite differences of the reference forward
    analytic: dict[str, list[float]] = field(default_factory=dict)  # <reference gradient, v>


def _loss(forward_values: dict, outputs, upstreams) -> float:
    total = 0.0
    for index, name in enumerate(outputs):
        value = np.asarray(forward_values[name], dtype=np.float64)
        if upstreams:
            total += float(np.sum(value * np.asarray(upstreams[index], dtype=np.float64)))
        else:
            total += float(np.sum(value))
    return total


@contextlib.contextmanager
def one_blas_thread():
    """Run the block with one OpenBLAS thread, as the worker does. The judge's numpy started with
    the machine's thread count; on a machine busy with other work, two BLAS threads wait on each
    other and a conv forward takes ten times longer. A no-op when the library is not found."""
    get = put = None
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as handle:
            paths = {line.split()[-1] for line in handle if "openblas" in line.lower() and ".so" in line}
        for path in sorted(paths):
            library = ctypes.CDLL(path)
            for prefix in ("scipy_openblas", "openblas"):
                for suffix in ("64_", ""):
                    if hasattr(library, f"{prefix}_get_num_threads{suffix}"):
                        get = getattr(library, f"{prefix}_get_num_threads{suffix}")
                        put = getattr(library, f"{prefix}_set_num_threads{suffix}")
                        break
                if get:
                    break
            if get:
                break
    except (OSError, AttributeError, IndexError):
        get = put = None
    before = None
    if get is not None:
        try:
            get.restype = ctypes.c_int
            put.argtypes = [ctypes.c_int]
            before = int(get())
            put(1)
        except (OSError, AttributeError, ctypes.ArgumentError):
            before = None
    try:
        yield
    finally:
        if before is not None:
            put(before)


def _forward(module, step, values: dict) -> dict:
    result = getattr(module, step.call)(*(values[a] for a in step.args), **{k: values[v] for k, v in step.kwargs.items()})
    return {step.returns: result} if isinstance(step.returns, str) else dict(zip(step.returns, result))


def directional_reference(problem, size: dict, seed: int, reference=None) -> Directional | None:
    """<grad, v> of the reference forward along a few random directions v, by centered differences:
    (L(a + h v) - L(a - h v)) / 2h for every input a that has a gradient."""
    g = problem.gradcheck
    if g is None:
        return None
    if reference is None:
        kind = "fast" if problem.reference_path("fast").is_file() else "vectorized"
        reference = load_module(problem.reference_path(kind), f"drill_directional_{problem.id}_{kind}")
    inputs = size["inputs"]
    upstreams = [inputs[u] for u in g.upstreams]
    rng = np.random.default_rng([seed, 7])
    directions, derivatives = {}, {}
    for grad_name, input_name in g.wrt.items():
        base = np.asarray(inputs[input_name], dtype=np.float64)
        directions[grad_name], derivatives[grad_name] = [], []
        for _ in range(DIRECTIONS):
            v = rng.standard_normal(base.shape)
            h = DIRECTIONAL_H * max(1.0, float(np.sqrt(np.mean(base**2))) if base.size else 1.0)
            losses = []
            for sign in (1.0, -1.0):
                values = dict(inputs)  # trusted code, fresh perturbed array: no deep copy needed
                values[input_name] = base + sign * h * v
                losses.append(_loss(_forward(reference, g.forward, values), g.outputs, upstreams))
            directions[grad_name].append(v)
            derivatives[grad_name].append((losses[0] - losses[1]) / (2 * h))
    # The reference backward along the same directions: where the forward has kinks (ReLU, max), a
    # few of hundreds of thousands of entries lie within h of one, and the finite differences of a
    # right gradient read ~1e-4 off; the reference's own gradient is exact there.
    values = run_plan(reference, problem.call, dict(inputs))
    analytic = {name: [float(np.sum(np.asarray(values[name], dtype=np.float64) * v)) for v in vs]
                for name, vs in directions.items()}
    return Directional(size["label"], directions, derivatives, analytic)


def directional_errors(reference: Directional, user: dict, analytic: bool = False) -> dict[str, float | None]:
    """Per gradient, the worst |<g, v> - D_v L| / max(1e-8, |<g, v>| + |D_v L|) over the directions:
    D_v L by finite differences of the reference forward, or with `analytic` the reference
    gradient's <g_ref, v>."""
    expected_of = reference.analytic if analytic else reference.derivatives
    errors = {}
    for name, directions in reference.directions.items():
        grad = user.get(name)
        if not isinstance(grad, np.ndarray):
            errors[name] = None if grad is None else float("inf")
            continue
        worst = 0.0
        for v, expected in zip(directions, expected_of[name]):
            if grad.shape != v.shape or grad.dtype.kind not in "biuf":
                return {**errors, name: float("inf")}
            got = float(np.sum(grad.astype(np.float64) * v))
            error = abs(got - expected) / max(1e-8, abs(got) + abs(expected))
            worst = error if error != error else max(worst, error)
            if worst != worst:
                break
        errors[name] = worst
    return errors


def directional_wrong(reference: Directional, user: dict, name: str, error: float | None) -> bool:
    """A gradient is wrong at size when it disagrees with the finite differences (`error`) and with
    the reference's own gradient along the same directions: a right one near a kink of the forward
    is off from the first only, a bank whose reference were wrong at size would be off the second."""
    if error is None or error <= DIRECTIONAL_WRONG:
        return False
    against_reference = directional_errors(reference, {name: user.get(name)}, analytic=True).get(name)
    return against_reference is None or not against_reference <= DIRECTIONAL_WRONG


# ---------------------------------------------------------------- the whole timing step


def run(report, sandbox, limits, reference=None) -> str:
    """Time a passing report's solution; check its gradients at the largest size on the way.

    `reference` is the reference module the judge loaded before any user code ran. Returns why the
    gradients are wrong at that size ('' when they are right or were not checked)."""
    problem = report.problem
    sizes = sizes_of(problem)
    rate = machine_matmul_gflops()
    report.machine = {"matmul_gflops": rate}
    directional = None
    if problem.gradcheck is not None and sizes:
        try:
            with one_blas_thread():
                directional = directional_reference(problem, sizes[-1], report.seed, reference)
        except Exception as exc:  # a bank problem, never the user's: say so, time anyway
            report.timing_note = f"directional check not run ({type(exc).__name__}: {exc})"
    wanted = tuple(problem.gradcheck.wrt) if directional else ()
    task, arrays = timing_task(problem, 0, sizes, return_outputs=wanted)
    session = sandbox.run([task], {0: arrays}, {0: max(30.0, 6 * limits.timeout)},
                          required=problem.required_functions)
    outcome = session.outcomes.get(0)
    try:
        fill_timing(report, outcome, sizes, rate)
    except Exception as exc:  # the worker's data is never trusted to be well formed
        report.timing, report.timing_note = [], f"the worker sent malformed timings ({type(exc).__name__})"
    if directional is None or outcome is None or outcome.status != "ok":
        return ""
    returned = outcome.result.get("outputs")
    if not isinstance(returned, dict) or not returned:
        return ""
    user = {name: decode_value(returned.get(name), outcome.arrays) if name in returned else None
            for name in directional.directions}
    errors = directional_errors(directional, user)
    wrong = []
    for gradient in report.gradients:
        if gradient.name in errors:
            gradient.rel_error_directional = error = errors[gradient.name]
            if directional_wrong(directional, user, gradient.name, error):
                gradient.verdict = "wrong"
                wrong.append(f"{gradient.name} (relative error {error:.1e})")
    if not wrong:
        return ""
    return (f"at the realistic size {directional.size}, {', '.join(wrong)} disagree with the directional "
            "derivative of the reference forward along random directions; every hidden case is smaller: "
            "something goes wrong only at size")
