"""Hidden cases for box_iou. Each designed case targets one edge or one known mistake.

Boxes are (x1, y1, x2, y2) corners. Fixed numbers where a case targets an exact value (a tie, a zero
union, a touching edge), so every seed sees the same edge.
"""
import numpy as np


def _case(name, why, a, b):
    return {"name": name, "why": why, "inputs": {"boxes_a": a, "boxes_b": b}}


def _random_boxes(rng, n, spread=10.0, size=6.0):
    xy = rng.uniform(-spread, spread, (n, 2))
    wh = rng.uniform(0.0, size, (n, 2))
    return np.concatenate([xy, xy + wh], axis=1)


def designed(rng):
    cases = []
    cases.append(_case(
        "int_lists_3x4", "nested lists of ints, N=3 against M=4: the result is (3, 4) true fractions; "
        "a +1 in the widths, a union that counts the overlap twice, (x, y, w, h) boxes and an (M, N) "
        "result all show here",
        [[0, 0, 2, 2], [1, 1, 4, 3], [10, 10, 12, 15]],
        [[1, 1, 3, 3], [0, 0, 2, 2], [2, 0, 5, 4], [11, 9, 13, 12]]))
    cases.append(_case(
        "torchvision_int_boxes", "torchvision's box_iou test boxes: identical boxes give exactly 1, a box "
        "inside another gives the ratio of the areas",
        [[0, 0, 100, 100], [0, 0, 50, 50], [200, 200, 300, 300], [0, 0, 25, 25]],
        [[0, 0, 100, 100], [0, 0, 50, 50], [200, 200, 300, 300]]))
    cases.append(_case(
        "disjoint_on_both_axes", "pairs apart along x and along y at once: both sides of the intersection "
        "are negative and must not multiply into a positive area",
        np.array([[0.0, 0.0, 1.0, 1.0], [5.0, 5.0, 7.0, 8.0]]),
        np.array([[3.0, 4.0, 6.0, 6.0], [-4.0, -3.0, -1.0, -1.0], [0.5, 0.5, 2.0, 2.0]])))
    cases.append(_case(
        "touching_edges_and_corners", "boxes that share an edge or a corner: intersection 0, IoU exactly 0",
        [[0.0, 0.0, 1.0, 1.0]],
        [[1.0, 0.0, 2.0, 1.0], [0.0, 1.0, 1.0, 2.0], [1.0, 1.0, 2.0, 2.0], [-1.0, -1.0, 0.0, 0.0]]))
    cases.append(_case(
        "zero_union", "two identical zero-area boxes have a zero union: the answer is 0.0, not NaN; a "
        "zero-area box inside a real box gives 0 too",
        np.array([[1.0, 1.0, 1.0, 1.0], [2.0, 0.0, 2.0, 3.0]]),
        np.array([[1.0, 1.0, 1.0, 1.0], [2.0, 0.0, 2.0, 3.0], [0.0, 0.0, 4.0, 4.0]])))
    cases.append(_case(
        "empty_a", "N = 0 (a (0, 4) array): the result is an empty (0, 3) float array",
        np.zeros((0, 4)), _random_boxes(rng, 3)))
    cases.append(_case(
        "empty_b", "M = 0: the result is an empty (2, 0) float array",
        _random_boxes(rng, 2), np.zeros((0, 4))))
    cases.append(_case(
        "empty_list", "boxes_a given as an empty list []: still N = 0 boxes, result (0, 2)",
        [], [[0, 0, 1, 1], [2, 2, 3, 3]]))
    cases.append(_case(
        "square_not_symmetric", "N = M = 3 with different boxes on each side: a transposed result has the "
        "right shape and the wrong values",
        np.array([[0.0, 0.0, 4.0, 4.0], [2.0, 1.0, 3.0, 6.0], [5.0, 5.0, 6.0, 6.0]]),
        np.array([[1.0, 1.0, 2.0, 2.0], [0.0, 3.0, 2.5, 5.0], [4.5, 4.0, 7.0, 5.5]])))
    cases.append(_case(
        "far_from_origin_xywh_trap", "corners far from the origin: reading them as width/height moves "
        "every right and bottom edge",
        np.array([[100.0, 200.0, 110.0, 230.0]]), np.array([[105.0, 210.0, 120.0, 220.0], [90.0, 190.0, 101.0, 201.0]])))
    cases.append(_case(
        "large_coordinates", "coordinates around 1e6 with boxes a few units wide",
        np.array([[1e6, 1e6, 1e6 + 3.0, 1e6 + 5.0]]),
        np.array([[1e6 + 1.0, 1e6 + 2.0, 1e6 + 4.0, 1e6 + 6.0], [1e6 - 2.0, 1e6, 1e6 + 0.5, 1e6 + 1.0]])))
    cases.append(_case(
        "float_boxes_torchvision", "torchvision's float test boxes (IoUs 0.97 to 0.99) against themselves",
        np.array([[285.3538, 185.5758, 1193.5110, 851.4551], [285.1472, 188.7374, 1192.4984, 851.0669],
                  [279.2440, 197.9812, 1189.4746, 849.2019]]),
        np.array([[285.3538, 185.5758, 1193.5110, 851.4551], [285.1472, 188.7374, 1192.4984, 851.0669],
                  [279.2440, 197.9812, 1189.4746, 849.2019]])))
    a = _random_boxes(rng, 5)
    cases.append(_case(
        "overlapping_cluster", "5 boxes against shifted copies of themselves: most pairs overlap partly",
        a, a + rng.uniform(-1.5, 1.5, (5, 4)) * np.array([1, 1, 0, 0]) + np.array([0, 0, 1.5, 1.5])))
    return cases


def random_case(rng, index):
    n, m = int(rng.integers(0, 9)), int(rng.integers(1, 9))
    a = _random_boxes(rng, n)
    # half of boxes_b are jittered copies of boxes of a, so that many pairs overlap
    b = _random_boxes(rng, m)
    if n:
        picks = rng.integers(0, n, m // 2)
        b[: m // 2] = a[picks] + rng.uniform(-1.0, 1.0, (m // 2, 4)) * np.array([1, 1, 0, 0])
        b[: m // 2, 2:] = np.maximum(b[: m // 2, 2:], b[: m // 2, :2])
    if index % 3 == 0:  # a third of them as nested lists of ints
        a = [[int(v) for v in row] for row in np.round(a)]
        b = [[int(v) for v in row] for row in np.round(b)]
    return _case(f"random_{index}", f"seeded random boxes, N={n}, M={m}", a, b)


def _anchors(rng, n):
    """Detector-like boxes on a 800 x 800 image: centers anywhere, sides 16 to 256 pixels."""
    centers = rng.uniform(0.0, 800.0, (n, 2))
    half = rng.uniform(8.0, 128.0, (n, 2))
    return np.concatenate([centers - half, centers + half], axis=1)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for n, m, label in [(64, 64, "N=64, M=64"), (300, 300, "N=300, M=300 (detections against themselves)"),
                        (2000, 50, "2000 anchors x 50 ground-truth boxes")]:
        sizes.append({"label": label, "inputs": {"boxes_a": _anchors(rng, n), "boxes_b": _anchors(rng, m)},
                      # per pair: 4 max/min, 2 subtractions, 2 clamps, 1 product, 2 for the union, 1 division
                      "flops": 12 * n * m})
    return sizes
