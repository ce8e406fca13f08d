import numpy as np


def roc_auc(scores, labels):
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels)
    pos, neg = scores[labels == 1], scores[labels == 0]
    # the mistake: counts the pairs where the NEGATIVE scores higher (an ascending sort where a descending
    # one was meant): 1 - AUC
    wins = (neg[:, None] > pos[None, :]).sum() + 0.5 * (neg[:, None] == pos[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))
