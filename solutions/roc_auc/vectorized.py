"""Reference: ROC AUC as the Mann-Whitney U statistic, from average ranks (O(N log N))."""
import numpy as np


def roc_auc(scores, labels):
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    pos = np.asarray(labels).reshape(-1) == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    # One sort: the distinct scores, which one each score is, and how many share it.
    _, group, counts = np.unique(scores, return_inverse=True, return_counts=True)
    # Group g covers the 1-based ranks ends[g] - counts[g] + 1 .. ends[g]; tied scores share their mean.
    ends = np.cumsum(counts)
    ranks = (ends - counts + 1 + ends) / 2.0
    # The positives' rank sum minus its smallest possible value (the positives among themselves)
    # counts the positive-negative pairs the positive wins, a tie counting one half: the U statistic.
    u = ranks[group.reshape(-1)][pos].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))
