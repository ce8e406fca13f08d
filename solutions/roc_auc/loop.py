"""Reference: ROC AUC in one pass over the sorted scores, a tie group at a time (the whiteboard version).

Definition: over all (positive, negative) pairs, the fraction the positive wins, a tie counting 1/2.
Walking the scores from the lowest up, each positive beats every negative already passed, and ties
with the negatives of its own group.
"""
import numpy as np


def roc_auc(scores, labels):
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    labels = np.asarray(labels).reshape(-1)
    order = np.argsort(scores, kind="stable")
    s, y = scores[order].tolist(), labels[order].tolist()
    n_pos = sum(1 for v in y if v == 1)
    n_neg = len(y) - n_pos
    wins = 0.0
    negatives_below = 0
    i = 0
    while i < len(s):
        j, pos_here, neg_here = i, 0, 0
        while j < len(s) and s[j] == s[i]:     # the group of scores equal to s[i]
            if y[j] == 1:
                pos_here += 1
            else:
                neg_here += 1
            j += 1
        wins += pos_here * (negatives_below + 0.5 * neg_here)   # beaten below, tied within the group
        negatives_below += neg_here
        i = j
    return wins / (n_pos * n_neg)
