"""Shell completion of problem ids and case names (click's shell_complete)."""
from __future__ import annotations


def problem_ids(incomplete: str) -> list[str]:
    from drill.catalog import Catalog

    try:
        return [i for i in Catalog().ids if i.startswith(incomplete)]
    except Exception:  # completion never prints a traceback into the shell
        return []


def case_names(problem_id: str | None, seed: int | None, incomplete: str) -> list[str]:
    if not problem_id:
        return []
    try:
        from drill import judge
        from drill.catalog import Catalog

        catalog = Catalog()
        if problem_id not in catalog.ids:
            return []
        cases = judge.build_cases(catalog.get(problem_id), judge.DEFAULT_SEED if seed is None else seed)
        return [c.name for c in cases if c.name.startswith(incomplete)]
    except Exception:
        return []
