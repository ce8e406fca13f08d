"""`--isolate`: run the worker under bubblewrap, for code drill's user did not write.

bubblewrap (`bwrap`, Debian/Ubuntu package `bubblewrap`) is an existing, audited sandbox; drill only
builds its command line. The worker gets new user, PID, IPC, UTS and network namespaces, a read-only
view of the Python interpreter, its standard library and the allowed packages (numpy) and nothing
else: no bank, no progress store, no $HOME, no judge in its /proc, a private writable /tmp, and it dies
with drill. The judge keeps enforcing time, memory and output limits from outside.

What it does not protect against: kernel exploits (bwrap shares the host kernel), CPU and memory
pressure on the machine within the limits, and reading the test inputs of the check it runs (they
are in its job folder, as they must be).
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

LIBRARY_ROOT = "/drill-lib"  # where the allowed packages appear inside the sandbox


class IsolationUnavailable(RuntimeError):
    """--isolate cannot be honoured here; drill never falls back to running unisolated."""


INSTALL_HINT = ("--isolate needs bubblewrap (bwrap): install it with `sudo apt-get install bubblewrap` "
                "(Debian/Ubuntu) or `sudo dnf install bubblewrap` (Fedora)")


@functools.lru_cache(maxsize=None)
def bwrap_path() -> str:
    """The bwrap executable, after checking once that it can create the namespaces it needs."""
    path = shutil.which("bwrap")
    if path is None:
        raise IsolationUnavailable(INSTALL_HINT)
    executable, interpreter_binds = _interpreter()
    probe = [path, "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-net", "--die-with-parent",
             *_system_binds(), *interpreter_binds, "--proc", "/proc", "--dev", "/dev", "--", executable, "-c", "pass"]
    try:
        result = subprocess.run(probe, capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise IsolationUnavailable(f"bwrap cannot start here ({exc}); --isolate is not available") from None
    if result.returncode != 0:
        why = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["unknown reason"]
        raise IsolationUnavailable(f"bwrap cannot create the namespaces it needs here ({why[0]}); "
                                   "--isolate is not available (are unprivileged user namespaces disabled?)")
    return path


def _system_binds() -> list[str]:
    """Shared libraries and the dynamic loader, read-only: /usr, and /lib, /lib64, /bin as links or binds."""
    args = ["--ro-bind", "/usr", "/usr"]
    for top in ("/lib", "/lib64", "/lib32", "/bin", "/sbin"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    if os.path.exists("/etc/ld.so.cache"):
        args += ["--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    return args


def _interpreter() -> tuple[str, list[str]]:
    """The real interpreter (not a venv's link to it) and the folders it needs, site-packages hidden."""
    executable = os.path.realpath(sys.executable)
    prefix = os.path.realpath(sys.base_prefix)
    binds = []
    if not executable.startswith(("/usr/", "/bin/", "/lib")):
        binds += ["--ro-bind", prefix, prefix]
    # drill itself (and its bank) may be installed in the base interpreter's site-packages: hide them
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for site in (Path(prefix) / "lib" / version / "site-packages", Path("/usr/lib/python3/dist-packages"),
                 Path("/usr/local/lib") / version / "dist-packages", Path("/usr/lib") / version / "site-packages"):
        if site.is_dir():
            binds += ["--tmpfs", str(site)]
    return executable, binds


def command(worker_argv: list[str], jobdir: Path, solution: Path, package_dirs: list[str]) -> list[str]:
    """The bwrap command line that runs `worker_argv` (script and arguments, no interpreter) isolated.

    package_dirs are the allowed packages' folders (numpy's); each appears under LIBRARY_ROOT, along
    with its sibling `<name>.libs` folder of bundled shared libraries when there is one.
    """
    executable, interpreter_binds = _interpreter()
    args = [bwrap_path(), "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-net", "--unshare-uts",
            "--unshare-cgroup-try", "--die-with-parent", "--new-session", "--hostname", "drill-sandbox",
            *_system_binds(), *interpreter_binds,
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for folder in package_dirs:
        folder = Path(folder)
        args += ["--ro-bind", str(folder), f"{LIBRARY_ROOT}/{folder.name}"]
        libs = folder.with_name(folder.name + ".libs")
        if libs.is_dir():
            args += ["--ro-bind", str(libs), f"{LIBRARY_ROOT}/{libs.name}"]
    args += ["--bind", str(jobdir), str(jobdir), "--ro-bind", str(solution), str(solution),
             "--chdir", str(jobdir / "scratch"), "--clearenv"]
    for key, value in isolated_env().items():
        args += ["--setenv", key, value]
    return args + ["--", executable, "-I", "-B", "-u", *worker_argv]


def isolated_env() -> dict[str, str]:
    from drill.processes import WORKER_ENV

    return {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "DRILL_LIBRARY_ROOT": LIBRARY_ROOT,
            **WORKER_ENV}
