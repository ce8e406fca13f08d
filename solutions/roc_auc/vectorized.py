"""Reference: ROC AUC as the Mann-Whitney U statistic, from average ranks (O(N log N))."""
import numpy as np


def roc_auc(scores, labels):
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    pos = np.asarray(labels).reshape(-1) == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    # Average (mid) rank of each score, 1-based: tied scores share the mean of the ranks they span.
    s = np.sort(scores)
    below = np.searchsorted(s, scores, side="left")        # strictly smaller scores
    through = np.searchsorted(s, scores, side="right")     # smaller or equal scores
    ranks = (below + through + 1) / 2.0
    # Sum of the positives' ranks, minus the smallest value it can take, counts the positive-negative
    # pairs won by the positive (ties count one half): the U statistic.
    u = ranks[pos].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))
