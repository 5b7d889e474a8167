"""Every construct of the library, built from Python through the installed wheel."""
from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk.assertions import Match, Template

from cdk_assumable_roles import (
    AssumableRole,
    BoundedRole,
    CrossAccountRole,
    IrsaRole,
    OidcIssuer,
    PermissionsBoundary,
    ServiceRole,
    Trust,
)

from conftest import ACCOUNT, only_role, roles_of, trust_statements

ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"


def test_service_role_restricted_to_source_account_requires_aws_source_account(stack: Stack) -> None:
    ServiceRole(stack, "Role", services=["scheduler"], restrict_to_source_account=True)
    assert trust_statements(stack) == [{
        "Effect": "Allow",
        "Principal": {"Service": "scheduler.amazonaws.com"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
    }]


def test_service_role_with_instance_profile_adds_one_profile_holding_the_role(stack: Stack) -> None:
    role = ServiceRole(stack, "Role", services=["ec2"], instance_profile=True, path="/instances/")
    assert role.instance_profile is not None
    template = Template.from_stack(stack)
    template.resource_count_is("AWS::IAM::InstanceProfile", 1)
    logical_id = stack.get_logical_id(role.role.node.default_child)  # type: ignore[arg-type]
    template.has_resource_properties("AWS::IAM::InstanceProfile", {"Roles": [{"Ref": logical_id}], "Path": "/instances/"})


def test_cross_account_role_with_external_ids_accepts_any_of_them(stack: Stack) -> None:
    CrossAccountRole(stack, "Role", trusted_accounts=["111122223333"], external_ids=["partner-7d1f", "partner-rotated-2025"])
    assert trust_statements(stack) == [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": ["partner-7d1f", "partner-rotated-2025"]}},
    }]


def test_cross_account_role_requiring_mfa_adds_the_mfa_condition(stack: Stack) -> None:
    CrossAccountRole(stack, "Role", trusted_accounts=["111122223333"], require_mfa=True)
    [statement] = trust_statements(stack)
    assert statement["Condition"] == {"Bool": {"aws:MultiFactorAuthPresent": "true"}}


def test_cross_account_role_caller_policy_statement_allows_assuming_this_role(stack: Stack) -> None:
    role = CrossAccountRole(stack, "Role", trusted_accounts=["111122223333"], external_ids=["partner-7d1f"])
    statement = stack.resolve(role.caller_policy_statement().to_statement_json())
    assert statement["Effect"] == "Allow"
    assert statement["Action"] == "sts:AssumeRole"
    assert statement["Resource"] == stack.resolve(role.role_arn)


def test_irsa_role_requires_aud_and_puts_wildcard_service_accounts_under_string_like(stack: Stack) -> None:
    IrsaRole(
        stack,
        "Role",
        issuers=[OidcIssuer.from_issuer_url(f"https://{ISSUER}")],
        service_accounts=["apps:api", "jobs:worker-*"],
    )
    provider = f"arn:aws:iam::{ACCOUNT}:oidc-provider/{ISSUER}"
    assert trust_statements(stack) == [
        {
            "Effect": "Allow",
            "Principal": {"Federated": provider},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {"StringEquals": {f"{ISSUER}:aud": "sts.amazonaws.com", f"{ISSUER}:sub": "system:serviceaccount:apps:api"}},
        },
        {
            "Effect": "Allow",
            "Principal": {"Federated": provider},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": {f"{ISSUER}:aud": "sts.amazonaws.com"},
                "StringLike": {f"{ISSUER}:sub": "system:serviceaccount:jobs:worker-*"},
            },
        },
    ]


def test_bounded_role_sets_the_boundary_from_its_name_in_the_stack_account(stack: Stack) -> None:
    BoundedRole(stack, "Role", trust=[Trust.service("lambda")], permissions_boundary=PermissionsBoundary.from_name("team-boundary"))
    assert only_role(stack)["PermissionsBoundary"] == f"arn:aws:iam::{ACCOUNT}:policy/team-boundary"


def test_assumable_role_props_reach_the_template(stack: Stack) -> None:
    AssumableRole(
        stack,
        "Role",
        trust=[Trust.service("lambda")],
        role_name="reports",
        description="Reads the reports",
        path="/apps/",
        max_session_duration=Duration.hours(2),
        aws_managed_policy_names=["ReadOnlyAccess"],
        inline_policy_json={"read": '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:{partition}:s3:::r-{account}/*"}}'},
        tags={"team": "finance"},
    )
    props = only_role(stack)
    assert props["RoleName"] == "reports"
    assert props["Description"] == "Reads the reports"
    assert props["Path"] == "/apps/"
    assert props["MaxSessionDuration"] == 7200
    assert props["ManagedPolicyArns"] == ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
    assert props["Tags"] == [{"Key": "team", "Value": "finance"}]
    assert props["Policies"] == [{
        "PolicyName": "read",
        "PolicyDocument": {
            "Version": "2012-10-17",
            # A single statement object becomes a list of one, as in iam.PolicyDocument.
            "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::r-{ACCOUNT}/*"}],
        },
    }]


def test_removal_policy_retain_keeps_the_role_when_the_stack_is_deleted(stack: Stack) -> None:
    AssumableRole(stack, "Role", trust=[Trust.service("lambda")], removal_policy=RemovalPolicy.RETAIN)
    [role] = roles_of(stack).values()
    assert role["DeletionPolicy"] == "Retain"
    assert role["UpdateReplacePolicy"] == "Retain"


def test_a_service_role_is_an_irole_a_lambda_function_runs_as(stack: Stack) -> None:
    role = ServiceRole(stack, "Role", services=["lambda"])
    lambda_.Function(
        stack,
        "Function",
        runtime=lambda_.Runtime.NODEJS_22_X,
        handler="index.handler",
        code=lambda_.Code.from_inline("exports.handler = async () => 'ok';"),
        role=role,
    )
    Template.from_stack(stack).has_resource_properties(
        "AWS::Lambda::Function", {"Role": stack.resolve(role.role_arn)}
    )
    # No second role: the function uses ours.
    assert len(roles_of(stack)) == 1


def test_grant_pass_role_gives_a_principal_iam_pass_role_on_the_role(stack: Stack) -> None:
    role = ServiceRole(stack, "Role", services=["lambda"])
    caller = iam.User(stack, "Caller")
    role.grant_pass_role(caller)
    Template.from_stack(stack).has_resource_properties("AWS::IAM::Policy", {
        "PolicyDocument": {"Statement": [Match.object_like({"Action": "iam:PassRole", "Resource": stack.resolve(role.role_arn)})]},
    })
