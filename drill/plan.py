"""Call plans, run on trusted code in the judge's process (references and known mistakes).

A plan is a problem's list of steps (`returns = call(*args, **kwargs)`); the worker runs the same plan
on the user's file with its own copy of this logic (it imports nothing from drill).
"""
from __future__ import annotations

import copy

from drill.catalog import Step

MISSING = object()


def run_plan(module_or_namespace, steps: tuple[Step, ...], inputs: dict) -> dict:
    """Run the steps on a deep copy of the inputs; return every named value."""
    lookup = module_or_namespace if isinstance(module_or_namespace, dict) else vars(module_or_namespace)
    values = copy.deepcopy(inputs)
    for step in steps:
        function = lookup[step.call]
        result = function(*(values[a] for a in step.args), **{k: values[v] for k, v in step.kwargs.items()})
        if isinstance(step.returns, str):
            values[step.returns] = result
        else:
            values.update(zip(step.returns, result))
    return values


def base_name(output: str) -> str:
    """`config3.velocity` names the key 'velocity' of the value `config3`."""
    return output.split(".", 1)[0]


def resolve(values: dict, output: str):
    """The value an output name stands for, or MISSING (a dotted name whose dict lacks the key)."""
    base, _, key = output.partition(".")
    value = values.get(base, MISSING)
    if not key or value is MISSING:
        return value
    return value.get(key, MISSING) if isinstance(value, dict) else MISSING


def outputs_of(names, values: dict) -> dict:
    """{output name: value} for the judged outputs of a finished plan."""
    return {name: resolve(values, name) for name in names}
