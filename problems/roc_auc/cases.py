"""Hidden cases for roc_auc. Each designed case targets one edge or one known mistake.

Ties are placed on purpose (equal float64 values), so they are ties for every implementation.
"""
import numpy as np


def _case(name, why, scores, labels):
    return {"name": name, "why": why, "inputs": {"scores": np.asarray(scores, dtype=np.float64),
                                                 "labels": np.asarray(labels, dtype=np.int64)}}


def designed(rng):
    cases = []
    cases.append(_case("sklearn_doc_example", "scikit-learn's documented example: AUC 0.75",
                       [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]))
    cases.append(_case("perfect_separation", "every positive above every negative: exactly 1.0",
                       [0.9, 0.2, 0.8, 0.1, 0.95, 0.3], [1, 0, 1, 0, 1, 0]))
    cases.append(_case("perfectly_inverted", "every negative above every positive: exactly 0.0 "
                       "(not 1.0: direction matters)", [0.1, 0.9, 0.2, 0.7, 0.8], [1, 0, 1, 0, 0]))
    cases.append(_case("all_scores_tied", "one score for everyone: every pair is a tie, the AUC is 0.5 "
                       "(a coin flip)", [0.3] * 7, [1, 0, 0, 1, 0, 1, 0]))
    # Tie group at 0.5: neg, pos, pos (positives after the negative, by index); tie group at 0.2: pos, neg.
    cases.append(_case("cross_class_ties_by_index", "two tie groups across the classes, ordered so that "
                       "breaking ties by position (ranks from an argsort) wins 2 of the 3 tied pairs instead "
                       "of 1.5", [0.5, 0.9, 0.5, 0.5, 0.2, 0.2, 0.05], [0, 1, 1, 1, 1, 0, 0]))
    cases.append(_case("ties_within_one_class", "ties only among positives and only among negatives: "
                       "they never meet across the classes, so they do not matter",
                       [0.7, 0.7, 0.7, 0.2, 0.2, 0.4, 0.9], [1, 1, 1, 0, 0, 0, 1]))
    cases.append(_case("top_score_shared", "the highest score is shared by positives and a negative: the "
                       "ROC curve's first point is already off the axes, so it must start at (0, 0)",
                       [0.9, 0.9, 0.9, 0.9, 0.6, 0.3, 0.6, 0.1], [1, 0, 1, 1, 0, 0, 1, 1]))
    cases.append(_case("single_positive", "one positive among 9 negatives, tied with three of them: the "
                       "AUC is its average rank among the negatives",
                       [0.1, 0.35, 0.35, 0.35, 0.6, 0.2, 0.05, 0.8, 0.35, 0.4],
                       [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]))
    cases.append(_case("single_negative", "one negative among 6 positives, tied with three of them",
                       [0.4, 0.9, 0.4, 0.1, 0.4, 0.4, 0.3], [1, 1, 0, 1, 1, 1, 1]))
    # 40 integer scores in 4 levels, both classes at every level: many cross-class ties.
    levels = np.repeat(np.arange(4.0), 10)
    labels = np.tile(np.array([1, 0, 0, 1, 0, 1, 1, 0, 0, 0]), 4)
    labels[:10] = [0, 0, 1, 0, 0, 0, 0, 1, 0, 0]  # fewer positives at the lowest level
    perm = rng.permutation(40)
    cases.append(_case("integer_scores_many_ties", "40 scores in 4 integer levels, both classes at each "
                       "level, shuffled", levels[perm], labels[perm]))
    cases.append(_case("huge_and_negative_scores", "scores of any sign and magnitude (logits, -1e12 to 1e12): "
                       "only their order matters", [-1e12, 3.5, 1e12, -7.0, 0.0, -0.5, 2e11, -3e-9],
                       [0, 1, 1, 0, 1, 0, 0, 1]))
    n = 150
    labels = (rng.random(n) < 0.3).astype(np.int64)
    labels[:2] = [0, 1]
    scores = rng.normal(0.0, 1.0, n) + 1.2 * labels
    cases.append(_case("continuous_scores_imbalanced", "150 continuous scores, about 30% positives, no ties",
                       scores, labels))
    return cases


def random_case(rng, index):
    n = int(rng.integers(2, 120))
    labels = (rng.random(n) < rng.uniform(0.1, 0.9)).astype(np.int64)
    labels[rng.choice(n, 2, replace=False)] = [0, 1]   # at least one of each class
    scores = rng.normal(0.0, 1.0, n) + rng.uniform(0.0, 2.0) * labels
    if index % 2:  # rounded scores: ties across the classes
        scores = np.round(scores, 1)
    return _case(f"random_{index}", f"seeded random scores, N={n}, {int(labels.sum())} positives"
                 + (", rounded (ties)" if index % 2 else ""), scores, labels)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for n in [1_000, 10_000, 100_000]:
        labels = (rng.random(n) < 0.2).astype(np.int64)
        scores = np.round(rng.normal(0.0, 1.0, n) + labels, 3)   # 3 decimals: ties, as real scores have
        sizes.append({"label": f"N={n:,}", "inputs": {"scores": scores, "labels": labels},
                      # a sort and a few passes: memory-bound, not a flop count
                      "flops": None, "bytes": 16 * n})
    return sizes
