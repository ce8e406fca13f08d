"""Reference: ROC AUC by its definition — compare every positive with every negative."""
import numpy as np


def roc_auc(scores, labels):
    scores = [float(s) for s in np.asarray(scores).reshape(-1)]
    labels = [int(v) for v in np.asarray(labels).reshape(-1)]
    positives = [s for s, y in zip(scores, labels) if y == 1]
    negatives = [s for s, y in zip(scores, labels) if y == 0]
    wins = 0.0
    for p in positives:
        for n in negatives:
            if p > n:
                wins += 1.0
            elif p == n:
                wins += 0.5   # a tie is a coin flip
    return wins / (len(positives) * len(negatives))
