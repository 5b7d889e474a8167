"""Trust in the web identity providers built into STS (Cognito identity pools, Google, Facebook,
Login with Amazon) from Python: statements, bad input, the guest-access check, lifting, the catalog."""
from typing import Any, Callable, Dict, List

import pytest
from aws_cdk import App, Environment, Stack
from aws_cdk.assertions import Annotations, Match

from cdk_assumable_roles import AssumableRole, BuiltinWebIdentityTrust, RoleCatalog, RoleChecks, Trust, TrustRelationship

from conftest import trust_statements

POOL = "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
GOV_POOL = "us-gov-west-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
CLIENT = "123456789012-abcdefghijklmnop.apps.googleusercontent.com"


def web_identity(provider: str, condition: Dict[str, Any], action: Any = "sts:AssumeRoleWithWebIdentity") -> Dict[str, Any]:
    return {"Effect": "Allow", "Principal": {"Federated": provider}, "Action": action, "Condition": condition}


def cognito(amr: Any, principal: str = "cognito-identity.amazonaws.com", pool: str = POOL) -> Dict[str, Any]:
    return {"StringEquals": {f"{principal}:aud": pool}, "ForAnyValue:StringLike": {f"{principal}:amr": amr}}


# (what is trusted, how the Python user writes it, the statements IAM gets)
FACTORIES: List[Any] = [
    ("authenticated identities of a Cognito pool", lambda: Trust.cognito_identity_pool(POOL),
     [web_identity("cognito-identity.amazonaws.com", cognito("authenticated"))]),
    ("guests only", lambda: Trust.cognito_identity_pool(POOL, authenticated=False, unauthenticated=True),
     [web_identity("cognito-identity.amazonaws.com", cognito("unauthenticated"))]),
    ("a GovCloud (US-West) pool, with session tags", lambda: Trust.cognito_identity_pool(GOV_POOL).with_session_tags(),
     [web_identity("cognito-identity-us-gov.amazonaws.com", cognito("authenticated", "cognito-identity-us-gov.amazonaws.com", GOV_POOL),
                   ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"])]),
    ("Google with a user and the original audience",
     lambda: Trust.google([CLIENT], user_ids=["1101"], original_audiences=["sts.amazonaws.com"]),
     [web_identity("accounts.google.com", {"StringEquals": {
         "accounts.google.com:aud": CLIENT, "accounts.google.com:sub": "1101", "accounts.google.com:oaud": "sts.amazonaws.com"}})]),
    ("Facebook with a user", lambda: Trust.facebook(["111222333444555"], user_ids=["10000000001"]),
     [web_identity("graph.facebook.com", {"StringEquals": {
         "graph.facebook.com:app_id": "111222333444555", "graph.facebook.com:id": "10000000001"}})]),
    ("Login with Amazon", lambda: Trust.login_with_amazon(["amzn1.application-oa2-client.5d"]),
     [web_identity("www.amazon.com", {"StringEquals": {"www.amazon.com:app_id": "amzn1.application-oa2-client.5d"}})]),
]


@pytest.mark.parametrize("make,expected", [pytest.param(m, e, id=name) for name, m, e in FACTORIES])
def test_builtin_factory_gives_the_statements_iam_needs(stack: Stack, make: Callable[[], TrustRelationship], expected: Any) -> None:
    AssumableRole(stack, "Role", trust=[make()])
    assert trust_statements(stack) == expected


def test_the_value_tells_its_audiences_and_users() -> None:
    trust = Trust.google([CLIENT], user_ids=["1101"])
    assert isinstance(trust, BuiltinWebIdentityTrust)
    assert trust.audiences == [CLIENT]
    assert trust.user_ids == ["1101"]
    assert trust.to_string() == f"Trust.google({CLIENT})"


@pytest.mark.parametrize("make,message", [
    pytest.param(lambda: Trust.cognito_identity_pool("my_identity_pool"),
                 'Stack/Role: invalid trust[0] "Trust.cognitoIdentityPool(my_identity_pool, authenticated)": '
                 'identity pool ID "my_identity_pool" must be written "<region>:<GUID>" in lowercase, '
                 'e.g. "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" (Cognito identity pool and identity IDs)',
                 id="a pool name instead of its ID"),
    pytest.param(lambda: Trust.google([]),
                 'Stack/Role: invalid trust[0] "Trust.google()": Trust.google needs at least one client ID ("accounts.google.com:aud"); '
                 "without it tokens issued to any application would be accepted",
                 id="Google without a client ID"),
])
def test_bad_input_raises_the_typescript_message(make: Callable[[], TrustRelationship], message: str) -> None:
    with pytest.raises(RuntimeError) as raised:
        AssumableRole(Stack(App(), "Stack"), "Role", trust=[make()])
    assert str(raised.value) == message


def test_a_guest_role_is_a_warning_that_can_be_acknowledged() -> None:
    finding = Match.string_like_regexp(r"\[cdk-assumable-roles:CognitoUnauthenticatedAccess\]")
    stack = Stack(App(), "Stack")
    AssumableRole(stack, "Role", trust=[Trust.cognito_identity_pool(POOL, unauthenticated=True)])
    Annotations.from_stack(stack).has_warning("/Stack/Role", finding)
    acknowledged = Stack(App(), "Stack")
    guest = AssumableRole(acknowledged, "Role", trust=[Trust.cognito_identity_pool(POOL, unauthenticated=True)])
    RoleChecks.acknowledge(guest, "CognitoUnauthenticatedAccess", "guest role of the public demo")
    Annotations.from_stack(acknowledged).has_no_warning("*", finding)


def test_a_pool_of_another_partition_than_the_stack_is_an_error() -> None:
    with pytest.raises(RuntimeError) as raised:
        AssumableRole(Stack(App(), "Stack", env=Environment(region="eu-west-1")), "Role", trust=[Trust.cognito_identity_pool(GOV_POOL)])
    assert "is in partition aws-us-gov, but the role's stack is in eu-west-1 (partition aws)" in str(raised.value)


def test_a_json_statement_of_the_factory_shape_is_lifted() -> None:
    trust = Trust.from_policy_json({"Version": "2012-10-17", "Statement": [web_identity("cognito-identity.amazonaws.com", cognito("authenticated"))]})
    assert trust.verbatim_statements == []
    assert len(trust.lifted_trusts) == 1 and isinstance(trust.lifted_trusts[0], BuiltinWebIdentityTrust)


def test_a_catalog_trust_entry_makes_the_same_statement(stack: Stack) -> None:
    RoleCatalog.from_object(stack, "Roles", {"roles": [{
        "name": "app", "kind": "assumable", "trust": [{"cognitoIdentityPoolId": POOL}, {"facebookAppIds": ["111222333444555"]}],
    }]})
    assert trust_statements(stack) == [
        web_identity("cognito-identity.amazonaws.com", cognito("authenticated")),
        web_identity("graph.facebook.com", {"StringEquals": {"graph.facebook.com:app_id": "111222333444555"}}),
    ]
