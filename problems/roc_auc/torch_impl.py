"""ROC AUC from average ranks with PyTorch ops, timed next to yours when torch is installed (never judged)."""
import numpy as np
import torch

torch.set_num_threads(1)


def roc_auc(scores, labels):
    s = torch.as_tensor(np.asarray(scores, dtype=np.float64))
    pos = torch.as_tensor(np.asarray(labels)) == 1
    sorted_s = torch.sort(s).values
    below = torch.searchsorted(sorted_s, s, right=False)
    through = torch.searchsorted(sorted_s, s, right=True)
    ranks = (below + through + 1).to(torch.float64) / 2.0
    n_pos = int(pos.sum())
    n_neg = s.numel() - n_pos
    u = ranks[pos].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))
