"""Hidden cases for softmax_loss. Each designed case targets one edge or one known mistake.

Every case calls softmax_loss(x, y); loss and dx are judged. Labels are int64 arrays.
"""
import numpy as np


def _case(name, why, x, y):
    return {"name": name, "why": why, "inputs": {"x": np.asarray(x, dtype=np.float64),
                                                 "y": np.asarray(y, dtype=np.int64)}}


def designed(rng):
    cases = []
    # Fixed numbers: a smooth function, so centered differences give ~1e-10 relative error.
    x = np.array([[0.3, -1.2, 0.8, 0.1], [1.5, 0.2, -0.4, -0.9], [-0.6, 0.7, 0.0, 1.1]])
    cases.append(_case("gradcheck_small", "N = 3, C = 4: small enough for a numerical gradient check of the loss",
                       x, [2, 0, 3]))
    cases.append(_case("basic", "N = 6, C = 5, scores ~ N(0, 2^2): the plain case", 2.0 * rng.standard_normal((6, 5)),
                       [0, 4, 2, 2, 1, 3]))
    cases.append(_case("batch_of_1", "N = 1: the mean over the batch is the single row's loss",
                       rng.standard_normal((1, 5)), [3]))
    cases.append(_case("two_classes", "C = 2: softmax of two scores is a sigmoid of their difference",
                       3.0 * rng.standard_normal((4, 2)), [0, 1, 1, 0]))
    # Scores of magnitude 1e4: exp overflows (inf) or underflows (0) unless each row is shifted by its max.
    offsets = np.round(rng.uniform(-3.0, 3.0, (4, 4)), 2)
    x = np.array([[1e4], [-1e4], [1e4], [-1e4]]) + offsets
    cases.append(_case("huge_scores_1e4", "rows of scores around +1e4 and -1e4: finite only with each row "
                       "shifted by its own maximum", x, [1, 3, 0, 2]))
    # Fixed numbers around -740, where exp gives subnormal numbers with 2-3 significant digits.
    x = np.array([[-740.0, -739.2, -741.5, -740.6], [-738.9, -740.3, -739.6, -741.0]])
    cases.append(_case("very_negative_scores", "all scores near -740: exp of the raw scores is subnormal and "
                       "imprecise (finite but wrong); shifted, they are fine", x, [1, 2]))
    # Row maxima 740 apart: a batch-wide shift pushes the second row into exp's subnormal range.
    x = np.array([[700.0, 701.5, 699.2], [-40.0, -38.7, -41.3]])
    cases.append(_case("rows_far_apart", "one row near 700, one near -40: fine per row, wrong if the whole batch "
                       "is shifted by its single maximum", x, [0, 2]))
    x = np.array([[-742.3, -741.1, -743.0, -741.8, -742.6]])
    cases.append(_case("very_negative_single_row", "one row of scores near -742: exp of the raw scores keeps only "
                       "one or two significant digits", x, [3]))
    x = np.array([[300.0, 299.1, 301.2], [-440.1, -439.6, -441.0], [-440.5, -441.2, -439.9]])
    cases.append(_case("one_row_far_above", "one row near 300 and two near -440: each row is harmless alone, "
                       "a shift by the batch maximum puts the lower rows near exp(-741)", x, [2, 1, 0]))
    cases.append(_case("equal_scores", "every score of a row equal (a tie over all classes): loss = log(C), "
                       "p = 1/C", np.repeat(rng.uniform(-5.0, 5.0, (3, 1)), 4, axis=1), [0, 3, 1]))
    x = rng.standard_normal((4, 5))
    y = np.array([2, 0, 4, 1])
    x[np.arange(4), y] += 40.0
    cases.append(_case("confident_correct", "the correct class leads by ~40: the loss is ~1e-17, dx ~1e-18 off "
                       "the labels", x, y))
    x = rng.standard_normal((3, 4))
    y = np.array([1, 3, 0])
    x[np.arange(3), y] -= 60.0
    cases.append(_case("confident_wrong", "the correct class trails by ~60: loss ~60, p[y] ~1e-26, dx ~ -1/N at "
                       "the labels", x, y))
    cases.append(_case("same_label", "every example has label 2: the -1 goes to the same column in every row",
                       rng.standard_normal((5, 3)), [2, 2, 2, 2, 2]))
    cases.append(_case("many_classes", "C = 50 classes for N = 3", rng.standard_normal((3, 50)), [0, 49, 17]))
    return cases


def random_case(rng, index):
    n = int(rng.integers(1, 17))
    c = int(rng.integers(2, 21))
    scale = 10.0 ** rng.uniform(-1.0, 2.0)
    x = scale * rng.standard_normal((n, c)) + rng.uniform(-50.0, 50.0)
    return _case(f"random_{index}", f"seeded random scores, N={n}, C={c}, spread ~{scale:.2g}",
                 x, rng.integers(0, c, n))


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    # CIFAR-10 batches, then an ImageNet classifier head: 256 examples, 1000 classes
    for n, c in [(64, 10), (256, 100), (256, 1000)]:
        sizes.append({"label": f"N={n}, C={c}", "inputs": {"x": 3.0 * rng.standard_normal((n, c)),
                                                          "y": rng.integers(0, c, n)},
                      "flops": None, "bytes": 2 * 8 * n * c + 8 * n})   # read x and y, write dx
    return sizes
