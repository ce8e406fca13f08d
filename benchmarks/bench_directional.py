"""The directional gradient check at the realistic size: what it costs and what it sees.

For every problem with a gradient check, at its largest timing size:
- the judge's cost of the check (the reference forward along DIRECTIONS random directions, two
  sides each, one BLAS thread as in drill), median of --repeat runs;
- what full centered finite differences would cost at that size (two forward calls per input
  element), by extrapolation from the median forward time;
- the check's relative error for the vectorized reference's own gradients (~1e-9 or less, far under
  drill.timing.DIRECTIONAL_WRONG, except where the forward has kinks: ReLU, max pooling), and
  whether the judge would call any of them wrong (it must not);
- the smallest error it gives a gradient wrong only in a quarter of its entries by 1% (the kind of
  mistake that only shows at size: a last block, an overflowing index), which must read above the
  threshold for every gradient.

    python benchmarks/bench_directional.py [--repeat 5] [--problem bn_backward ...]
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from drill import timing  # noqa: E402
from drill.catalog import Catalog  # noqa: E402
from drill.judge import reference_module  # noqa: E402
from drill.plan import run_plan  # noqa: E402


def wrong_in_a_quarter(gradient: np.ndarray) -> np.ndarray:
    """1% off in the last quarter of the entries (at least one)."""
    wrong = np.array(gradient, dtype=np.float64, copy=True).reshape(-1)
    count = max(1, wrong.size // 4)
    wrong[-count:] *= 1.01
    wrong[-count:] += 1e-3 * (np.abs(wrong).max() if wrong.size else 1.0)  # entries that were 0 move too
    return wrong.reshape(np.shape(gradient))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--problem", nargs="*")
    args = parser.parse_args()
    catalog = Catalog()
    problems = [catalog.get(p) for p in args.problem] if args.problem else \
        [p for p in catalog.all() if p.gradcheck is not None]
    print(f"{'problem':22} {'size':44} {'check':>9} {'full FD (est.)':>15} {'reference':>10} "
          f"{'wrong 1/4':>10}  threshold {timing.DIRECTIONAL_WRONG:.0e}")
    worst_cost = 0.0
    all_caught, right_failed = True, False
    for problem in problems:
        sizes = timing.sizes_of(problem)
        if problem.gradcheck is None or not sizes:
            continue
        size = sizes[-1]
        module = reference_module(problem)
        with timing.one_blas_thread():
            seconds = []
            for repeat in range(args.repeat):
                start = time.perf_counter()
                reference = timing.directional_reference(problem, size, seed=repeat, reference=module)
                seconds.append(time.perf_counter() - start)
            forward_calls = 2 * timing.DIRECTIONS * len(problem.gradcheck.wrt)
            per_forward = statistics.median(seconds) / forward_calls
            elements = sum(np.size(size["inputs"][name]) for name in problem.gradcheck.wrt.values())
            values = run_plan(module, problem.call, size["inputs"])
        right = {name: values[name] for name in problem.gradcheck.wrt}
        errors = timing.directional_errors(reference, right)
        own = max(e for e in errors.values() if e is not None)
        failed = [n for n in right if timing.directional_wrong(reference, right, n, errors[n])]
        right_failed |= bool(failed)
        caught = math.inf
        for name in right:
            wrong = dict(right, **{name: wrong_in_a_quarter(right[name])})
            error = timing.directional_errors(reference, wrong)[name]
            caught = min(caught, error)
            all_caught &= timing.directional_wrong(reference, wrong, name, error)
        worst_cost = max(worst_cost, statistics.median(seconds))
        print(f"{problem.id:22} {size['label'][:44]:44} {statistics.median(seconds):8.3f}s "
              f"{2 * elements * per_forward:14.0f}s {own:10.1e} {caught:10.1e}")
    print(f"worst cost of the check: {worst_cost:.3f} s (median of {args.repeat}); "
          f"a right gradient judged wrong: {right_failed}; "
          f"every gradient wrong in a quarter of its entries caught: {all_caught}")
    print("(a right gradient reads far above 1e-9 where the forward has kinks, ReLU and max pooling: the "
          "finite differences cross them; it passes as it agrees with the reference's gradient)")


if __name__ == "__main__":
    main()
