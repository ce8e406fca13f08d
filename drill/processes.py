"""Processes drill starts and the ones they leave behind (Linux: read from /proc). No numpy here:
`drill grade` uses this too."""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import time

PR_SET_CHILD_SUBREAPER = 36

# The environment every worker (and the child measuring the machine's matmul rate) runs with:
# - one BLAS/OpenMP thread: fair, repeatable timings and a small address space;
# - glibc's allocator keeps freed memory (trim threshold 1 GiB, blocks up to 32 MiB from the heap).
#   By default it hands a call's few megabytes of temporaries back to the kernel when the call ends,
#   and the next call takes a page fault for every 4 KiB it touches again: ~1400 faults per conv
#   backward at the realistic size, a third of its time on this VM, and most of the noise. Kept, the
#   memory is reused as in any training loop, and a timing row measures arithmetic and memory
#   traffic, for the user's code, the references and PyTorch alike. Peak memory is unchanged.
WORKER_ENV = {
    "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "NUMEXPR_NUM_THREADS": "1",
    "GLIBC_TUNABLES": "glibc.malloc.trim_threshold=1073741824:glibc.malloc.mmap_threshold=33554432",
}


def become_subreaper() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # fields after the command name, which is in parentheses and may contain spaces
        rest = stat[stat.rfind(b")") + 2:].split()
        if len(rest) > 1 and int(rest[1]) == pid:
            found.append(int(entry))
    return found


def parents() -> dict[int, int]:
    """pid -> parent pid, for every process we can see."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
            parents[int(entry)] = int(stat[stat.rfind(b")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return parents


def descendants(roots: set[int], parents: dict[int, int]) -> set[int]:
    found = set(roots)
    grew = True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in found and pid not in found}
        found |= more
        grew = bool(more)
    return found


def reap_orphans(orphans, pause: float = 0.005) -> None:
    """Kill and reap the processes `orphans()` lists (children re-parented to us, a child subreaper).

    A killed process's own children are re-parented a moment after it dies, so the scan repeats
    until it comes up empty a few times in a row."""
    quiet = 0
    for _ in range(200):
        found = orphans()
        if not found:
            quiet += 1
            if quiet >= 3:
                return
            time.sleep(pause)
            continue
        quiet = 0
        for pid in found:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for pid in found:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
