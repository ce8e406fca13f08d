"""The untrusted side of the grader: runs a user's solution in a child process.

Started by the judge as `python -I -B worker.py JOBDIR RESULT_FD`, in its own process group, under a
memory limit, with stdout/stderr going to a capped pipe. It imports nothing from drill (the user may
not either): it reads `JOBDIR/job.json`, imports the user's file, runs the tasks in order and, for
each, writes `JOBDIR/out_<id>.bin` (the raw bytes of plain arrays, indexed in the message) and one
JSON line on RESULT_FD. The judge trusts none
of it beyond "these are the values the user's code produced"; every verdict is decided over there.

Task kinds:
- run:     execute a call plan on the inputs; return the named outputs and every input as it is after
           the call (so the judge can tell whether the user modified an argument);
- numgrad: centered-difference gradients of the user's own forward;
- timing:  time the last step of the plan for the user and the reference modules, interleaved.
"""
import gc
import hashlib
import importlib.abc
import importlib.util
import json
import os
import random
import sys
import time
import traceback

if len(sys.argv) > 3:  # --isolate: the allowed packages are mounted there
    sys.path.insert(0, sys.argv[3])

import numpy as np  # noqa: E402

# Captured before the user's file runs, so that patching numpy or builtins changes nothing here.
_perf_counter = time.perf_counter
_np_asarray = np.asarray
_np_ascontiguousarray = np.ascontiguousarray
_blake2b = hashlib.blake2b
_np_frombuffer = np.frombuffer
_np_prod = np.prod
_np_ndarray = np.ndarray
_np_generic = np.generic
_isinstance = isinstance
_len = len
_os_write = os.write
_json_dumps = json.dumps
_gc_collect = gc.collect

MAX_LIST_ITEMS = 100_000


class Blocked(ImportError):
    pass


class ImportGuard(importlib.abc.MetaPathFinder):
    """Refuse imports of modules outside numpy + the standard library (+ a problem's extras), whoever
    asks: an `import` in the file, exec("import ..."), importlib.import_module, __import__ or
    getattr(builtins, ...) all come through here. A refusal is reported to the judge at once on the
    channel, where nothing can take it back. A library's own imports (the standard library's data
    modules, optional probes) go on: the exec guard below still refuses code from outside."""

    def __init__(self, allowed, user_file, channel):
        self.allowed = set(allowed) | set(sys.stdlib_module_names)
        self.user_file = user_file
        self.channel = channel
        self.enabled = True

    def find_spec(self, fullname, path=None, target=None):
        top = fullname.partition(".")[0]
        if not self.enabled or top in self.allowed:
            return None
        line = _user_line(self.user_file)
        if line is False:
            return None  # a library's own import: the exec guard still refuses code from outside
        self.channel.send(event="violation", module=top, line=line)
        raise Blocked(f"drill: importing '{top}' is not allowed here (numpy and the standard library only)")


def _user_line(user_file):
    """Who asked for an import, past the import machinery: the line of the user's file, None for code
    the user compiled themselves (exec, compile), or False for a library (the standard library's own
    optional probes, such as copy.py trying Jython's `org`)."""
    frame = sys._getframe(2)
    while frame is not None and _is_import_machinery(frame.f_code.co_filename):
        frame = frame.f_back
    if frame is None:
        return None
    filename = frame.f_code.co_filename
    if filename == user_file:
        return frame.f_lineno
    return None if filename.startswith("<") else False


def _is_import_machinery(filename):
    return filename.startswith("<frozen importlib") or filename.startswith(_IMPORTLIB_DIR)


def install_exec_guard(allowed_dirs, trusted_files, user_file, channel):
    """An audit hook (which, unlike sys.meta_path, no Python code can remove) that refuses to run the
    code of any module outside the standard library, the allowed packages, the user's file and the
    trusted files: loading drill or the bank by any route (a removed import guard, a spec built by
    hand, runpy, exec of a compiled file) stops here and is reported to the judge."""
    allowed_dirs = tuple(os.path.join(os.path.abspath(d), "") for d in allowed_dirs)
    trusted_files = frozenset(os.path.abspath(f) for f in trusted_files) | {user_file}
    stdlib = os.path.join(_STDLIB_DIR, "")
    send = channel.send

    def hook(event, args):
        if event != "exec" or not args:
            return
        filename = getattr(args[0], "co_filename", None)
        if not _isinstance(filename, str) or filename.startswith("<") or filename in trusted_files:
            return
        path = os.path.abspath(filename)
        if path.startswith(allowed_dirs) or (path.startswith(stdlib) and "-packages" not in path):
            return
        line = _user_line(user_file)
        send(event="violation", module=_module_of(path), line=line if line else None)
        raise Blocked(f"drill: running code from {os.path.basename(path)} is not allowed here")

    sys.addaudithook(hook)


def _module_of(path):
    """The top-level package a file belongs to, by the longest sys.path entry it lies under."""
    for entry in sorted((os.path.abspath(p) for p in sys.path if p), key=len, reverse=True):
        if path.startswith(os.path.join(entry, "")):
            return os.path.relpath(path, entry).split(os.sep)[0].removesuffix(".py")
    return os.path.basename(path)


_STDLIB_DIR = os.path.dirname(os.path.abspath(os.__file__))
_IMPORTLIB_DIR = os.path.dirname(importlib.util.__file__)


class Channel:
    def __init__(self, fd):
        self.fd = fd

    def send(self, **message):
        data = (_json_dumps(message, default=str) + "\n").encode()
        while data:
            written = _os_write(self.fd, data)
            data = data[written:]


# ---------------------------------------------------------------- values across the boundary

def decode(value, arrays):
    """Judge -> worker: JSON with {"__array__": key} and {"__tuple__": [...]} markers."""
    if _isinstance(value, dict):
        if "__array__" in value:
            return np.array(arrays[value["__array__"]], copy=True)
        if "__tuple__" in value:
            return tuple(decode(v, arrays) for v in value["__tuple__"])
        return {k: decode(v, arrays) for k, v in value.items()}
    if _isinstance(value, list):
        return [decode(v, arrays) for v in value]
    return value


class Encoder:
    """Worker -> judge: describe any Python value as JSON, arrays going to a side file by key.

    With a budget (the bytes the judge will read for this task), an array that would exceed it stops
    the task at once, before it is copied or written: the judge would refuse it unread anyway."""

    def __init__(self, budget=None):
        self.arrays = {}
        self.budget = budget
        self.stored = 0

    def _store(self, array):
        self.stored += array.nbytes
        if self.budget is not None and self.stored > self.budget:
            raise StepFailure("bad_return", message=f"returned {self.stored / 1024**2:.1f} MB of arrays, far more "
                                                    f"than the expected outputs ({self.budget / 1024**2:.1f} MB at most)")
        key = f"a{_len(self.arrays)}"
        self.arrays[key] = array
        return key

    def encode(self, value, depth=0):
        if value is None:
            return {"type": "none"}
        # Plain copies of numbers (the base class's own methods, never a subclass's): nothing the
        # user's code made outlives the task inside the message, where its __del__ would run later.
        if _isinstance(value, bool):
            return {"type": "bool", "value": value is True}
        if _isinstance(value, int):
            value = int.__index__(value)
            if -(2**53) < value < 2**53:
                return {"type": "int", "value": value}
            return {"type": "other", "pytype": "int", "repr": f"an int with {value.bit_length()} bits"}
        if _isinstance(value, float):
            return {"type": "float", "value": float.__float__(value)}
        if _isinstance(value, _np_ndarray):
            if value.dtype.hasobject or value.dtype.kind == "V":
                return {"type": "other", "pytype": f"numpy array of dtype {value.dtype}", "repr": _safe_repr(value)}
            if self.budget is not None and self.stored + value.nbytes > self.budget:
                self._store(value)  # raises before the copy below
            return {"type": "array", "key": self._store(np.array(value, copy=True, subok=False)),
                    "pytype": type(value).__name__}
        if _isinstance(value, _np_generic):
            if value.dtype.hasobject:
                return {"type": "other", "pytype": type(value).__name__, "repr": _safe_repr(value)}
            return {"type": "npscalar", "key": self._store(np.array(value))}
        if _isinstance(value, (list, tuple)) and depth < 4 and _len(value) <= MAX_LIST_ITEMS:
            return {"type": "list" if _isinstance(value, list) else "tuple",
                    "items": [self.encode(v, depth + 1) for v in value]}
        if _isinstance(value, dict) and depth < 4 and _len(value) <= 1000:
            return {"type": "dict", "items": {str(k): self.encode(v, depth + 1) for k, v in value.items()}}
        return {"type": "other", "pytype": type(value).__name__, "repr": _safe_repr(value)}


def fingerprint(value):
    """A digest of a value's contents (arrays by dtype, shape and bytes; containers and plain objects
    recursively): equal digests before and after a call mean the call did not change the value."""
    digest = _blake2b(digest_size=16)

    def feed(v, depth):
        if depth > 8:
            digest.update(b"deep")
        elif _isinstance(v, _np_ndarray):
            digest.update(f"array {v.dtype.str} {v.shape}".encode())
            if not v.dtype.hasobject:
                digest.update(_np_ascontiguousarray(v).tobytes())
        elif _isinstance(v, (list, tuple)):
            digest.update(f"{type(v).__name__} {_len(v)}".encode())
            for item in v:
                feed(item, depth + 1)
        elif _isinstance(v, dict):
            digest.update(f"dict {_len(v)}".encode())
            for key, item in list(v.items()):
                digest.update(_safe_repr(key).encode())
                feed(item, depth + 1)
        elif _isinstance(v, (int, float, complex, str, bytes, bool, _np_generic)) or v is None:
            digest.update(_safe_repr(v).encode())
        elif _isinstance(getattr(v, "__dict__", None), dict):  # a plain object used as a cache
            digest.update(type(v).__name__.encode())
            feed(vars(v), depth + 1)
        else:
            digest.update(type(v).__name__.encode())

    try:
        feed(value, 0)
        return digest.hexdigest()
    except BaseException:
        return "unreadable"


def _safe_str(exc):
    try:
        return str(exc)
    except BaseException:
        return f"<{type(exc).__name__} whose message cannot be printed>"


def _safe_repr(value):
    try:
        text = repr(value)
    except BaseException as exc:  # a hostile __repr__
        text = f"<unprintable {type(value).__name__}: {type(exc).__name__}>"
    return text[:300]


# ---------------------------------------------------------------- running user code

class StepFailure(Exception):
    def __init__(self, status, **details):
        super().__init__(status)
        self.status = status
        self.details = details


KEEP_FRAMES = 10  # at each end of a long (recursive) traceback


def user_traceback(exc, user_file):
    """The traceback trimmed to the frames of the user's own file (and to its ends when deep)."""
    try:
        mine = [(f, line) for f, line in traceback.walk_tb(exc.__traceback__) if f.f_code.co_filename == user_file]
        skipped = max(0, len(mine) - 2 * KEEP_FRAMES)
        if skipped:
            mine = mine[:KEEP_FRAMES] + mine[-KEEP_FRAMES:]
        frames = traceback.StackSummary.extract(iter(mine), capture_locals=False)
        lines = ["Traceback (your code):\n"] if frames else []
        formatted = traceback.format_list(frames)
        if skipped:
            formatted.insert(KEEP_FRAMES, f"  ... {skipped} more frames of your code ...\n")
        lines += formatted
        lines.append(f"{type(exc).__name__}: {_safe_str(exc)}\n")
        return "".join(lines)[-4000:]
    except BaseException:
        return f"{type(exc).__name__} (the traceback could not be formatted)"


def call_user(function, args, kwargs, user_file, step_name):
    try:
        return function(*args, **kwargs)
    except MemoryError as exc:
        raise StepFailure("memory", step=step_name, message=f"MemoryError in {step_name}: {_safe_str(exc)[:200]}",
                          traceback=user_traceback(exc, user_file))
    except SystemExit as exc:
        raise StepFailure("exit", step=step_name, code=_safe_repr(exc.code))
    except Blocked as exc:
        raise StepFailure("rejected", step=step_name, message=str(exc))
    except BaseException as exc:  # KeyboardInterrupt included: user code raising it is an error too
        raise StepFailure("error", step=step_name, exc_type=type(exc).__name__,
                          message=_safe_str(exc)[:500], traceback=user_traceback(exc, user_file))


def run_plan(module, plan, values, user_file, label="your", produced=None):
    """Execute the steps of a call plan, binding results into `values`.

    `produced`, when given, is called with (name, value) for every value a step returns, right after
    the step: the run task snapshots them, to see later whether a later call changed them in place.
    """
    for step in plan:
        function = getattr(module, step["call"], None)
        if function is None or not callable(function):
            raise StepFailure("rejected", step=step["call"], message=f"{label} file has no function {step['call']}")
        args = [values[name] for name in step["args"]]
        kwargs = {key: values[name] for key, name in step["kwargs"].items()}
        result = call_user(function, args, kwargs, user_file, step["call"])
        returns = step["returns"]
        if _isinstance(returns, str):
            values[returns] = result
            if produced is not None:
                produced(returns, result)
            continue
        expected = ", ".join(returns)
        if not _isinstance(result, (tuple, list)):
            raise StepFailure("bad_return", step=step["call"],
                              message=f"{step['call']} returned {_describe_type(result)}; expected a tuple ({expected})")
        if _len(result) != _len(returns):
            raise StepFailure("bad_return", step=step["call"],
                              message=f"{step['call']} returned {_len(result)} values; expected {_len(returns)} ({expected})")
        for name, item in zip(returns, result):
            values[name] = item
            if produced is not None:
                produced(name, item)
    return values


def _describe_type(value):
    if value is None:
        return "None (is a `return` missing?)"
    return f"a {type(value).__name__}"


def load_user_module(path):
    spec = importlib.util.spec_from_file_location("solution", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["solution"] = module
    spec.loader.exec_module(module)
    return module


def load_trusted(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- tasks

def task_run(task, module, arrays, user_file):
    """Run the plan; send back the outputs, every input as it is afterwards, and every value a step
    returned both as it was returned and as it is at the end (a backward that changes its cache in
    place shows there). Outputs named `config3.m` send the whole `config3`."""
    values = {name: decode(v, arrays) for name, v in task["inputs"].items()}
    inputs = dict(values)  # the very objects passed to the user, to report their state afterwards
    encoder = Encoder(task.get("max_result_bytes"))
    snapshots = {}
    produced_objects = {}

    def produced(name, value):
        snapshots[name] = fingerprint(value)
        produced_objects[name] = value

    start = _perf_counter()
    run_plan(module, task["plan"], values, user_file, produced=produced)
    seconds = _perf_counter() - start
    outputs = {}
    for name in task["outputs"]:
        base = name.split(".", 1)[0]
        if base not in outputs:
            outputs[base] = encoder.encode(values.get(base))
    after = {name: encoder.encode(value) for name, value in inputs.items()}
    later = {name: fingerprint(value) for name, value in produced_objects.items()}
    return {"outputs": outputs, "inputs_after": after, "returned": snapshots, "returned_after": later,
            "seconds": seconds}, encoder.arrays


def task_numgrad(task, module, arrays, user_file, gradcheck):
    values = {name: decode(v, arrays) for name, v in task["inputs"].items()}
    spec = task["gradcheck"]
    step = spec["forward"]
    if spec["upstreams"]:
        upstream = [_np_asarray(values[name], dtype=np.float64) for name in spec["upstreams"]]
    else:
        upstream = [None]

    def forward():
        local = dict(values)
        run_plan(module, [step], local, user_file)
        return [local[name] for name in spec["outputs"]]

    encoder = Encoder(task.get("max_result_bytes"))
    grads = {}
    for grad_name, input_name in spec["wrt"].items():
        grads[grad_name] = encoder.encode(
            gradcheck.numerical_gradient(forward, values[input_name], upstream, h=task.get("h", 1e-5)))
    return {"outputs": grads}, encoder.arrays


def _prepare_call(impl, setup, timed, size_inputs, arrays, user_file):
    """Fresh inputs, the setup steps, one untimed call: (function, args, kwargs, seconds, result)."""

    def fresh():
        # fresh inputs for each implementation: one that writes into its inputs harms no other
        inputs = {key: decode(v, arrays) for key, v in size_inputs.items()}
        values = run_plan(impl, setup, inputs, user_file)
        return [values[n] for n in timed["args"]], {k: values[n] for k, n in timed["kwargs"].items()}

    function = getattr(impl, timed["call"])
    args, kwargs = fresh()
    t0 = _perf_counter()
    result = function(*args, **kwargs)  # warm-up (and the outputs the judge may ask for)
    seconds = _perf_counter() - t0
    if seconds < 0.05:
        # A first call pays once for what later calls reuse (numpy's lazy setup, cold caches); the
        # calls per sample are sized from this time, and sizing one implementation of identical
        # code from a cold call and the next from a warm one biased tiny sizes by 10-30%. The
        # second call gets inputs of its own: the first call's result stays what it returned on
        # untouched inputs, whatever the function writes into its arguments.
        args, kwargs = fresh()
        t0 = _perf_counter()
        function(*args, **kwargs)
        seconds = min(seconds, _perf_counter() - t0)
    return function, args, kwargs, seconds, result


def _measure(calls, numbers, slow, budget, min_rounds, max_rounds, shuffler, failures, slow_rounds=3):
    """Interleaved samples of every call: {name: [seconds per call, ...]}.

    A sample of a fast call is `numbers[name]` calls in a row (timer resolution and call overhead
    vanish). Every round runs each implementation once, in a fresh random order: a call runs slower
    right after a slow one (the loop reference churns the allocator and caches), so a fixed order
    would favour someone. The slow implementations take part in the first `slow_rounds` rounds only,
    so that the rest of the budget buys samples of the fast ones."""
    times = {name: [] for name in calls}
    start = _perf_counter()
    slow_seconds = 0.0
    rounds = 0
    while rounds < max_rounds:
        now = _perf_counter()
        if rounds >= min_rounds and now - start - slow_seconds >= budget:
            break
        if now - start > 4 * budget + slow_seconds + 1.0:  # something is very slow: stop
            break
        order = [item for item in calls.items() if rounds < slow_rounds or item[0] not in slow]
        if not order:
            break
        shuffler.shuffle(order)
        for name, (function, args, kwargs) in order:
            number = numbers[name]
            try:
                t0 = _perf_counter()
                for _ in range(number):
                    function(*args, **kwargs)
                elapsed = _perf_counter() - t0
            except BaseException as exc:
                failures[name] = f"{type(exc).__name__}: {_safe_str(exc)}"[:200]
                del calls[name]
                times.pop(name, None)
                continue
            times[name].append(elapsed / number)
            if name in slow:
                slow_seconds += elapsed
        rounds += 1
    return times


def _extrapolate(points, work):
    """A call's time at `work`, from its times at smaller sizes: a line through the last two (a fixed
    overhead plus a cost per unit of work; never below the last time) when the time grew with the
    work, or in proportion from one."""
    w2, t2 = points[-1]
    if _len(points) < 2:
        return t2 * work / max(w2, 1e-30)
    w1, t1 = points[-2]
    if w2 <= w1:
        return t2 * work / max(w2, 1e-30)
    if t2 < 0.5 * t1 * w2 / w1:
        # the time grew far less than the work: overhead, not yet the cost of the work (vectorized
        # code at toy sizes); a line through two noisy overheads says nothing, so run it and see
        return t2
    return t2 + max(0.0, (t2 - t1) / (w2 - w1)) * max(0.0, work - w2)


def _wide(samples, threshold):
    if _len(samples) < 4:
        return False
    ordered = sorted(samples)
    q1, median, q3 = ordered[_len(ordered) // 4], ordered[_len(ordered) // 2], ordered[(3 * _len(ordered)) // 4]
    return median > 0 and (q3 - q1) / median > threshold


def task_timing(task, module, arrays, user_file, guard):
    """Time the last step of the plan at every size, smallest first, for the user and the references.

    An implementation whose call would take longer than `slow_call_limit` at a size, extrapolated from
    its time at the previous sizes (see _extrapolate), and more than `slow_factor` times the fastest
    estimate there, is not run at that size: its estimate is sent instead. So the loop reference
    (seconds, next to milliseconds) is left out, and code as fast as the vectorized reference is
    always timed, however near the limit the estimates put it. A size whose samples spread widely is measured once more. For the
    largest size, the user's outputs named in `return_outputs` (of the warm-up call, on fresh inputs)
    come back too, for the judge's directional gradient check."""
    implementations = {"you": module}
    failures = {}
    guard.enabled = False  # trusted references (and torch) may import what they need
    for name, path in task["references"].items():
        try:
            implementations[name] = load_trusted(path, f"drill_timing_{name}")
        except BaseException as exc:
            failures[name] = f"{type(exc).__name__}: {exc}"[:200]
    guard.enabled = True
    plan = task["plan"]
    setup, timed = plan[:-1], plan[-1]
    sizes = task["sizes"]
    total_budget = float(task["budget"])
    spent = 0.0  # seconds of measuring so far: what a small size leaves over goes to the larger ones
    slow_limit = float(task.get("slow_call_limit", 1.0))
    slow_factor = float(task.get("slow_factor", 3.0))
    noisy = float(task.get("noisy_spread", 0.5))
    slow_rounds = int(task.get("slow_rounds", 3))
    wanted = list(task.get("return_outputs") or [])
    shuffler = random.Random(231)
    last = {}  # name -> [(work, seconds per call)] at the sizes where it ran
    rows = []
    encoder = Encoder()
    outputs = {}
    for index, size in enumerate(sizes):
        work = float(size.get("work") or 1.0)
        # the small sizes get a little of the budget each; the largest (realistic) size the rest
        share = total_budget / (2 * _len(sizes))
        budget = share if index < _len(sizes) - 1 else max(share, total_budget - spent)
        calls, numbers, slow, skipped = {}, {}, set(), {}
        estimates = {name: _extrapolate(last[name], work) for name in implementations
                     if name in last and name not in failures}
        floor = min(estimates.values(), default=0.0)
        for name, impl in implementations.items():
            if name in failures:
                continue
            if name in estimates and estimates[name] > slow_limit and estimates[name] > slow_factor * floor:
                skipped[name] = estimates[name]
                continue
            try:
                function, args, kwargs, seconds, result = _prepare_call(impl, setup, timed, size["inputs"],
                                                                        arrays, user_file)
            except StepFailure as exc:
                failures[name] = exc.details.get("message") or exc.status
                continue
            except BaseException as exc:
                failures[name] = f"{type(exc).__name__}: {_safe_str(exc)}"[:200]
                continue
            if name == "you" and wanted and index == _len(sizes) - 1:
                named = {}
                returns = timed["returns"]
                if _isinstance(returns, str):
                    named[returns] = result
                elif _isinstance(result, (tuple, list)) and _len(result) == _len(returns):
                    named.update(zip(returns, result))
                outputs = {n: encoder.encode(named.get(n)) for n in wanted if n in named}
            calls[name] = (function, args, kwargs)
            numbers[name] = max(1, min(1000, int(2e-4 / max(seconds, 1e-9))))
            last.setdefault(name, []).append((work, seconds))
        # Slow: a call that alone would eat the budget, or ten times slower than the fastest one here
        # (the loop reference next to vectorized code): a few samples say enough about it.
        fastest = min((last[name][-1][1] for name in calls), default=0.0)
        slow = {name for name in calls
                if last[name][-1][1] * slow_rounds > budget / 2 or last[name][-1][1] > 10 * fastest + 1e-4}
        started = _perf_counter()
        times = _measure(calls, numbers, slow, budget, task["min_rounds"], task["max_rounds"], shuffler, failures,
                         slow_rounds)
        remeasured = False
        fast = {name: call for name, call in calls.items() if name not in slow}
        if any(_wide(times.get(name, []), noisy) for name in fast):
            # Measured once more: a calm second measurement replaces the first (a burst of load from
            # elsewhere spoilt it); when both are wide, both are kept (twice the samples: a steadier
            # median), and the judge flags the row. The fast ones stay sampled round by round, so
            # their samples still pair up.
            again = _measure(fast, numbers, set(), budget, task["min_rounds"], task["max_rounds"], shuffler,
                             failures)
            if not any(_wide(t, noisy) for t in again.values()):
                times.update({name: t for name, t in again.items() if t})
            elif _len(again) == _len(fast):
                for name, t in again.items():
                    times[name] = times.get(name, []) + t
            remeasured = True
        spent += _perf_counter() - started
        for name, t in times.items():
            if t:
                # the fastest sample, not the median, for the next size's estimate: what the call
                # needs. One pause of this VM in a few samples once put identical code 3x apart.
                last[name][-1] = (work, min(t))
        row_times = {name: (t or None) for name, t in times.items()}
        for name in skipped:
            row_times[name] = None
        rows.append({"label": size["label"], "times": row_times, "skipped": skipped, "remeasured": remeasured})
    return {"rows": rows, "failures": failures, "outputs": outputs}, encoder.arrays


# ---------------------------------------------------------------- main loop

def read_arrays(path, index):
    """The judge's inputs: raw bytes laid out as the task's index says."""
    with open(path, "rb") as handle:
        data = handle.read()
    return {key: _np_frombuffer(data, dtype=entry["dtype"], count=_np_prod(entry["shape"], dtype=np.int64),
                                offset=entry["offset"]).reshape(entry["shape"])
            for key, entry in index.items()}


def save_arrays(path, arrays):
    """Write the arrays' raw bytes one after the other; return the index the judge reads them with."""
    index = {}
    offset = 0
    with open(path, "wb") as handle:
        for key, array in arrays.items():
            data = array if array.flags.c_contiguous else _np_ascontiguousarray(array)  # (keeps 0-d arrays 0-d)
            raw = data.tobytes()
            handle.write(raw)
            index[key] = {"dtype": data.dtype.str, "shape": list(data.shape), "offset": offset, "nbytes": _len(raw)}
            offset += _len(raw)
    return index


def run_task(task, module, arrays, user_file, gradcheck, guard):
    if task["kind"] == "run":
        return task_run(task, module, arrays, user_file)
    if task["kind"] == "numgrad":
        return task_numgrad(task, module, arrays, user_file, gradcheck)
    return task_timing(task, module, arrays, user_file, guard)


def limit_self(job):
    """Before any user code: cap the address space, no core dumps, die with the judge."""
    import resource

    memory = int(job["memory_bytes"])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG: killed when the judge dies
    if not job.get("isolated") and os.getppid() != job["judge_pid"]:
        os._exit(70)  # the judge died before we could ask to die with it


def main():
    jobdir, fd = sys.argv[1], int(sys.argv[2])
    # The judge may start us before it has written the job (numpy imports while it prepares): its
    # go is one byte on stdin. End-of-file instead means the judge is gone or gave up: nothing to do.
    if os.read(0, 1) != b"g":
        os._exit(0)
    channel = Channel(fd)
    with open(os.path.join(jobdir, "job.json"), encoding="utf-8") as handle:
        job = json.load(handle)
    limit_self(job)
    user_file = job["solution"]
    gradcheck = load_trusted(job["gradcheck_module"], "drill_worker_gradcheck")

    channel.send(event="ready")
    guard = ImportGuard(job["allowed_imports"], user_file, channel)
    sys.meta_path.insert(0, guard)
    if job.get("judging", True):  # the timing worker loads references and torch on purpose
        install_exec_guard(job["allowed_dirs"], [job["gradcheck_module"]], user_file, channel)
    sys.dont_write_bytecode = True
    try:
        module = load_user_module(user_file)
    except Blocked as exc:
        channel.send(event="load", status="rejected", message=str(exc))
        return
    except SystemExit as exc:
        channel.send(event="load", status="exit", code=_safe_repr(exc.code))
        return
    except MemoryError as exc:
        channel.send(event="load", status="memory", traceback=user_traceback(exc, user_file))
        return
    except BaseException as exc:
        channel.send(event="load", status="error", exc_type=type(exc).__name__, message=_safe_str(exc)[:500],
                     traceback=user_traceback(exc, user_file))
        return
    names = sorted(n for n in vars(module) if not n.startswith("__"))
    callables = [n for n in names if callable(getattr(module, n, None))]
    missing = [name for name in job["required"] if not callable(getattr(module, name, None))]
    if missing:
        channel.send(event="load", status="missing", missing=missing, callables=callables[:200])
        return
    channel.send(event="load", status="ok", callables=callables[:200])

    for task in job["tasks"]:
        channel.send(event="start", task=task["id"])
        out_arrays = {}
        try:
            arrays = read_arrays(os.path.join(jobdir, f"in_{task['id']}.bin"), task["arrays"])
            result, out_arrays = run_task(task, module, arrays, user_file, gradcheck, guard)
            # What the user's code returned is freed here, not during the next task: a __del__ that
            # hangs or raises is this task's doing.
            _gc_collect(1)
            status = "ok"
        except StepFailure as failure:
            result, status = dict(failure.details), failure.status
        except BaseException as exc:  # the user's code broke the worker's own machinery
            result, status = {"message": f"the worker could not finish: {type(exc).__name__}: {_safe_str(exc)[:300]}"}, "crash"
        # Always (over)write the result file, so a file the solution planted there is never read.
        try:
            index = save_arrays(os.path.join(jobdir, f"out_{task['id']}.bin"), out_arrays)
        except MemoryError:
            index, result, status = {}, {"message": "the results did not fit in memory"}, "memory"
        del out_arrays
        channel.send(event="done", task=task["id"], status=status, result=result, arrays=index)


if __name__ == "__main__":
    main()
