import numpy as np


def roc_auc(scores, labels):
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels)
    pos, neg = scores[labels == 1], scores[labels == 0]
    wins = (pos[:, None] >= neg[None, :]).sum()     # the mistake: a tie counts 1, not one half
    return float(wins / (len(pos) * len(neg)))
