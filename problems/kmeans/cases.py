"""Hidden cases for kmeans. Each designed case targets one edge or one known mistake.

Ties are built from small integers and halves, and every cluster that contains a tie has 1, 2 or 4
points, so the means stay exactly representable and every correct way of computing the distances
(differences, |x|^2 - 2 x.c + |c|^2, einsum) sees the same ties.
"""
import numpy as np


def _case(name, why, x, init_centers, n_iters):
    return {"name": name, "why": why, "inputs": {"x": np.asarray(x, dtype=np.float64),
                                                 "init_centers": np.asarray(init_centers, dtype=np.float64),
                                                 "n_iters": n_iters}}


def _blobs(rng, means, per_blob, spread):
    means = np.asarray(means, dtype=np.float64)
    x = np.concatenate([m + spread * rng.standard_normal((per_blob, means.shape[1])) for m in means])
    return x[rng.permutation(len(x))]


def designed(rng):
    cases = []
    cases.append(_case(
        "equidistant_point", "the point (2, 1) is exactly as far from (0, 1) as from (4, 1): it goes to "
        "center 0, the lower index, and moves center 0 to (0.5, 1)",
        [[2, 1], [-1, 1], [5, 1], [4, 2]], [[0, 1], [4, 1]], 1))
    cases.append(_case(
        "ties_every_iteration", "a symmetric square of 4 points and 2 centers on its axis: every point is "
        "tied in the first assignment, so all 4 go to center 0; center 1 keeps no point and stays",
        [[-1, -1], [1, -1], [-1, 1], [1, 1]], [[0, -2], [0, -2]], 3))
    x = _blobs(rng, [[0.0, 0.0], [6.0, 0.0], [0.0, 6.0]], 6, 0.8)
    cases.append(_case(
        "duplicate_initial_centers", "centers 0 and 1 start at the same point: every tie goes to center 0, "
        "center 1 stays empty where it started (not at the origin)",
        x, np.array([[6.0, 6.0], [6.0, 6.0], [-3.0, -3.0]]), 4))
    x = _blobs(rng, [[1.0, 2.0, 0.5], [-4.0, 1.0, 3.0]], 8, 0.7)
    cases.append(_case(
        "empty_cluster_stays", "a center far from every point never gets one: it stays where it is, it "
        "does not move to 0 and is not NaN",
        x, np.array([[1.0, 2.0, 0.0], [50.0, -40.0, 30.0], [-4.0, 0.0, 3.0]]), 5))
    cases.append(_case(
        "empty_center_near_origin_trap", "an empty center must not jump to the origin, where it would "
        "capture the points near 0 in the next assignment",
        [[0.5, 0.0], [1.0, 0.5], [0.0, 1.0], [10.0, 10.0], [11.0, 10.0], [10.0, 11.0]],
        [[0.5, 0.5], [-20.0, 30.0], [10.0, 10.5]], 3))
    cases.append(_case(
        "labels_of_final_centers", "one iteration in which the point 2.5 joins the right-hand center, which "
        "then moves away: the labels returned are those of the final centers, not of the last assignment",
        [[0.0], [2.5], [4.0], [12.0]], [[0.0], [1.0]], 1))
    cases.append(_case(
        "n_iters_zero", "no iteration: the centers are the initial ones (a copy) and the labels their "
        "nearest centers", [[0, 0], [3, 1], [1, 3], [4, 4]], [[0, 1], [4, 3]], 0))
    x = _blobs(rng, [[-3.0, 0.0], [3.0, 0.0], [0.0, 5.0]], 10, 1.0)
    cases.append(_case(
        "not_converged_after_2", "two iterations from a poor start (all centers on one side): the centers "
        "are still moving, so the iteration count is visible",
        x, np.array([[-5.0, -1.0], [-4.5, -1.0], [-4.0, -1.0]]), 2))
    x = _blobs(rng, [[0.0, 0.0, 0.0, 0.0], [5.0, 5.0, -5.0, 5.0]], 12, 1.0)
    cases.append(_case(
        "converged_well_separated", "two well-separated blobs and 15 iterations: a fixed point, where more "
        "iterations change nothing", x, x[[0, 1]], 15))
    cases.append(_case(
        "single_cluster", "K = 1: the center is the mean of all points and every label is 0",
        _blobs(rng, [[2.0, -1.0]], 9, 1.5), [[0.0, 0.0]], 2))
    x = _blobs(rng, [[0.0], [4.0], [9.0]], 5, 0.6)
    cases.append(_case("one_feature", "D = 1: points on a line, x of shape (N, 1)", x, [[1.0], [2.0], [3.0]], 4))
    return cases


def random_case(rng, index):
    k = int(rng.integers(2, 6))
    d = int(rng.integers(1, 5))
    per = int(rng.integers(3, 15))
    means = rng.uniform(-8.0, 8.0, (k, d))
    x = _blobs(rng, means, per, rng.uniform(0.5, 2.5))
    init = x[rng.choice(len(x), k, replace=False)].copy()
    if index % 3 == 2:   # one far-away center: an empty cluster
        init[-1] = rng.uniform(40.0, 60.0, d)
    n_iters = int(rng.integers(1, 8))
    return _case(f"random_{index}", f"seeded random blobs, N={len(x)}, D={d}, K={k}, {n_iters} iterations",
                 x, init, n_iters)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for n, d, k, iters in [(1_000, 8, 8, 10), (5_000, 16, 8, 10), (20_000, 32, 16, 10)]:
        x = _blobs(rng, rng.uniform(-10.0, 10.0, (k, d)), n // k, 2.0)
        sizes.append({"label": f"N={len(x):,}, D={d}, K={k}, {iters} iterations",
                      "inputs": {"x": x, "init_centers": x[:k].copy(), "n_iters": iters},
                      # per iteration: distances 3*N*K*D (a matmul and norms), the update 2*N*K*D
                      "flops": (iters + 1) * 3 * len(x) * k * d + iters * 2 * len(x) * k * d})
    return sizes
