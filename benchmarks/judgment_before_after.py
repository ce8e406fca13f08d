"""Issue 8's classes, judged by an engine at many seeds: false passes and misdiagnoses."""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from drill.catalog import Catalog
from drill import judge
from drill.sandbox import Limits
FIX = Path("/work/main/tests/fixtures")
cases = [  # (problem, fixture, the mistake it should be told, or None)
    ("iou", "wrong_other_product_clamp.py", None),
    ("iou", "wrong_other_identical_guard_only.py", None),
    ("iou", "wrong_other_min_one_coordinate.py", None),
    ("iou", "wrong_other_zero_union_is_one.py", None),
    ("bn_forward", "wrong_one_pass_variance.py", "one_pass_variance"),
    ("bn_backward", "wrong_other_xhat_scaled_in_place.py", None),
    ("bn_backward", "wrong_other_unbiased_backward.py", None),
    ("bn_backward", "wrong_other_unbiased_forward.py", None),
    ("conv_backward", "wrong_other_reuses_cached_padding.py", None),
]
seeds = [231] + list(range(int(sys.argv[2]) - 1))
catalog = Catalog(Path(sys.argv[3])) if len(sys.argv) > 3 else Catalog()
total_fp = total_mis = 0
for pid, name, mistake in cases:
    p = catalog.get(pid)
    fp = mis = 0
    for s in seeds:
        r = judge.check(p, FIX / pid / name, seed=s, timing=False, limits=Limits(timeout=20))
        named = [m["id"] for m in r.mistakes]
        fp += r.passed
        if not r.passed and named != ([mistake] if mistake else []):
            mis += 1
    total_fp += fp; total_mis += mis
    print(f"{pid:14s} {name:42s} false passes {fp:3d}/{len(seeds)}  misnamed {mis:3d}/{len(seeds)}")
print("total", total_fp, total_mis)
