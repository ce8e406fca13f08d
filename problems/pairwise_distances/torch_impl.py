"""PyTorch's take on pairwise_distances (torch.cdist), timed next to yours when torch is installed
(never judged). cdist switches to the matrix-product form for more than 25 rows, like the no-loop
answer."""
import torch

torch.set_num_threads(1)


def pairwise_distances(x, y):
    return torch.cdist(torch.from_numpy(x), torch.from_numpy(y)).numpy()
