"""Compare one returned value with the expected one, and say what is wrong in words.

What is compared follows the type of the expected (reference) value:
- float arrays and scalars: type, shape, dtype kind, precision, NaN/Inf, then values, which pass when,
  elementwise, |got - expected| <= atol * scale + rtol * |expected| with scale = max(1, max|expected|)
  (or max(1, atol_scale) when a case states its own scale);
- integer and bool arrays (indices, labels, masks) and Python ints: exactly;
- dicts (an optimizer's state): every key of the expected dict, each by these rules.
The first failure is the message, in words.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Opaque:
    """A value the worker could only describe (a str, an object, ...)."""

    pytype: str
    text: str

    def __repr__(self):
        return self.text


@dataclass
class Comparison:
    ok: bool
    message: str = ""
    max_abs_error: float | None = None
    max_rel_error: float | None = None
    worst_index: tuple | None = None
    expected_at_worst: float | None = None
    got_at_worst: float | None = None

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None and k != "ok"}


def _type_words(value) -> str:
    if value is None:
        return "None (is a `return` missing?)"
    if isinstance(value, Opaque):
        return f"a {value.pytype} ({value.text[:60]})"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of {len(value)} items"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return f"a {type(value).__name__} ({value!r})"


def _fmt(x: float) -> str:
    return f"{x:.6g}"


def _fmt_pair(a: float, b: float) -> tuple[str, str]:
    """Two numbers with just enough digits to show that they differ."""
    for digits in (6, 8, 10, 12, 14, 17):
        sa, sb = f"{a:.{digits}g}", f"{b:.{digits}g}"
        if sa != sb:
            return sa, sb
    return sa, sb


def compare(name: str, got, expected, rtol: float, atol: float, atol_scale: float | None = None) -> Comparison:
    if isinstance(expected, dict):
        return _compare_dict(name, got, expected, rtol, atol, atol_scale)
    if isinstance(expected, np.ndarray) and expected.ndim > 0:
        if expected.dtype.kind in "biu":
            return _compare_exact_array(name, got, expected)
        return _compare_array(name, got, expected, rtol, atol, atol_scale)
    if isinstance(expected, (bool, np.bool_)) or (isinstance(expected, np.ndarray) and expected.dtype.kind == "b"):
        return _compare_exact_scalar(name, got, bool(expected))
    if isinstance(expected, (int, np.integer)) or (isinstance(expected, np.ndarray) and expected.dtype.kind in "iu"):
        return _compare_exact_scalar(name, got, int(expected))
    return _compare_scalar(name, got, float(expected), rtol, atol, atol_scale)


def _compare_dict(name, got, expected: dict, rtol, atol, atol_scale) -> Comparison:
    if not isinstance(got, dict):
        return Comparison(False, f"{name} is {_type_words(got)}; expected a dict with keys "
                                 f"{', '.join(map(repr, expected))}")
    for key, value in expected.items():
        label = f"{name}[{key!r}]"
        if key not in got:
            return Comparison(False, f"{name} has no key {key!r}")
        result = compare(label, got[key], value, rtol, atol, atol_scale)
        if not result.ok:
            return result
    return Comparison(True)


def _compare_exact_scalar(name, got, expected) -> Comparison:
    if isinstance(got, np.ndarray) and got.ndim == 0:
        got = got[()]
    kind = "bool" if isinstance(expected, bool) else "int"
    if isinstance(got, (float, np.floating)) and float(got).is_integer() and kind == "int":
        got = int(got)  # t = 3.0 for t = 3 is the same count
    if kind == "bool" and not isinstance(got, (bool, np.bool_)):
        return Comparison(False, f"{name} is {_type_words(got)}; expected the bool {expected}")
    if kind == "int" and (isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, np.integer))):
        return Comparison(False, f"{name} is {_type_words(got)}; expected the int {expected}")
    if got != expected:
        return Comparison(False, f"{name} is {got}; expected {expected}", max_abs_error=float(abs(int(got) - int(expected))))
    return Comparison(True, max_abs_error=0.0)


def _compare_exact_array(name, got, expected: np.ndarray) -> Comparison:
    words = "bool" if expected.dtype.kind == "b" else "integer"
    if not isinstance(got, np.ndarray):
        extra = " (wrap it in np.array(..., dtype=np.int64))" if isinstance(got, (list, tuple)) else ""
        return Comparison(False, f"{name} is {_type_words(got)}; expected a numpy {words} array of shape "
                                 f"{expected.shape}{extra}")
    if got.shape != expected.shape:
        return Comparison(False, f"{name} has shape {got.shape}; expected {expected.shape}")
    if (words == "integer" and got.dtype.kind not in "iu") or (words == "bool" and got.dtype.kind != "b"):
        return Comparison(False, f"{name} has dtype {got.dtype}; expected {words} values ({expected.dtype})")
    differs = got != expected
    if not differs.any():
        return Comparison(True, max_abs_error=0.0)
    first = tuple(int(i) for i in np.argwhere(differs)[0]) if expected.ndim else ()
    return Comparison(False, f"{name} differs at {int(differs.sum())} of {expected.size} positions; first at "
                             f"{list(first)}: expected {expected[first]}, got {got[first]}",
                      worst_index=first, expected_at_worst=float(expected[first]), got_at_worst=float(got[first]))


def _compare_scalar(name, got, expected: float, rtol, atol, atol_scale=None) -> Comparison:
    if isinstance(got, np.ndarray) and got.ndim == 0:
        got = got[()]
    if isinstance(got, bool) or isinstance(got, np.bool_):
        return Comparison(False, f"{name} is a bool ({got}); expected a float")
    if isinstance(got, (int, np.integer)):
        if abs(int(got)) < 2**53 and float(got) == expected:
            return Comparison(True, max_abs_error=0.0, max_rel_error=0.0)  # `return 0` for disjoint boxes is fine
        return Comparison(False, f"{name} is the int {str(got)[:20]}; expected the float {_fmt(expected)} "
                                 "(integer or floor division?)")
    if isinstance(got, np.floating) and got.dtype.itemsize < 8:
        return Comparison(False, f"{name} is {got.dtype} ({got}); expected a float64: precision was lost")
    if not isinstance(got, (float, np.floating)):
        return Comparison(False, f"{name} is {_type_words(got)}; expected a float")
    value = float(got)
    if not np.isfinite(value) and np.isfinite(expected):
        return Comparison(False, f"{name} is {value}; expected {_fmt(expected)}")
    if np.isnan(expected):
        ok = np.isnan(value)
        return Comparison(ok, "" if ok else f"{name} is {_fmt(value)}; expected nan")
    error = abs(value - expected)
    scale = max(1.0, abs(expected) if atol_scale is None else atol_scale)
    tolerance = atol * scale + rtol * abs(expected)
    rel = error / abs(expected) if expected else (0.0 if error == 0 else float("inf"))
    result = Comparison(error <= tolerance, max_abs_error=error, max_rel_error=rel,
                        expected_at_worst=expected, got_at_worst=value)
    if not result.ok:
        shown, wanted = _fmt_pair(value, expected)
        result.message = f"{name} is {shown}; expected {wanted} (error {error:.2e}, allowed {tolerance:.1e})"
    return result


def _compare_array(name, got, expected: np.ndarray, rtol, atol, atol_scale=None) -> Comparison:
    if not isinstance(got, np.ndarray):
        if isinstance(got, (list, tuple)):
            return Comparison(False, f"{name} is {_type_words(got)}; expected a numpy array of shape "
                                     f"{expected.shape} (wrap it in np.array)")
        return Comparison(False, f"{name} is {_type_words(got)}; expected a numpy array of shape {expected.shape}")
    if got.shape != expected.shape:
        return Comparison(False, f"{name} has shape {got.shape}; expected {expected.shape}")
    if got.dtype.kind not in "f":
        hint = " (a complex result?)" if got.dtype.kind == "c" else " (integer arithmetic or np.zeros(..., dtype=int)?)"
        return Comparison(False, f"{name} has dtype {got.dtype}; expected {expected.dtype}" +
                          (hint if got.dtype.kind in "biuc" else ""))
    if got.dtype.itemsize < expected.dtype.itemsize:
        return Comparison(False, f"{name} is {got.dtype} but float64 went in: precision was silently lost "
                                 "(an astype, or an array created as float32?)")
    got = got.astype(np.float64, copy=False)
    bad = ~np.isfinite(got) & np.isfinite(expected)
    if bad.any():
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        nans, infs = int(np.isnan(got[bad]).sum()), int(np.isinf(got[bad]).sum())
        words = " and ".join(w for w in (f"{nans} NaN" if nans else "", f"{infs} Inf" if infs else "") if w)
        return Comparison(False, f"{name} contains {words} value(s) (first at {list(first)}); "
                                 "a division by zero or a missing eps?", worst_index=first)
    if expected.size == 0:
        return Comparison(True)
    error = np.abs(got - expected)
    scale = float(np.max(np.abs(expected))) if atol_scale is None else atol_scale
    tolerance = atol * max(1.0, scale) + rtol * np.abs(expected)
    worst = np.unravel_index(int(np.argmax(error - tolerance)), expected.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.where(expected != 0, error / np.abs(expected), np.where(error == 0, 0.0, np.inf))
    result = Comparison(
        bool(np.all(error <= tolerance)), max_abs_error=float(error.max()), max_rel_error=float(rel.max()),
        worst_index=tuple(int(i) for i in worst), expected_at_worst=float(expected[worst]),
        got_at_worst=float(got[worst]),
    )
    if not result.ok:
        wrong = int(np.count_nonzero(error > tolerance))
        got_text, expected_text = _fmt_pair(result.got_at_worst, result.expected_at_worst)
        result.message = (f"{name} is wrong at {wrong} of {expected.size} positions; worst at "
                          f"{list(result.worst_index)}: expected {expected_text}, got "
                          f"{got_text} (max abs error {result.max_abs_error:.2e})")
    return result


def same_value(a, b, rtol: float, atol: float) -> bool:
    """Whether two returned values agree (used to match a known mistake's output)."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() <= b.keys() and all(same_value(a[k], b[k], rtol, atol) for k in a)
    if isinstance(a, np.ndarray) and a.ndim > 0 and a.dtype.kind in "biu":
        return isinstance(b, np.ndarray) and b.shape == a.shape and b.dtype.kind in "biu" and bool(np.all(a == b))
    if isinstance(a, np.ndarray) and a.ndim > 0:
        if not (isinstance(b, np.ndarray) and b.shape == a.shape
                and a.dtype.kind in "fiu" and b.dtype.kind in "fiu"):
            return False
        return _close_with_nans(a.astype(np.float64), b.astype(np.float64), rtol, atol)
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError, OverflowError):
        return False
    if np.isnan(fa) or np.isnan(fb):
        return bool(np.isnan(fa) and np.isnan(fb))
    return abs(fa - fb) <= atol * max(1.0, abs(fa)) + rtol * abs(fa)


def _close_with_nans(a, b, rtol, atol) -> bool:
    same_nan = np.isnan(a) == np.isnan(b)
    if not same_nan.all():
        return False
    finite = ~np.isnan(a)
    if not finite.any():
        return True
    scale = max(1.0, float(np.max(np.abs(a[finite]))))
    return bool(np.all(np.abs(a[finite] - b[finite]) <= atol * scale + rtol * np.abs(a[finite])))
