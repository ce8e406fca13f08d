"""Reference: softmax cross-entropy, one row (one example) at a time.

For row i with scores s and label c:
    loss_i = log(sum_j exp(s_j)) - s_c              (= -log softmax(s)_c)
    d loss_i / d s_j = softmax(s)_j - [j == c]
The batch loss is the mean of the loss_i, so every row's gradient is divided by N.
log-sum-exp is computed as m + log(sum_j exp(s_j - m)) with m = max_j s_j: no overflow, no underflow.
"""
import math

import numpy as np


def softmax_loss(x, y):
    N, C = x.shape
    loss = 0.0
    dx = np.empty((N, C))
    for i in range(N):
        m = max(x[i, j] for j in range(C))
        z = sum(math.exp(x[i, j] - m) for j in range(C))    # >= 1: the max term is exp(0)
        log_z = m + math.log(z)
        c = int(y[i])
        loss += log_z - x[i, c]
        for j in range(C):
            p = math.exp(x[i, j] - log_z)
            dx[i, j] = (p - (1.0 if j == c else 0.0)) / N
    return loss / N, dx
