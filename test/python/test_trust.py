"""Every `Trust` factory and its chainable conditions, from Python: the trust statements they give."""
from typing import Any, Callable, Dict, List

import pytest
from aws_cdk import Duration, Stack

from cdk_assumable_roles import AssumableRole, OidcIssuer, Trust, TrustRelationship

from conftest import ACCOUNT, trust_statements

A = "111122223333"
B = "444455556666"
EKS_HOST = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
EKS = OidcIssuer.from_issuer_url(f"https://{EKS_HOST}")
EKS_PROVIDER = f"arn:aws:iam::{ACCOUNT}:oidc-provider/{EKS_HOST}"
GITHUB = "token.actions.githubusercontent.com"
OKTA = f"arn:aws:iam::{A}:saml-provider/okta"
SIGN_IN = "https://signin.aws.amazon.com/saml"


def allow(principal: Dict[str, Any], action: Any = "sts:AssumeRole", condition: Any = None) -> Dict[str, Any]:
    statement = {"Effect": "Allow", "Principal": principal, "Action": action}
    if condition is not None:
        statement["Condition"] = condition
    return statement


def web_identity(provider: str, condition: Dict[str, Any]) -> Dict[str, Any]:
    return allow({"Federated": provider}, "sts:AssumeRoleWithWebIdentity", condition)


# (what is trusted, how the Python user writes it, the statements IAM gets)
FACTORIES: List[Any] = [
    ("one service", lambda: Trust.service("lambda"), [allow({"Service": "lambda.amazonaws.com"})]),
    ("several services in one statement", lambda: Trust.services(["lambda", "states"]),
     [allow({"Service": ["lambda.amazonaws.com", "states.amazonaws.com"]})]),
    ("EKS Pod Identity, which also tags sessions", lambda: Trust.eks_pod_identity(),
     [allow({"Service": "pods.eks.amazonaws.com"}, ["sts:AssumeRole", "sts:TagSession"])]),
    ("one account", lambda: Trust.account(A), [allow({"AWS": f"arn:aws:iam::{A}:root"})]),
    ("several accounts in one statement", lambda: Trust.accounts([A, B]),
     [allow({"AWS": [f"arn:aws:iam::{A}:root", f"arn:aws:iam::{B}:root"]})]),
    ("a role ARN template", lambda: Trust.role(f"arn:{{partition}}:iam::{A}:role/deployer"),
     [allow({"AWS": f"arn:aws:iam::{A}:role/deployer"})]),
    ("several roles", lambda: Trust.roles([f"arn:aws:iam::{A}:role/a", "arn:{partition}:iam::{account}:role/b"]),
     [allow({"AWS": [f"arn:aws:iam::{A}:role/a", f"arn:aws:iam::{ACCOUNT}:role/b"]})]),
    ("a user", lambda: Trust.user(f"arn:aws:iam::{A}:user/alice"), [allow({"AWS": f"arn:aws:iam::{A}:user/alice"})]),
    ("a mix of principals", lambda: Trust.principals([f"arn:{{partition}}:iam::{A}:root", f"arn:aws:iam::{B}:user/bob"]),
     [allow({"AWS": [f"arn:aws:iam::{A}:root", f"arn:aws:iam::{B}:user/bob"]})]),
    ("EKS service accounts, exact and wildcard", lambda: Trust.eks_service_accounts(EKS, ["apps:api", "jobs:*"]), [
        web_identity(EKS_PROVIDER, {"StringEquals": {f"{EKS_HOST}:aud": "sts.amazonaws.com", f"{EKS_HOST}:sub": "system:serviceaccount:apps:api"}}),
        web_identity(EKS_PROVIDER, {"StringEquals": {f"{EKS_HOST}:aud": "sts.amazonaws.com"}, "StringLike": {f"{EKS_HOST}:sub": "system:serviceaccount:jobs:*"}}),
    ]),
    ("one EKS service account by namespace and name", lambda: Trust.eks_service_account(EKS, "apps", "api"), [
        web_identity(EKS_PROVIDER, {"StringEquals": {f"{EKS_HOST}:aud": "sts.amazonaws.com", f"{EKS_HOST}:sub": "system:serviceaccount:apps:api"}}),
    ]),
    ("GitHub Actions on one branch", lambda: Trust.github_actions(repository="octo-org/app", branches=["main"]), [
        web_identity(f"arn:aws:iam::{ACCOUNT}:oidc-provider/{GITHUB}",
                     {"StringEquals": {f"{GITHUB}:aud": "sts.amazonaws.com", f"{GITHUB}:sub": "repo:octo-org/app:ref:refs/heads/main"}}),
    ]),
    ("any OpenID Connect issuer", lambda: Trust.open_id_connect(
        OidcIssuer.from_provider_arn("arn:{partition}:iam::{account}:oidc-provider/auth.example.com/realms/ci"),
        subjects=["user-1"], audiences=["client-a"]), [
        web_identity(f"arn:aws:iam::{ACCOUNT}:oidc-provider/auth.example.com/realms/ci",
                     {"StringEquals": {"auth.example.com/realms/ci:aud": "client-a", "auth.example.com/realms/ci:sub": "user-1"}}),
    ]),
    ("a SAML provider", lambda: Trust.saml(OKTA, audiences=[SIGN_IN]),
     [allow({"Federated": OKTA}, "sts:AssumeRoleWithSAML", {"StringEquals": {"SAML:aud": SIGN_IN}})]),
]


@pytest.mark.parametrize("make,expected", [pytest.param(m, e, id=name) for name, m, e in FACTORIES])
def test_trust_factory_gives_the_statements_iam_needs(stack: Stack, make: Callable[[], TrustRelationship], expected: Any) -> None:
    AssumableRole(stack, "Role", trust=[make()])
    assert trust_statements(stack) == expected


def test_chained_conditions_of_an_account_land_in_one_statement(stack: Stack) -> None:
    trust = (
        Trust.account(A)
        .with_external_id("partner-1234")
        .require_mfa(Duration.hours(1))
        .with_principal_arn(f"arn:aws:iam::{A}:role/ci-*")
        .within_organization("o-a1b2c3d4e5")
    )
    AssumableRole(stack, "Role", trust=[trust])
    [statement] = trust_statements(stack)
    assert statement["Principal"] == {"AWS": f"arn:aws:iam::{A}:root"}
    assert statement["Condition"]["StringEquals"]["sts:ExternalId"] == "partner-1234"
    assert statement["Condition"]["StringEquals"]["aws:PrincipalOrgID"] == "o-a1b2c3d4e5"
    assert statement["Condition"]["Bool"] == {"aws:MultiFactorAuthPresent": "true"}
    assert statement["Condition"]["NumericLessThanEquals"] == {"aws:MultiFactorAuthAge": "3600"}
    assert statement["Condition"]["ArnLike"] == {"aws:PrincipalArn": f"arn:aws:iam::{A}:role/ci-*"}


def test_service_source_guards_and_session_options(stack: Stack) -> None:
    trust = (
        Trust.service("events")
        .with_source_account()
        .with_source_arn("arn:{partition}:events:{region}:{account}:rule/nightly")
        .with_session_tags()
        .with_source_identity()
    )
    AssumableRole(stack, "Role", trust=[trust])
    [statement] = trust_statements(stack)
    assert statement["Action"] == ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]
    assert statement["Condition"] == {
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
        "ArnLike": {"aws:SourceArn": f"arn:aws:events:us-east-1:{ACCOUNT}:rule/nightly"},
    }


def test_conditions_of_one_relationship_never_reach_another(stack: Stack) -> None:
    AssumableRole(stack, "Role", trust=[Trust.service("lambda"), Trust.account(A).require_mfa()])
    assert trust_statements(stack) == [
        allow({"Service": "lambda.amazonaws.com"}),
        allow({"AWS": f"arn:aws:iam::{A}:root"}, condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}}),
    ]


def test_with_condition_adds_any_condition_and_leaves_the_original_unchanged(stack: Stack) -> None:
    base = Trust.account(A)
    tagged = base.with_condition("StringEquals", "aws:PrincipalTag/team", ["ops"])
    AssumableRole(stack, "Role", trust=[base, tagged])
    assert trust_statements(stack) == [
        allow({"AWS": f"arn:aws:iam::{A}:root"}),
        allow({"AWS": f"arn:aws:iam::{A}:root"}, condition={"StringEquals": {"aws:PrincipalTag/team": "ops"}}),
    ]
