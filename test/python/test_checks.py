"""RoleChecks findings as CDK annotations, read with aws_cdk.assertions.Annotations from Python."""
from aws_cdk import App, Aspects, Environment, Stack
from aws_cdk import aws_iam as iam
from aws_cdk.assertions import Annotations, Match

from cdk_assumable_roles import AssumableRole, CrossAccountRole, OidcIssuer, RoleChecks, ServiceRole, Trust

PREFIX = "cdk-assumable-roles:"
OTHER = "111122223333"


def finding(check_id: str) -> Match:
    """Matches the message of exactly one finding id."""
    return Match.string_like_regexp(rf"\[{PREFIX}{check_id}\]")


def test_describe_checks_lists_every_check_with_a_stable_prefixed_id_and_a_level() -> None:
    checks = {c.id: c.level for c in RoleChecks.describe_checks()}
    assert checks[f"{PREFIX}TrustAnyPrincipal"] == "error"
    assert checks[f"{PREFIX}CrossAccountWithoutGuard"] == "warning"
    assert checks[f"{PREFIX}ServiceWithoutSourceGuard"] == "info"
    assert all(c.trigger and c.fix for c in RoleChecks.describe_checks())


def test_cross_account_role_without_external_id_or_principal_condition_is_a_warning(stack: Stack) -> None:
    CrossAccountRole(stack, "Role", trusted_accounts=[OTHER])
    Annotations.from_stack(stack).has_warning("/Stack/Role", finding("CrossAccountWithoutGuard"))


def test_cross_account_role_with_an_external_id_has_no_warning(stack: Stack) -> None:
    CrossAccountRole(stack, "Role", trusted_accounts=[OTHER], external_ids=["partner-1234"])
    Annotations.from_stack(stack).has_no_warning("*", finding("CrossAccountWithoutGuard"))


def test_service_role_without_source_guard_is_an_info(stack: Stack) -> None:
    ServiceRole(stack, "Role", services=["states"])
    Annotations.from_stack(stack).has_info("/Stack/Role", finding("ServiceWithoutSourceGuard"))


def test_role_checks_applied_as_an_aspect_report_a_plain_role_trusting_any_principal(stack: Stack) -> None:
    Aspects.of(stack).add(RoleChecks())
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    assert role.assume_role_policy is not None
    role.assume_role_policy.add_statements(
        iam.PolicyStatement.from_json({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"})
    )
    Annotations.from_stack(stack).has_error("/Stack/Role", finding("TrustAnyPrincipal"))


def test_acknowledge_removes_the_warning_and_keeps_the_reason(stack: Stack) -> None:
    role = CrossAccountRole(stack, "Role", trusted_accounts=[OTHER])
    RoleChecks.acknowledge(role, "CrossAccountWithoutGuard", "the partner cannot send an ExternalId")
    Annotations.from_stack(stack).has_no_warning("*", finding("CrossAccountWithoutGuard"))
    reasons = [m.data for m in role.node.metadata if m.type == f"{PREFIX}acknowledge"]
    assert reasons == [{"id": f"{PREFIX}CrossAccountWithoutGuard", "reason": "the partner cannot send an ExternalId"}]


def test_another_accounts_named_role_is_the_recommended_grant_and_raises_no_warning(stack: Stack) -> None:
    CrossAccountRole(stack, "Role", trusted_role_arns=[f"arn:aws:iam::{OTHER}:role/jenkins"])
    Annotations.from_stack(stack).has_no_warning("*", finding("CrossAccountWithoutGuard"))


def test_roles_of_two_stacks_naming_each_other_by_arn_are_a_trust_cycle() -> None:
    app = App()
    env = Environment(account="123456789012", region="us-east-1")
    first = Stack(app, "First", env=env)
    second = Stack(app, "Second", env=env)
    AssumableRole(first, "A", role_name="role-a", trust=[Trust.role("arn:{partition}:iam::{account}:role/role-b")])
    AssumableRole(second, "B", role_name="role-b", trust=[Trust.role("arn:{partition}:iam::{account}:role/role-a")])
    Annotations.from_stack(first).has_warning(
        "/First/A", Match.string_like_regexp(r"TrustCycle\] roles trust each other in a cycle .*: First/A -> Second/B -> First/A")
    )
    Annotations.from_stack(second).has_warning("/Second/B", finding("TrustCycle"))


def test_two_roles_of_one_stack_referencing_each_others_arn_are_an_error(stack: Stack) -> None:
    a = AssumableRole(stack, "A", trust=[Trust.service("lambda")])
    b = AssumableRole(stack, "B", trust=[Trust.role(a.role_arn)])
    a.add_trust(Trust.role(b.role_arn))
    Annotations.from_stack(stack).has_error("/Stack/A", finding("TrustCircularReference"))


def test_a_github_subject_whose_repository_name_runs_on_names_the_look_alike(stack: Stack) -> None:
    AssumableRole(
        stack,
        "Role",
        trust=[Trust.open_id_connect(OidcIssuer.github_actions(), subjects=["repo:example-org/billing*"])],
    )
    Annotations.from_stack(stack).has_warning(
        "/Stack/Role", Match.string_like_regexp(r"OidcSubjectLookAlike\].*it also admits \"repo:example-org/billing-evil\"")
    )


def test_any_principal_narrowed_only_by_a_source_ip_is_an_error(stack: Stack) -> None:
    Aspects.of(stack).add(RoleChecks())
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    assert role.assume_role_policy is not None
    role.assume_role_policy.add_statements(
        iam.PolicyStatement.from_json({
            "Effect": "Allow",
            "Principal": {"AWS": "*"},
            "Action": "sts:AssumeRole",
            "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
        })
    )
    Annotations.from_stack(stack).has_error("/Stack/Role", finding("TrustAnyPrincipal"))
