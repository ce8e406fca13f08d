"""The wire format between the judge and its workers: arrays as raw bytes in a side file with an
index (no pickle, no npz), everything else as JSON. Worker -> judge values are rebuilt by
`decode_value`, and whatever is malformed becomes an Opaque value, never an exception.

Kept out of drill.sandbox so that starting a worker needs no numpy in the judge."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from drill.compare import Opaque


def value_nbytes(value) -> int:
    """About how many bytes a value of arrays, numbers and containers takes."""
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, (list, tuple)):
        return sum(value_nbytes(v) for v in value) + 8 * len(value)
    if isinstance(value, dict):
        return sum(value_nbytes(v) for v in value.values())
    return 8


ARRAY_KINDS = "biufc"  # bool, ints, floats, complex: plain numbers only


def load_arrays(path: Path, index, max_bytes: int) -> dict[str, np.ndarray]:
    """Read the raw arrays a worker wrote, as its index describes them, refusing anything malformed
    or larger than `max_bytes` before reading a byte of it."""
    if not index:
        return {}
    if not isinstance(index, dict) or len(index) > 100_000:
        raise ValueError("the array index is not a mapping")
    size = path.stat().st_size
    if size > max_bytes:
        raise ResultTooLarge(size, max_bytes)
    layout = {}
    for key, entry in index.items():
        if not isinstance(key, str) or not isinstance(entry, dict):
            raise ValueError("malformed array entry")
        dtype = np.dtype(str(entry.get("dtype")))
        shape, offset, nbytes = entry.get("shape"), entry.get("offset"), entry.get("nbytes")
        if dtype.kind not in ARRAY_KINDS or not isinstance(shape, list) or len(shape) > 32 or \
                not all(type(n) is int and n >= 0 for n in shape) or type(offset) is not int or type(nbytes) is not int:
            raise ValueError("malformed array entry")
        count = int(np.prod(shape, dtype=np.float64))
        if count * dtype.itemsize != nbytes or offset < 0 or offset + nbytes > size:
            raise ValueError("inconsistent array entry")
        layout[key] = (dtype, shape, offset, count)
    data = path.read_bytes()
    return {key: np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(shape)
            for key, (dtype, shape, offset, count) in layout.items()}


def write_arrays(path: Path, arrays: dict) -> dict:
    """Judge -> worker: the arrays' raw bytes one after the other, and the index to read them with
    (the same layout the worker sends its results in)."""
    index, offset = {}, 0
    with open(path, "wb") as handle:
        for key, array in arrays.items():
            data = array if array.flags.c_contiguous else np.ascontiguousarray(array)  # (keeps 0-d arrays 0-d)
            handle.write(data.tobytes())
            index[key] = {"dtype": data.dtype.str, "shape": list(data.shape), "offset": offset, "nbytes": data.nbytes}
            offset += data.nbytes
    return index


class ResultTooLarge(ValueError):
    def __init__(self, size: int, limit: int):
        super().__init__(f"the result is {size / 1024**2:.1f} MB, far more than the expected outputs ({limit / 1024**2:.1f} MB at most)")


class _Encoder:
    """Judge -> worker: inputs as JSON with arrays moved to a side file by key."""

    def __init__(self):
        self.arrays: dict[str, np.ndarray] = {}

    def encode(self, value):
        if isinstance(value, np.ndarray):
            key = f"a{len(self.arrays)}"
            self.arrays[key] = value
            return {"__array__": key}
        if isinstance(value, np.generic):
            return value.item()
        if isinstance(value, tuple):
            return {"__tuple__": [self.encode(v) for v in value]}
        if isinstance(value, list):
            return [self.encode(v) for v in value]
        if isinstance(value, dict):
            return {str(k): self.encode(v) for k, v in value.items()}
        return value


def encode_inputs(inputs: dict) -> tuple[dict, dict]:
    encoder = _Encoder()
    return {name: encoder.encode(v) for name, v in inputs.items()}, encoder.arrays


def decode_value(description, arrays: dict):
    """Worker -> judge: rebuild plain values from the worker's JSON descriptions."""
    try:
        return _decode(description, arrays)
    except (TypeError, ValueError, AttributeError, RecursionError):
        return Opaque("malformed value", "?")


def _decode(description, arrays: dict):
    if not isinstance(description, dict):
        return Opaque("unknown", repr(description)[:100])
    kind = description.get("type")
    if kind == "array":
        return arrays.get(description.get("key"), Opaque("missing array", "?"))
    if kind == "npscalar":
        value = arrays.get(description.get("key"))
        return value[()] if isinstance(value, np.ndarray) else Opaque("missing array", "?")
    if kind in ("float", "int", "bool"):
        return description.get("value")
    if kind == "none":
        return None
    if kind in ("list", "tuple"):
        items = [_decode(v, arrays) for v in description.get("items", [])]
        return items if kind == "list" else tuple(items)
    if kind == "dict":
        return {str(k): _decode(v, arrays) for k, v in description.get("items", {}).items()}
    return Opaque(str(description.get("pytype", "object")), str(description.get("repr", "")))
