"""PyTorch's embedding backward (autograd through torch.nn.functional.embedding, a dense gradient),
timed next to yours when torch is installed (never judged)."""
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def word_embedding_forward(x, W):
    x, W = torch.from_numpy(x), torch.tensor(W, requires_grad=True)
    out = F.embedding(x, W)
    return out.detach().numpy(), (out, W)


def word_embedding_backward(dout, cache):
    out, W = cache
    (dW,) = torch.autograd.grad(out, (W,), torch.from_numpy(dout), retain_graph=True)
    return dW.numpy()
