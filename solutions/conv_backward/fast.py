"""Reference: convolution backward tuned for speed (read vectorized.py first: it is the readable one).

What changes from vectorized.py, and why (x (8, 16, 32, 32), w (32, 16, 3, 3), stride 1, pad 1,
one BLAS thread; benchmarks/bench_conv_rate.py measures it):

- dw is unchanged: im2col of one image, one matrix product.
- dx, at stride 1, is a convolution itself: the gradient reaching input pixel p is the sum, over
  the filters and kernel offsets, of dout at p - offset times the weight at that offset. So
  dx = (dout padded by the kernel size - 1) correlated with the filters flipped in both spatial
  axes, with the roles of C and F swapped. One product (C, F*HH*WW) @ (F*HH*WW, pixels) replaces
  the product (C*HH*WW, F) @ (F, pixels) and the nine scattered += of col2im. Those += read and
  write a (C*HH*WW, pixels) block that does not fit in the cache; the correlation writes only
  (C, pixels).
- The columns of that product are built by the "flat shift" trick: lay each padded channel out as
  one flat row of width Wz; moving the kernel by (ei, ej) is then moving the start of a contiguous
  slice by ei*Wz + ej. Every output row picks up Wz - W extra columns (computed, then dropped),
  and the zero padding between rows keeps those extra columns from leaking into real ones.

Other strides keep the col2im of vectorized.py.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv_forward(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), mode="constant")
    windows = sliding_window_view(x_pad, (HH, WW), axis=(2, 3))[:, :, ::S, ::S]
    H_out, W_out = windows.shape[2], windows.shape[3]
    w_rows = w.reshape(F, C * HH * WW)
    cols = np.empty((C, HH, WW, H_out, W_out))
    out = np.empty((N, F, H_out * W_out))
    for n in range(N):
        cols[...] = windows[n].transpose(0, 3, 4, 1, 2)
        np.matmul(w_rows, cols.reshape(C * HH * WW, H_out * W_out), out=out[n])
    out += b[:, None]
    return out.reshape(N, F, H_out, W_out), (x, w, b, conv_param)


def conv_backward(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    _, _, H_out, W_out = dout.shape
    K = C * HH * WW
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), mode="constant")
    windows = sliding_window_view(x_pad, (HH, WW), axis=(2, 3))[:, :, ::S, ::S]
    dout_rows = dout.reshape(N, F, H_out * W_out)
    db = dout_rows.sum(axis=(0, 2))

    dw_rows = np.zeros((F, K))
    dw_n = np.empty((F, K))
    cols = np.empty((C, HH, WW, H_out, W_out))
    if S == 1:
        # dout with HH-1 zero rows above and below and WW-1 zero columns on its left; the row to
        # its right is the next row's left padding (flat layout). One spare row absorbs the last
        # shifts.
        Wz = W_out + WW - 1
        Hz = H_out + 2 * (HH - 1) + 1
        dout_flat = np.zeros((N, F, Hz, Wz))
        dout_flat[:, :, HH - 1:HH - 1 + H_out, WW - 1:] = dout
        dout_flat = dout_flat.reshape(N, F, Hz * Wz)
        # w_flipped[c, f, ei, ej] = w[f, c, HH-1-ei, WW-1-ej]
        w_flipped = np.ascontiguousarray(w[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)).reshape(C, F * HH * WW)
        L = H * Wz                                   # dx on rows of width Wz
        dout_cols = np.empty((F, HH, WW, L))
        dx_wide = np.empty((N, C, H, Wz))
    else:
        w_cols = np.ascontiguousarray(w.reshape(F, K).T)
        dcols = np.empty((C, HH, WW, H_out, W_out))
        dx_pad = np.zeros_like(x_pad)

    for n in range(N):
        cols[...] = windows[n].transpose(0, 3, 4, 1, 2)
        np.matmul(dout_rows[n], cols.reshape(K, H_out * W_out).T, out=dw_n)
        dw_rows += dw_n
        if S == 1:
            # dx[n, c, h, j] = sum over f, ei, ej of dout_flat[n, f, (h + P + ei) * Wz + j + P + ej]
            #                  * w_flipped[c, f, ei, ej]
            flat = dout_flat[n]
            for ei in range(HH):
                for ej in range(WW):
                    start = (P + ei) * Wz + P + ej
                    dout_cols[:, ei, ej] = flat[:, start:start + L]
            np.matmul(w_flipped, dout_cols.reshape(F * HH * WW, L), out=dx_wide[n].reshape(C, L))
        else:
            np.matmul(w_cols, dout_rows[n], out=dcols.reshape(K, H_out * W_out))
            for di in range(HH):
                for dj in range(WW):
                    dx_pad[n, :, di:di + S * H_out:S, dj:dj + S * W_out:S] += dcols[:, di, dj]

    if S == 1:
        dx = np.ascontiguousarray(dx_wide[..., :W])
    else:
        dx = np.ascontiguousarray(dx_pad[:, :, P:P + H, P:P + W])
    return dx, dw_rows.reshape(w.shape), db
