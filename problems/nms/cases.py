"""Hidden cases for nms. Each designed case targets one edge or one known mistake.

Where a case needs an IoU exactly at the threshold, the boxes have small integer corners, so the
intersection and the union are exact and every correct way of computing the IoU gives exactly the
threshold (2 / 4 = 0.5, 1 / 4 = 0.25).
"""
import numpy as np


def _case(name, why, boxes, scores, iou_threshold):
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    return {"name": name, "why": why,
            "inputs": {"boxes": boxes, "scores": np.asarray(scores, dtype=np.float64), "iou_threshold": iou_threshold}}


def _cluster(rng, centers, per_object, jitter, half_size):
    """Detector-like output: `per_object` jittered boxes around each center."""
    boxes = []
    for cx, cy in centers:
        c = np.array([cx, cy]) + rng.normal(0.0, jitter, (per_object, 2))
        half = half_size * rng.uniform(0.8, 1.25, (per_object, 2))
        boxes.append(np.concatenate([c - half, c + half], axis=1))
    return np.concatenate(boxes, axis=0)


def designed(rng):
    cases = []
    # A (index 1) suppresses B (index 2); B overlaps C (index 0) but is gone, so C survives.
    cases.append(_case(
        "chain_suppression", "A beats B, B overlaps C, A does not touch C: C is kept, because a suppressed "
        "box suppresses nothing; keep is in decreasing score order [1, 0]",
        [[4, 0, 8, 2], [0, 0, 4, 2], [2, 0, 6, 2]], [0.7, 0.9, 0.8], 0.3))
    cases.append(_case(
        "iou_exactly_at_threshold", "IoU exactly 0.5 (intersection 2, union 4) with threshold 0.5: not "
        "suppressed, only IoU > threshold is; the same with 1/4 at 0.25",
        [[0, 0, 3, 1], [1, 0, 4, 1], [10, 0, 12, 2], [11, 0, 13, 1], [20, 0, 22, 2], [21, 1, 23, 3]],
        [0.9, 0.6, 0.8, 0.5, 0.7, 0.4], 0.5))
    cases.append(_case(
        "iou_exactly_quarter", "threshold 0.25: a pair at IoU exactly 1/4 (intersection 1, union 4) is kept, "
        "pairs at 1/3 lose their lower-scored box, a pair at 1/7 is kept",
        [[0, 0, 2, 1], [1, 0, 4, 1], [10, 0, 14, 1], [12, 0, 16, 1], [20, 0, 22, 2], [21, 0, 23, 2],
         [30, 0, 32, 2], [31, 1, 33, 3]],
        [0.5, 0.45, 0.9, 0.8, 0.3, 0.35, 0.2, 0.1], 0.25))
    cases.append(_case(
        "small_boxes_no_plus_one", "sub-unit boxes with IoU about 0.2, threshold 0.5: all kept; a +1 in the "
        "widths inflates their IoU above 0.5",
        [[10.0, 10.0, 11.0, 11.0], [10.6, 10.0, 11.6, 11.0], [0.0, 0.0, 0.5, 0.5], [0.3, 0.0, 0.8, 0.5]],
        [0.9, 0.8, 0.7, 0.6], 0.5))
    cases.append(_case(
        "equal_scores_lower_index_first", "all scores equal: boxes are taken in index order, so box 1 "
        "suppresses box 2 (not the other way round) and keep is [0, 1, 3]",
        [[20, 20, 22, 22], [0, 0, 4, 4], [1, 0, 5, 4], [3, 0, 7, 4]], [0.5, 0.5, 0.5, 0.5], 0.5))
    cases.append(_case(
        "tied_duplicates", "identical boxes in pairs, each pair with equal scores: the lower index survives",
        [[0, 0, 2, 2], [5, 5, 9, 9], [0, 0, 2, 2], [5, 5, 9, 9], [30, 30, 31, 32]], [0.8, 0.6, 0.8, 0.6, 0.7], 0.5))
    cases.append(_case(
        "higher_score_later_index", "the best box comes after the box it suppresses: scores, not indices, "
        "decide who is kept",
        [[0, 0, 10, 10], [1, 1, 10, 10], [20, 0, 30, 10], [21, 0, 30, 10], [40, 0, 45, 5]],
        [0.3, 0.9, 0.2, 0.6, 0.1], 0.5))
    cases.append(_case(
        "all_disjoint_shuffled_scores", "no two boxes overlap: every box is kept, in decreasing score order "
        "(not in index order)",
        [[0, 0, 1, 1], [2, 0, 3, 1], [4, 0, 5, 1], [6, 0, 7, 1], [8, 0, 9, 1]], [0.2, 0.9, 0.5, 0.7, 0.1], 0.5))
    cases.append(_case("empty", "N = 0: keep is an empty int64 array", np.zeros((0, 4)), np.zeros(0), 0.5))
    cases.append(_case("single_box", "N = 1: keep is [0]", [[1.5, 2.5, 4.0, 7.0]], [0.25], 0.5))
    cases.append(_case(
        "threshold_zero_touching", "threshold 0: any overlap suppresses, but boxes that only touch have IoU "
        "exactly 0 and are kept",
        [[0, 0, 1, 1], [1, 0, 2, 1], [1, 1, 2, 2], [0.5, 0.5, 1.5, 1.5]], [0.9, 0.8, 0.7, 0.6], 0.0))
    cases.append(_case(
        "threshold_one_duplicates", "threshold 1: identical boxes have IoU exactly 1, which is not > 1, so "
        "nothing is suppressed",
        [[0, 0, 3, 3], [0, 0, 3, 3], [1, 1, 2, 2]], [0.4, 0.9, 0.6], 1.0))
    cases.append(_case(
        "zero_area_boxes", "zero-area boxes have IoU 0 with everything (even an identical zero-area box): "
        "they are kept and suppress nothing",
        [[1, 1, 1, 1], [1, 1, 1, 1], [0, 0, 2, 2], [1, 0, 1, 3]], [0.9, 0.8, 0.7, 0.6], 0.1))
    cases.append(_case(
        "torchvision_float_boxes", "torchvision's float NMS test: three heavily overlapping boxes, "
        "threshold 0.2; only the best one (index 1) is kept",
        [[285.3538, 185.5758, 1193.5110, 851.4551], [285.1472, 188.7374, 1192.4984, 851.0669],
         [279.2440, 197.9812, 1189.4746, 849.2019]], [0.6370, 0.7569, 0.3966], 0.2))
    boxes = _cluster(rng, [(50.0, 50.0), (80.0, 60.0), (200.0, 100.0)], 5, 6.0, 20.0)
    cases.append(_case(
        "clustered_detections", "15 detector-like boxes around 3 objects, two of them close together, "
        "random scores, threshold 0.5", boxes, rng.uniform(0.05, 1.0, len(boxes)), 0.5))
    return cases


def random_case(rng, index):
    n_objects = int(rng.integers(0, 6))
    per_object = int(rng.integers(1, 8))
    centers = rng.uniform(0.0, 150.0, (n_objects, 2))
    boxes = _cluster(rng, centers, per_object, rng.uniform(2.0, 10.0), rng.uniform(5.0, 30.0)) if n_objects \
        else np.zeros((0, 4))
    scores = rng.uniform(0.0, 1.0, len(boxes))
    if index % 2:  # scores rounded to one decimal: many ties
        scores = np.round(scores, 1)
    threshold = float(rng.choice([0.3, 0.5, 0.7])) if index % 3 else float(rng.uniform(0.1, 0.9))
    return _case(f"random_{index}", f"seeded random clusters, N={len(boxes)}, threshold {threshold:.3g}"
                 + (", tied scores" if index % 2 else ""), boxes, scores, threshold)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for n_objects, per_object in [(10, 20), (50, 20), (100, 20)]:
        n = n_objects * per_object
        boxes = _cluster(rng, rng.uniform(0.0, 800.0, (n_objects, 2)), per_object, 8.0, 40.0)
        sizes.append({"label": f"N={n} boxes around {n_objects} objects",
                      "inputs": {"boxes": boxes, "scores": rng.uniform(0.0, 1.0, n), "iou_threshold": 0.5},
                      # data-dependent work: at most one IoU row per kept box; ~12 flops per IoU
                      "flops": None, "bytes": 8 * n * n})
    return sizes
