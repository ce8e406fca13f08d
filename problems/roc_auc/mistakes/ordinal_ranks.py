import numpy as np


def roc_auc(scores, labels):
    scores = np.asarray(scores, dtype=np.float64)
    pos = np.asarray(labels) == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    # the mistake: ranks from an argsort, so tied scores get distinct ranks (here: by index, as a stable
    # sort gives them) instead of sharing their average rank
    ranks = np.empty(len(scores))
    ranks[np.argsort(scores, kind="stable")] = np.arange(1, len(scores) + 1)
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def recognise(inputs, expected, got):
    """Ties broken in some order (whatever order the sort left them in) instead of counting one half:
    the answer is a whole number of pairs over P * N, strictly between 'every tie lost' and 'every tie
    won', and not the midpoint."""
    try:
        value = float(got["auc"])
    except (TypeError, ValueError, OverflowError):
        return False
    scores = np.asarray(inputs["scores"], dtype=np.float64)
    labels = np.asarray(inputs["labels"])
    p, n = scores[labels == 1], scores[labels == 0]
    pairs = len(p) * len(n)
    wins = (p[:, None] > n[None, :]).sum()
    ties = (p[:, None] == n[None, :]).sum()
    count = value * pairs
    if not np.isfinite(count) or abs(count - round(count)) > 1e-6:
        return False
    count = round(count)
    return wins < count < wins + ties and 2 * count != 2 * wins + ties
