"""Hidden cases for iou. Each designed case targets one edge or one known mistake."""
import numpy as np


def _case(name, why, a, b):
    return {"name": name, "why": why, "inputs": {"box_a": a, "box_b": b}}


def designed(rng):
    return [
        _case("partial_overlap_floats", "a plain partial overlap with float corners",
              (0.5, 1.0, 3.5, 4.0), (2.0, 2.5, 6.0, 5.0)),
        _case("partial_overlap_ints_list", "integer corners in lists: the result must be a true fraction",
              [0, 0, 2, 2], [1, 1, 3, 3]),
        _case("identical_boxes", "identical boxes give exactly 1 (catches a union that counts the overlap twice)",
              (1.0, 2.0, 4.0, 7.0), (1.0, 2.0, 4.0, 7.0)),
        _case("containment", "one box inside the other", [0, 0, 4, 4], [1, 1, 2, 2]),
        _case("disjoint_both_axes", "boxes apart on both axes: the two negative sides must not multiply to a positive overlap",
              (0.0, 0.0, 1.0, 1.0), (3.0, 5.0, 4.0, 7.0)),
        _case("disjoint_diagonal_small_gap", "apart by a gap of 1 on both axes: clamping the product w * h instead of "
              "each side gives a positive overlap (-1 * -1) and a union of 7", (0, 0, 2, 2), (3, 3, 5, 5)),
        _case("disjoint_x_only", "boxes apart along x but overlapping along y", (0.0, 0.0, 1.0, 3.0), (2.0, 1.0, 3.0, 2.0)),
        _case("touching_edge", "boxes sharing an edge: intersection 0", (0, 0, 1, 1), (1, 0, 2, 1)),
        _case("touching_corner", "boxes sharing only a corner", (0.0, 0.0, 1.0, 1.0), (1.0, 1.0, 2.0, 2.0)),
        _case("zero_area_inside", "a degenerate (zero-area) box inside a real one", (0.0, 0.0, 2.0, 2.0), (1.0, 0.5, 1.0, 1.5)),
        _case("both_zero_area", "two identical zero-area boxes: the union is 0, so the answer is 0.0",
              (1.0, 1.0, 1.0, 1.0), (1.0, 1.0, 1.0, 1.0)),
        _case("zero_union_crossing_segments", "a vertical and a horizontal segment that cross: both areas and the "
              "intersection are 0, so the union is 0 and the answer is 0.0 (an unguarded division raises)",
              (1.0, 0.0, 1.0, 2.0), (0.0, 1.0, 2.0, 1.0)),
        _case("numpy_arrays", "boxes given as float64 numpy arrays", np.array([2.0, 1.0, 5.0, 3.0]), np.array([1.0, 0.0, 3.0, 2.5])),
        _case("int_numpy_arrays", "boxes given as integer numpy arrays", np.array([0, 0, 10, 10]), np.array([5, 5, 15, 12])),
        _case("mixed_tuple_and_array", "a tuple against an array", (0, 0, 3, 3), np.array([1.5, -1.0, 2.5, 4.0])),
        _case("far_from_origin_xywh_trap", "corners far from the origin: reading them as width/height changes everything",
              (100.0, 200.0, 110.0, 230.0), (105.0, 210.0, 120.0, 220.0)),
        _case("large_coordinates", "coordinates around 1e6", (1e6, 1e6, 1e6 + 3.0, 1e6 + 5.0), (1e6 + 1.0, 1e6 + 2.0, 1e6 + 4.0, 1e6 + 6.0)),
        _case("negative_coordinates", "boxes left of and above the origin", (-3.0, -2.0, 1.0, 2.0), (-1.0, -4.0, 0.5, 0.0)),
    ]


def _random_box(rng):
    x1, y1 = rng.uniform(-10, 10, size=2)
    w, h = rng.uniform(0, 8, size=2)
    return np.array([x1, y1, x1 + w, y1 + h])


def random_case(rng, index):
    a = _random_box(rng)
    # Half the time, place b near a so that most random cases overlap.
    b = _random_box(rng) if index % 2 else a + rng.uniform(-2, 2, size=4) * np.array([1, 1, 1, 1])
    b = np.array([min(b[0], b[2]), min(b[1], b[3]), max(b[0], b[2]), max(b[1], b[3])])
    if index % 3 == 0:  # a third of them as integer lists
        a, b = [int(round(v)) for v in a], [int(round(v)) for v in b]
        b = [b[0], b[1], max(b[0], b[2]), max(b[1], b[3])]
        a = [a[0], a[1], max(a[0], a[2]), max(a[1], a[3])]
    return {"name": f"random_{index}", "why": "seeded random boxes", "inputs": {"box_a": a, "box_b": b}}


def timing_sizes():
    """iou takes one pair of boxes: that is its realistic size. Two boxes of four float64 are 64
    bytes; neither flops nor bytes say much about a call this small (the call overhead is all)."""
    return [
        {"label": "overlapping boxes", "inputs": {"box_a": (0.0, 0.0, 2.0, 2.0), "box_b": (1.0, 1.0, 3.0, 3.0)},
         "flops": None, "bytes": 64},
        {"label": "numpy arrays", "inputs": {"box_a": np.array([0.0, 0.0, 4.0, 4.0]), "box_b": np.array([1.0, 1.0, 2.0, 2.0])},
         "flops": None, "bytes": 64},
    ]
