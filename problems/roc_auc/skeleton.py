"""drill: roc_auc — area under the ROC curve, ties counting one half.

Run `drill check roc_auc <this file>` to grade it.
Allowed imports: numpy and the Python standard library.
"""
import numpy as np


def roc_auc(scores, labels):
    """
    Area under the ROC curve, as sklearn.metrics.roc_auc_score.

    Inputs:
    - scores: float64 array of shape (N,), higher means "more likely positive"; values may repeat.
    - labels: int64 array of shape (N,), 1 for a positive and 0 for a negative; both classes occur.

    Returns:
    - auc: a float, the probability that a random positive scores higher than a random negative,
      a tie counting one half.

    Do not modify scores or labels.
    """
    raise NotImplementedError("roc_auc: count the (positive, negative) pairs the positive wins")
