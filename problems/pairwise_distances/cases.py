"""Hidden cases for pairwise_distances. Each designed case targets one edge or one known mistake.

Every case sets "atol_scale": the comparison is |got - expected| <= 1e-6 * max(1, largest row norm of
x and y), the accuracy the expanded |x|^2 + |y|^2 - 2 x.y form (clipped at 0) can promise.
"""
import numpy as np


def _case(name, why, x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    norms = [np.sqrt(np.sum(a * a, axis=1)).max(initial=0.0) for a in (x, y)]
    return {"name": name, "why": why, "inputs": {"x": x, "y": y},
            "atol_scale": float(max(1.0, *norms))}


def designed(rng):
    cases = []

    cases.append(_case("worked_example", "the statement's example: 3 points against 2, with a 3-4-5 triangle",
                       [[0.0, 0.0], [1.0, 1.0], [3.0, 4.0]], [[0.0, 0.0], [4.0, 4.0]]))

    cases.append(_case("basic_rectangular", "N = 4 rows against M = 6 rows in D = 3: the output is (4, 6), "
                       "not (6, 4) and not (4,)", rng.standard_normal((4, 3)), rng.standard_normal((6, 3))))

    # Quarter-integers: every square, sum and product is exact, so every correct method gives exactly 0
    # on the shared rows (and no method can go negative there).
    x = rng.integers(-12, 13, (5, 4)) / 4.0
    y = np.concatenate([x[[3, 0, 3]], rng.integers(-12, 13, (2, 4)) / 4.0])
    cases.append(_case("identical_rows", "y repeats rows of x (one of them twice): those distances are exactly 0",
                       x, y))

    # One nonzero coordinate per row and a gap of a few ulps: |a|^2 + |b|^2 - 2ab rounds to a negative
    # number in every order of summation (checked), while the true squared distance is ~1e-31.
    x = np.diag([0.3, 1.1, 3.7])
    y = np.zeros((4, 3))
    y[0, 0], y[1, 1], y[2, 2] = 0.30000000000000021, 1.1000000000000012, 3.7000000000000024
    y[3] = [1.0, -2.0, 0.5]
    cases.append(_case("near_duplicate_rounding", "rows a few ulps apart: the expanded form rounds to a small "
                       "negative squared distance, whose square root is NaN unless it is clipped at 0", x, y))

    # N == M, norms of x growing down the rows and norms of y shrinking: |x_i|^2 paired with |y_i|^2
    # instead of |y_j|^2 shows everywhere off the diagonal.
    x = rng.standard_normal((4, 3)) * np.array([[0.5], [2.0], [5.0], [12.0]])
    y = rng.standard_normal((4, 3)) * np.array([[9.0], [4.0], [1.0], [0.25]])
    cases.append(_case("square_distinct_norms", "N = M = 4 with very different row norms: the norms of x "
                       "belong to the rows of the output, those of y to its columns", x, y))

    center = 1e5 * rng.uniform(0.5, 1.0, 6) * rng.choice([-1.0, 1.0], 6)
    cases.append(_case("large_norms_clustered", "rows of norm ~2e5 within ~100 of each other: the expanded "
                       "form loses digits, which the tolerance (scaled by the largest norm) allows",
                       center + 30.0 * rng.standard_normal((5, 6)), center + 30.0 * rng.standard_normal((3, 6))))

    cases.append(_case("single_pair", "N = M = 1: the output is a (1, 1) array, not a scalar",
                       [[1.0, 2.0, -2.0]], [[4.0, -2.0, -2.0]]))

    cases.append(_case("one_against_many", "N = 1 query against M = 7 rows: the output is (1, 7), not (7,)",
                       rng.standard_normal((1, 5)), rng.standard_normal((7, 5))))

    cases.append(_case("one_feature", "D = 1: distances are |x_i - y_j|", rng.uniform(-5.0, 5.0, (5, 1)),
                       rng.uniform(-5.0, 5.0, (3, 1))))

    cases.append(_case("many_features", "D = 64 > N, M: the sums run over the features, never over the rows",
                       rng.standard_normal((3, 64)), rng.standard_normal((2, 64))))

    x = rng.standard_normal((3, 4)) * 3.0
    x[1] = 0.0
    y = rng.standard_normal((5, 4)) * 3.0
    y[2] = 0.0
    cases.append(_case("zero_rows", "a zero row in x and in y: its distances are the other rows' norms",
                       x, y))

    cases.append(_case("different_scales", "entries from 1e-3 to 1e3 in different features",
                       rng.standard_normal((4, 3)) * np.array([1e-3, 1.0, 1e3]),
                       rng.standard_normal((5, 3)) * np.array([1e-3, 1.0, 1e3])))
    return cases


def random_case(rng, index):
    n, m = (int(v) for v in rng.integers(1, 21, 2))
    d = int(rng.integers(1, 41))
    scale = 10.0 ** rng.uniform(-2.0, 3.0)
    offset = rng.standard_normal(d) * scale * rng.uniform(0.0, 20.0)  # up to 20 spreads from the origin
    x = offset + scale * rng.standard_normal((n, d))
    y = offset + scale * rng.standard_normal((m, d))
    return _case(f"random_{index}", f"seeded random rows, N={n}, M={m}, D={d}, spread ~{scale:.2g}", x, y)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for n, m, d, label in [(16, 64, 32, "N=16, M=64, D=32"), (64, 256, 128, "N=64, M=256, D=128"),
                           (128, 1024, 512, "kNN: 128 queries x 1024 references, D=512")]:
        sizes.append({"label": label, "inputs": {"x": rng.standard_normal((n, d)), "y": rng.standard_normal((m, d))},
                      "flops": 2 * n * m * d + 4 * n * m})
    return sizes
