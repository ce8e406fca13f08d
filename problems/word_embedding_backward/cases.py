"""Hidden cases for word_embedding_backward. Each designed case targets one edge or one known mistake.

Inputs: x (N, T) int64 word indices in [0, V), W (V, D) float64, dout (N, T, D) float64. The forward
pass runs on (x, W), the backward pass on dout.
"""
import numpy as np


def _case(name, why, x, W, dout):
    return {"name": name, "why": why, "inputs": {"x": np.array(x, dtype=np.int64), "W": np.array(W, dtype=np.float64),
                                                 "dout": np.array(dout, dtype=np.float64)}}


def _with(rng, name, why, x, V, D):
    x = np.array(x, dtype=np.int64)
    return _case(name, why, x, rng.standard_normal((V, D)), rng.standard_normal(x.shape + (D,)))


def designed(rng):
    cases = []
    N, T, V, D = 2, 4, 5, 3
    cases.append(_case(
        "cs231n_notebook", "cs231n's word_embedding_forward check (the notebook publishes out): words 0..3 each "
        "appear twice, word 4 never", [[0, 3, 1, 2], [2, 1, 0, 3]], np.linspace(0, 1, num=V * D).reshape(V, D),
        np.linspace(-1.0, 1.0, num=N * T * D).reshape(N, T, D)))

    # Fixed numbers, word 1 three times, word 3 never: dW is linear in dout, so centered differences
    # are exact up to round-off (~1e-10 cs231n error).
    cases.append(_case("gradcheck_small", "N=2, T=3, V=4, D=2 with a repeated and an unused word, small enough "
                       "for a numerical gradient check", [[1, 0, 1], [2, 1, 0]],
                       [[0.5, -0.3], [1.2, 0.7], [-0.8, 0.4], [0.1, -1.1]],
                       [[[0.3, -0.6], [1.0, 0.2], [-0.4, 0.9]], [[0.7, 0.5], [-1.2, 0.8], [0.6, -0.3]]]))

    cases.append(_with(rng, "repeated_in_one_sequence", "one sentence using word 1 three times in a row: all three "
                       "gradients add up in dW[1]", [[1, 1, 1, 2]], 4, 3))

    cases.append(_with(rng, "repeated_across_batch", "words 0 and 2 at the same positions in every sentence of the "
                       "batch: their rows collect one gradient per sentence", [[0, 2], [0, 2], [0, 3]], 4, 3))

    cases.append(_with(rng, "all_same_word", "every position holds word 2: dW[2] is the sum of all of dout, every "
                       "other row is exactly 0", np.full((3, 4), 2), 4, 2))

    cases.append(_with(rng, "unused_rows", "V = 10 but only words 1, 4 and 7 occur: the seven other rows of dW are "
                       "exactly 0", [[1, 4, 7, 4], [7, 7, 1, 4]], 10, 3))

    cases.append(_with(rng, "no_repeats", "every word at most once: each row of dW is one row of dout or 0",
                       rng.permutation(8).reshape(2, 4), 10, 3))

    cases.append(_with(rng, "single_token", "N = T = 1: dW has one non-zero row", [[3]], 5, 4))

    cases.append(_with(rng, "first_and_last_word", "the boundary indices 0 and V - 1 (V = 6), each twice",
                       [[0, 5, 2], [5, 0, 3]], 6, 3))

    # x[n, t] = (n + 2 t) mod 7: no two positions of x and x.T agree, so pairing x in time-major
    # order with dout in batch-major order (or the reverse) sends gradients to the wrong words.
    N, T, V = 3, 5, 7
    x = (np.arange(N)[:, None] + 2 * np.arange(T)[None, :]) % V
    cases.append(_with(rng, "batch_ne_time", "N = 3 sentences of T = 5 words: x and dout must be paired position "
                       "by position, batch-major", x, V, 4))

    cases.append(_with(rng, "larger_vocab", "N = 4, T = 6 over a vocabulary of 50: a few repeats, many unused rows",
                       rng.integers(0, 50, (4, 6)), 50, 5))
    return cases


def random_case(rng, index):
    N, T, V, D = int(rng.integers(1, 9)), int(rng.integers(1, 11)), int(rng.integers(1, 31)), int(rng.integers(1, 9))
    return _with(rng, f"random_{index}", f"seeded random batch, N={N}, T={T}, V={V}, D={D}",
                 rng.integers(0, V, (N, T)), V, D)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for N, T, V, D in [(16, 8, 200, 32), (64, 16, 1004, 128), (128, 16, 10000, 256)]:
        x = rng.integers(0, V, (N, T))
        sizes.append({"label": f"N={N}, T={T}, V={V}, D={D}",
                      "inputs": {"x": x, "W": rng.standard_normal((V, D)), "dout": rng.standard_normal((N, T, D))},
                      # memory-bound: the forward gather reads and writes N*T rows, the backward zeroes
                      # dW and adds N*T rows into it
                      "flops": None, "bytes": 8 * (4 * N * T * D + 2 * V * D + 2 * N * T)})
    return sizes
