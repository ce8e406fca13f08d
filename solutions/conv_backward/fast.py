"""Reference: convolution backward tuned for speed (read vectorized.py first: it is the readable one).

What changes from vectorized.py, and why (x (8, 16, 32, 32), w (32, 16, 3, 3), stride 1, pad 1,
one BLAS thread; benchmarks/bench_conv_rate.py measures it):

- dw is as in vectorized.py: im2col of one image, one matrix product (computed as dw.T).
- dx, at stride 1, is a convolution itself: the gradient reaching input pixel p is the sum, over
  the filters and kernel offsets, of dout at p - offset times the weight at that offset. So
  dx = (dout padded by the kernel size - 1) correlated with the filters flipped in both spatial
  axes, with the roles of C and F swapped: per kernel offset, one product (C, F) @ (F, pixels)
  added into dx. No scattered +=: those of col2im write strided pixel blocks; here every product
  lands on the whole of one contiguous (C, pixels) block.
- The right operand of each product is a slice, not a copy, by the "flat shift" trick: lay each
  padded channel out as one flat row of width Wz; moving the kernel by (ei, ej) is then moving the
  start of a contiguous slice by ei*Wz + ej. Every output row picks up Wz - W extra columns
  (computed, then dropped), and the zero padding between rows keeps those extra columns from
  leaking into real ones. (Copying the nine slices into one (F*HH*WW, pixels) block for a single
  product was slower: the copy moves more memory than the products' arithmetic saves.)

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

    dw_cols = np.zeros((K, F))                       # dw_rows.T, as in vectorized.py
    dw_n = np.empty((K, F))
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
        # w_flipped[ei, ej] = w[:, :, HH-1-ei, WW-1-ej].T, (C, F)
        w_flipped = np.ascontiguousarray(w[:, :, ::-1, ::-1].transpose(2, 3, 1, 0))
        L = H * Wz                                   # dx on rows of width Wz
        dx_wide = np.empty((N, C, H, Wz))
        term = np.empty((C, L))
    else:
        w_offsets = np.ascontiguousarray(w.transpose(2, 3, 1, 0))
        dx_offset = np.empty((C, H_out, W_out))
        dx_pad = np.zeros_like(x_pad)

    for n in range(N):
        cols[...] = windows[n].transpose(0, 3, 4, 1, 2)
        np.matmul(cols.reshape(K, H_out * W_out), dout_rows[n].T, out=dw_n)
        dw_cols += dw_n
        if S == 1:
            # dx[n, c, h, j] = sum over f, ei, ej of dout_flat[n, f, (h + P + ei) * Wz + j + P + ej]
            #                  * w_flipped[ei, ej, c, f]
            # one product per kernel offset, straight from a shifted slice of the flat rows (a
            # view: nothing is copied)
            flat = dout_flat[n]
            dx_n = dx_wide[n].reshape(C, L)
            for ei in range(HH):
                for ej in range(WW):
                    start = (P + ei) * Wz + P + ej
                    if ei == 0 and ej == 0:
                        np.matmul(w_flipped[ei, ej], flat[:, start:start + L], out=dx_n)
                    else:
                        np.matmul(w_flipped[ei, ej], flat[:, start:start + L], out=term)
                        dx_n += term
        else:
            for di in range(HH):
                for dj in range(WW):
                    np.matmul(w_offsets[di, dj], dout_rows[n], out=dx_offset.reshape(C, H_out * W_out))
                    dx_pad[n, :, di:di + S * H_out:S, dj:dj + S * W_out:S] += dx_offset

    if S == 1:
        dx = np.ascontiguousarray(dx_wide[..., :W])
    else:
        dx = np.ascontiguousarray(dx_pad[:, :, P:P + H, P:P + W])
    return dx, np.ascontiguousarray(dw_cols.T).reshape(w.shape), db
