"""RoleRollout from Python: roles in every account of an OU through a StackSet, and the hub side."""
import json
from typing import Any, Dict

import pytest
from aws_cdk import App, Environment, Stack
from aws_cdk import aws_iam as iam
from aws_cdk.assertions import Match, Template

from cdk_assumable_roles import (
    CrossAccountRole,
    HubTrustStyle,
    RoleCatalog,
    RoleRollout,
    RolloutAccountFilter,
    RolloutOperationPreferences,
)

from conftest import resolve

HUB = "222222222222"
ORG = "o-a1b2c3d4e5"
OU = "ou-ab12-11111111"


def rollout_app(**props: Any) -> Dict[str, Any]:
    app = App()
    management = Stack(app, "Management", env=Environment(account="111111111111", region="us-east-1"))
    hub = Stack(app, "Hub", env=Environment(account=HUB, region="us-east-1"))
    ci = iam.Role(hub, "Ci", role_name="platform-ci", path="/hub/", assumed_by=iam.ServicePrincipal("codebuild.amazonaws.com"))
    rollout = RoleRollout(management, "MemberRoles", organization_id=ORG, organizational_unit_ids=[OU], region="us-east-1", **props)
    deployer = CrossAccountRole(rollout.member_stack, "Deployer", role_name="deployer", aws_managed_policy_names=["PowerUserAccess"])
    auditor = CrossAccountRole(rollout.member_stack, "Auditor", role_name="auditor", aws_managed_policy_names=["SecurityAudit"])
    rollout.grant_assume_from_hub(ci, [deployer, auditor])
    return {"app": app, "management": management, "hub": hub, "rollout": rollout, "ci": ci, "deployer": deployer}


def member_template(management: Stack) -> Dict[str, Any]:
    [stack_set] = Template.from_stack(management).find_resources("AWS::CloudFormation::StackSet").values()
    return json.loads(stack_set["Properties"]["TemplateBody"])


def test_the_stack_set_is_service_managed_with_automatic_deployment_to_the_ou() -> None:
    built = rollout_app(operation_preferences=RolloutOperationPreferences(max_concurrent_percentage=50, failure_tolerance_percentage=10))
    Template.from_stack(built["management"]).has_resource_properties("AWS::CloudFormation::StackSet", {
        "PermissionModel": "SERVICE_MANAGED",
        "AutoDeployment": {"Enabled": True, "RetainStacksOnAccountRemoval": False},
        "Capabilities": ["CAPABILITY_NAMED_IAM"],
        "StackInstancesGroup": [{"DeploymentTargets": {"OrganizationalUnitIds": [OU]}, "Regions": ["us-east-1"]}],
        "OperationPreferences": {"MaxConcurrentPercentage": 50, "FailureTolerancePercentage": 10},
        "TemplateBody": Match.string_like_regexp('"RoleName":"deployer"'),
    })


def test_the_member_roles_trust_the_hub_role_from_the_organization() -> None:
    built = rollout_app()
    roles = {r["Properties"]["RoleName"]: r["Properties"] for r in member_template(built["management"])["Resources"].values()}
    assert sorted(roles) == ["auditor", "deployer"]
    assert resolve(roles["deployer"]["AssumeRolePolicyDocument"]["Statement"]) == [{
        "Effect": "Allow",
        "Principal": {"AWS": f"arn:aws:iam::{HUB}:root"},
        "Action": "sts:AssumeRole",
        "Condition": {
            "ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{HUB}:role/hub/platform-ci"},
            "StringEquals": {"aws:PrincipalOrgID": ORG},
        },
    }]


def test_the_hub_role_may_assume_them_in_every_account_of_the_ou_without_listing_accounts() -> None:
    built = rollout_app()
    [policy] = Template.from_stack(built["hub"]).find_resources("AWS::IAM::Policy").values()
    [statement] = resolve(policy["Properties"]["PolicyDocument"]["Statement"])
    statement["Resource"].sort()  # IAM does not care about the order of the list
    assert [statement] == [{
        "Effect": "Allow",
        "Action": "sts:AssumeRole",
        "Resource": ["arn:aws:iam::*:role/auditor", "arn:aws:iam::*:role/deployer"],
        "Condition": {
            "StringEquals": {"aws:ResourceOrgID": ORG},
            "ForAnyValue:StringLike": {"aws:ResourceOrgPaths": [f"{ORG}/*/{OU}/*"]},
        },
    }]


def test_role_arn_trust_and_account_filter() -> None:
    app = App()
    management = Stack(app, "Management")
    hub = iam.Role.from_role_arn(management, "Hub", f"arn:aws:iam::{HUB}:role/break-glass")
    rollout = RoleRollout(management, "Rollout", organization_id=ORG, organizational_unit_ids=[OU], region="eu-west-1",
                          accounts=["333333333333"], account_filter=RolloutAccountFilter.DIFFERENCE)
    role = CrossAccountRole(rollout.member_stack, "BreakGlass", role_name="break-glass")
    statement = management.resolve(rollout.hub_policy_statement([role]).to_statement_json())
    assert statement["Condition"]["StringNotEquals"] == {"aws:ResourceAccount": "333333333333"}
    rollout.grant_assume_from_hub(hub, [role], trust_style=HubTrustStyle.ROLE_ARN)
    [member] = member_template(management)["Resources"].values()
    assert resolve(member["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]) == {"AWS": f"arn:aws:iam::{HUB}:role/break-glass"}


def test_a_role_catalog_rolls_out_too() -> None:
    app = App()
    management = Stack(app, "Management")
    rollout = RoleRollout(management, "Rollout", organization_id=ORG, organizational_unit_ids=[OU], region="us-east-1")
    catalog = RoleCatalog.from_object(rollout.member_stack, "Catalog", {
        "roles": [{"name": "viewer", "kind": "cross-account", "trustedAccounts": [HUB], "externalIds": ["hub-viewer"]}],
    })
    assert [r.node.path for r in catalog.roles] == ["Management/Rollout/Members/Catalog/viewer"]
    [member] = member_template(management)["Resources"].values()
    assert member["Properties"]["RoleName"] == "viewer"


def test_bad_input_raises_the_typescript_message() -> None:
    with pytest.raises(RuntimeError, match=r'^Stack/Rollout: invalid organizationalUnitIds\[0\] "ou-1": must be an organizational unit ID'):
        RoleRollout(Stack(App(), "Stack"), "Rollout", organization_id=ORG, organizational_unit_ids=["ou-1"], region="us-east-1")


def test_a_member_role_without_name_is_refused_with_the_reason() -> None:
    built = rollout_app()
    unnamed = CrossAccountRole(built["rollout"].member_stack, "Unnamed")
    # jsii raises JavaScript errors as RuntimeError; an error of a method names the error class first.
    with pytest.raises(RuntimeError, match="member roles that the hub assumes need a fixed roleName"):
        built["rollout"].grant_assume_from_hub(built["ci"], [unnamed])
