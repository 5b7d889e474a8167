"""`outputs=True` from Python: the role's ARN, name and unique ID, and the console switch-role link."""
from typing import Any, Dict

from aws_cdk import Stack
from aws_cdk.assertions import Template

from cdk_assumable_roles import AssumableRole, ServiceRole, Trust

from conftest import ACCOUNT, resolve


def outputs(stack: Stack) -> Dict[str, Any]:
    """The stack's outputs by the construct ID part of their logical ID (the hash removed)."""
    return {logical_id[:-8]: output for logical_id, output in Template.from_stack(stack).find_outputs("*").items()}


def test_a_role_people_assume_by_hand_gets_its_id_and_the_switch_role_link(stack: Stack) -> None:
    AssumableRole(stack, "OpsAdmin", role_name="ops-admin", path="/ops/",
                  trust=[Trust.role("arn:{partition}:iam::111122223333:role/ops").require_mfa()], outputs=True)
    found = outputs(stack)
    assert sorted(found) == ["OpsAdminRoleArn", "OpsAdminRoleId", "OpsAdminRoleName", "OpsAdminSwitchRoleUrl"]
    assert list(found["OpsAdminRoleId"]["Value"]) == ["Fn::GetAtt"]
    link = found["OpsAdminSwitchRoleUrl"]
    assert link["Condition"] == "AssumableRolesSignInHostKnown"
    # conftest's resolve knows Ref and Fn::Join; the host comes from the mapping, looked up here for aws.
    host = Template.from_stack(stack).to_json()["Mappings"]["AssumableRolesSignInHost"]["aws"]["host"]
    parts = resolve(link["Value"])["Fn::Join"][1]
    text = "".join(host if isinstance(p, dict) and "Fn::FindInMap" in p else resolve(p) for p in parts)
    assert text == f"https://signin.aws.amazon.com/switchrole?account={ACCOUNT}&roleName=ops/ops-admin"


def test_a_service_role_gets_no_switch_role_link(stack: Stack) -> None:
    ServiceRole(stack, "Function", services=["lambda"], outputs=True)
    assert sorted(outputs(stack)) == ["FunctionRoleArn", "FunctionRoleId", "FunctionRoleName"]
