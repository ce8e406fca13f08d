"""PyTorch's softmax, timed next to yours when torch is installed (never judged)."""
import torch

torch.set_num_threads(1)


def softmax(x, axis=-1):
    return torch.softmax(torch.from_numpy(x), dim=axis).numpy()
