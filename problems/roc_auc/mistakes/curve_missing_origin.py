import numpy as np


def roc_auc(scores, labels):
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels)
    n_pos, n_neg = (labels == 1).sum(), (labels == 0).sum()
    thresholds = np.unique(scores)[::-1]             # every distinct score, highest first
    tpr = np.array([((scores >= t) & (labels == 1)).sum() / n_pos for t in thresholds])
    fpr = np.array([((scores >= t) & (labels == 0)).sum() / n_neg for t in thresholds])
    # the mistake: the curve starts at the first threshold, not at (0, 0)
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))
