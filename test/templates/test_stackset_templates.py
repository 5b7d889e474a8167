"""Both templates of every RoleRollout are linted: the StackSet's own stack, and the member template
the StackSet deploys to every target account (its TemplateBody).

RoleRollout writes the member template into the cloud assembly next to the stacks, so the integ
snapshots hold it as a template file and test_cfn_lint.py lints it with the others. This test makes
sure that file is exactly what CloudFormation receives as TemplateBody.
"""
import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from templates import REPO, every_template, load, name


def stack_sets() -> List[Tuple[Path, str, Dict[str, Any]]]:
    """(template, logical ID, properties) of every AWS::CloudFormation::StackSet in the snapshots."""
    found = []
    for template in sorted(REPO.glob("integ/integ.*.ts.snapshot/*.template.json")):
        for logical_id, resource in load(template).get("Resources", {}).items():
            if resource["Type"] == "AWS::CloudFormation::StackSet":
                found.append((template, logical_id, resource["Properties"]))
    return found


def test_the_integ_snapshots_hold_a_stack_set() -> None:
    assert [name(t) for t, _, _ in stack_sets()] == ["integ/integ.role-rollout.ts.snapshot/IntegRoleRollout.template.json"]


@pytest.mark.parametrize("template,logical_id,props", stack_sets(), ids=lambda v: v if isinstance(v, str) else "")
def test_the_member_template_is_a_linted_template_file(template: Path, logical_id: str, props: Dict[str, Any]) -> None:
    body = json.loads(props["TemplateBody"])
    linted = [t for t in every_template() if t.parent == template.parent and t != template and load(t) == body]
    assert [name(t) for t in linted] != [], f"no template file in {name(template.parent)} equals the TemplateBody of {logical_id}"
    assert all(r["Type"] == "AWS::IAM::Role" for r in body["Resources"].values())
