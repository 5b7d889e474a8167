"""The Python example app (examples/python/app.py, run with the installed wheel) synthesizes the
same templates as the TypeScript one (examples/typescript/app.ts), resource by resource.

Only `Metadata` is ignored (construct paths and CDK's bookkeeping); every property of every
role (trust policy, inline and managed policies, boundary, path, max session, tags), and
everything else in the templates, must be equal.
"""
from typing import Any, Dict, List, Tuple

import pytest

from templates import EXAMPLE_STACKS, PYTHON_EXAMPLE, TYPESCRIPT_EXAMPLE, load


def without_metadata(resource: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in resource.items() if k != "Metadata"}


def resource_ids() -> List[Tuple[str, str]]:
    """(stack, logical ID) of every resource of the TypeScript example; empty when not synthesized
    (then test_same_resources_parameters_outputs_and_rules fails and says how to synthesize)."""
    ids = []
    for stack in EXAMPLE_STACKS:
        path = TYPESCRIPT_EXAMPLE / f"{stack}.template.json"
        if path.exists():
            ids += [(stack, logical_id) for logical_id in load(path)["Resources"]]
    return ids


@pytest.mark.parametrize("stack", EXAMPLE_STACKS)
def test_same_resources_parameters_outputs_and_rules(stack: str) -> None:
    typescript = load(TYPESCRIPT_EXAMPLE / f"{stack}.template.json")
    python = load(PYTHON_EXAMPLE / f"{stack}.template.json")
    assert sorted(python["Resources"]) == sorted(typescript["Resources"])
    for section in ("Parameters", "Outputs", "Rules", "Conditions", "Mappings"):
        assert python.get(section) == typescript.get(section), section


@pytest.mark.parametrize("stack,logical_id", resource_ids(), ids=lambda v: v)
def test_python_resource_equals_the_typescript_one(stack: str, logical_id: str) -> None:
    typescript = load(TYPESCRIPT_EXAMPLE / f"{stack}.template.json")["Resources"][logical_id]
    python = load(PYTHON_EXAMPLE / f"{stack}.template.json")["Resources"].get(logical_id)
    assert python is not None, f"{logical_id} is missing from the Python example's {stack}"
    assert without_metadata(python) == without_metadata(typescript)


def test_every_role_of_both_examples_is_compared() -> None:
    roles = [i for i in resource_ids() if load(TYPESCRIPT_EXAMPLE / f"{i[0]}.template.json")["Resources"][i[1]]["Type"] == "AWS::IAM::Role"]
    # 5 roles of PlatformRoles (four of the library, one plain caller) and 7 of the catalog.
    assert len(roles) == 12
