"""The problem bank: find it, read each problem's metadata, and validate it.

The bank lives at the top of the repository (`problems/`, `solutions/`); an installed wheel carries a
copy inside the package as `drill/_bank/`. Nothing here imports numpy.
"""
from __future__ import annotations

import difflib
import importlib.util
import json
import os
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType

DIFFICULTIES = ("easy", "medium", "hard")


class UnknownProblem(LookupError):
    def __init__(self, problem_id: str, known: list[str]):
        self.problem_id = problem_id
        lowered = {k.lower(): k for k in known}
        close = difflib.get_close_matches(problem_id.lower(), list(lowered), n=2, cutoff=0.5)
        self.suggestions = [lowered[c] for c in close]
        super().__init__(problem_id)


class BankError(ValueError):
    """A problem folder is malformed (found by `drill verify`)."""


def bank_root() -> Path:
    """The folder holding `problems/` and `solutions/`."""
    override = os.environ.get("DRILL_BANK")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parent
    shipped = package / "_bank"
    if (shipped / "problems").is_dir():
        return shipped
    return package.parent


@dataclass(frozen=True)
class Step:
    """One call of a problem's call plan: `returns = call(*args, **kwargs)`."""

    call: str
    args: tuple[str, ...]
    kwargs: dict[str, str]
    returns: tuple[str, ...] | str

    @classmethod
    def from_json(cls, data: dict) -> "Step":
        returns = data["returns"]
        return cls(
            call=data["call"],
            args=tuple(data.get("args", ())),
            kwargs=dict(data.get("kwargs", {})),
            returns=returns if isinstance(returns, str) else tuple(returns),
        )

    def to_json(self) -> dict:
        returns = self.returns if isinstance(self.returns, str) else list(self.returns)
        return {"call": self.call, "args": list(self.args), "kwargs": self.kwargs, "returns": returns}


@dataclass(frozen=True)
class Mistake:
    id: str
    title: str
    explanation: str
    path: Path


@dataclass(frozen=True)
class GradCheck:
    """loss = sum over i of sum(outputs[i] * upstreams[i]); no upstreams: the one output is the loss."""

    forward: Step
    outputs: tuple[str, ...]
    upstreams: tuple[str, ...]
    wrt: dict[str, str]
    cases: tuple[str, ...]

    def to_json(self) -> dict:
        return {"forward": self.forward.to_json(), "outputs": list(self.outputs),
                "upstreams": list(self.upstreams), "wrt": self.wrt}


def _names(value) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


# What each reference is for, as `drill show` says it.
REFERENCE_KINDS = {
    "loop": "loops, as on a whiteboard",
    "vectorized": "the readable vectorized version",
    "fast": "the fastest; read the vectorized one first",
}


@dataclass
class Problem:
    id: str
    folder: Path
    solutions_folder: Path
    title: str
    topic: str
    difficulty: str
    order: int
    functions: tuple[str, ...]
    provided: tuple[str, ...]
    allowed_imports: tuple[str, ...]
    call: tuple[Step, ...]
    outputs: tuple[str, ...]
    rtol: float
    atol: float
    random_cases: int
    hints: tuple[str, ...]
    mistakes: tuple[Mistake, ...]
    gradcheck: GradCheck | None = None
    may_modify: tuple[str, ...] = ()

    @property
    def notes_path(self) -> Path:
        return self.folder / "notes.md"

    @property
    def statement_path(self) -> Path:
        return self.folder / "statement.md"

    @property
    def skeleton_path(self) -> Path:
        return self.folder / "skeleton.py"

    @property
    def torch_path(self) -> Path | None:
        path = self.folder / "torch_impl.py"
        return path if path.is_file() else None

    def reference_path(self, kind: str) -> Path:
        """kind is 'loop', 'vectorized' or 'fast' (see REFERENCE_KINDS)."""
        return self.solutions_folder / f"{kind}.py"

    @property
    def reference_kinds(self) -> tuple[str, ...]:
        """The references this problem ships: loop and vectorized always, fast when there is one."""
        return tuple(k for k in REFERENCE_KINDS if k != "fast" or self.reference_path(k).is_file())

    @property
    def reference_files(self) -> list[Path]:
        """Every file a timing task may load (the references, the PyTorch adapter): the judge reads
        them before any user code runs."""
        return [self.reference_path(kind) for kind in self.reference_kinds] + \
            ([self.torch_path] if self.torch_path else [])

    @property
    def required_functions(self) -> tuple[str, ...]:
        """Every function the user's file must define: what they write and what the skeleton provides."""
        return tuple(dict.fromkeys(step.call for step in self.call))

    def statement(self) -> str:
        return self.statement_path.read_text(encoding="utf-8")

    @cached_property
    def cases_module(self) -> ModuleType:
        return load_module(self.folder / "cases.py", f"drill_bank_{self.id}_cases")


def load_module(path: Path, name: str) -> ModuleType:
    """Import a trusted bank file (cases, references, mistakes) by path."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look modules up by name
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(name, None)
    return module


def _problem_from_folder(folder: Path, solutions: Path) -> Problem:
    meta_path = folder / "problem.json"
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BankError(f"{meta_path}: {exc}") from exc
    try:
        tolerance = data.get("tolerance", {})
        gradcheck = None
        if "gradcheck" in data:
            g = data["gradcheck"]
            gradcheck = GradCheck(
                forward=Step.from_json(g["forward"]), outputs=_names(g["output"]), upstreams=_names(g["upstream"]),
                wrt=dict(g["wrt"]), cases=tuple(g["cases"]),
            )
            if gradcheck.upstreams and len(gradcheck.upstreams) != len(gradcheck.outputs):
                raise ValueError("gradcheck: one upstream per output")
            if not gradcheck.upstreams and len(gradcheck.outputs) != 1:
                raise ValueError("gradcheck: without upstream, exactly one (scalar) output")
        mistakes = tuple(
            Mistake(m["id"], m["title"], m["explanation"], folder / "mistakes" / f"{m['id']}.py")
            for m in data.get("mistakes", [])
        )
        return Problem(
            id=folder.name, folder=folder, solutions_folder=solutions / folder.name,
            title=data["title"], topic=data["topic"], difficulty=data["difficulty"],
            order=int(data.get("order", 1000)), functions=tuple(data["functions"]),
            provided=tuple(data.get("provided", ())), allowed_imports=tuple(data.get("allowed_imports", ("numpy",))),
            call=tuple(Step.from_json(s) for s in data["call"]), outputs=tuple(data["outputs"]),
            rtol=float(tolerance.get("rtol", 1e-7)), atol=float(tolerance.get("atol", 1e-10)),
            random_cases=int(data.get("random_cases", 5)), hints=tuple(data.get("hints", ())),
            mistakes=mistakes, gradcheck=gradcheck, may_modify=tuple(data.get("may_modify", ())),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BankError(f"{meta_path}: missing or malformed field {exc}") from exc


class Catalog:
    def __init__(self, root: Path | None = None):
        self.root = root or bank_root()
        self.problems_dir = self.root / "problems"
        self.solutions_dir = self.root / "solutions"
        self._cache: dict[str, Problem] = {}

    @cached_property
    def ids(self) -> list[str]:
        """Every folder with a problem.json, in the order its metadata asks for."""
        if not self.problems_dir.is_dir():
            return []
        folders = [p for p in self.problems_dir.iterdir() if (p / "problem.json").is_file()]
        return sorted((p.name for p in folders), key=lambda name: (self._order(name), name))

    def _order(self, problem_id: str) -> int:
        try:
            return self._load(problem_id).order
        except BankError:
            return 10**6  # malformed: listed last, reported by `drill verify`

    def _load(self, problem_id: str) -> Problem:
        if problem_id not in self._cache:
            self._cache[problem_id] = _problem_from_folder(self.problems_dir / problem_id, self.solutions_dir)
        return self._cache[problem_id]

    def get(self, problem_id: str) -> Problem:
        if problem_id not in self.ids:
            raise UnknownProblem(problem_id, self.ids)
        return self._load(problem_id)

    def all(self) -> list[Problem]:
        return [self._load(i) for i in self.ids]
