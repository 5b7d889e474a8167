"""Bad input raises a Python exception with the same message as in TypeScript.

Every message below is copied from the test/**/*.input.test.ts tables, where it was produced by
the TypeScript code and read by hand. jsii raises JavaScript errors in Python as RuntimeError.
"""
from typing import Any, Callable

import pytest
from aws_cdk import App, Duration, Stack

from cdk_assumable_roles import AssumableRole, CrossAccountRole, PermissionsBoundary, Trust

LAMBDA = Trust.service("lambda")
POLICY_ARN_RULE = "IAM managed policy ARN (arn:<partition>:iam::<account>:policy/<name>)"
AWS_MANAGED_RULE = (
    'must be an AWS managed policy name such as "ReadOnlyAccess" or "service-role/AWSLambdaBasicExecutionRole" '
    "(use managedPolicyArns for ARNs)"
)


def role(stack: Stack, **props: Any) -> AssumableRole:
    """An AssumableRole `Role` trusting Lambda, with `props`."""
    return AssumableRole(stack, "Role", **{"trust": [LAMBDA], **props})


# (what is wrong, how a Python user writes it, the message TypeScript gives)
AT_CONSTRUCTION = [
    ("role_name longer than 64 characters", lambda s: role(s, role_name="r" * 65),
     f'Stack/Role: invalid roleName "{"r" * 65}": must be 1-64 characters (it has 65)'),
    ("role_name with a space and !", lambda s: role(s, role_name="my role!"),
     'Stack/Role: invalid roleName "my role!": may contain only letters, digits and +=,.@_- (found " ", "!")'),
    ("path without the trailing /", lambda s: role(s, path="/team"),
     'Stack/Role: invalid path "/team": must be "/" or begin and end with "/", e.g. "/service-roles/"'),
    ("max_session_duration of 30 minutes", lambda s: role(s, max_session_duration=Duration.minutes(30)),
     'Stack/Role: invalid maxSessionDuration "30 minutes": must be between 1 hour and 12 hours (3600-43200 seconds, it is 1800); '
     "900 seconds is the minimum of one session's DurationSeconds, not of a role's maximum"),
    ("tag key with the reserved prefix aws:", lambda s: role(s, tags={"aws:owner": "me"}),
     'Stack/Role: invalid tags {"aws:owner":"me"}: tag key "aws:owner" uses the prefix "aws:", which is reserved for AWS'),
    ("aws_managed_policy_names entry that is an ARN", lambda s: role(s, aws_managed_policy_names=["arn:aws:iam::aws:policy/ReadOnlyAccess"]),
     f'Stack/Role: invalid awsManagedPolicyNames[0] "arn:aws:iam::aws:policy/ReadOnlyAccess": {AWS_MANAGED_RULE}'),
    ("permissions boundary that is a role ARN",
     lambda s: role(s, permissions_boundary=PermissionsBoundary.from_arn("arn:aws:iam::111122223333:role/boundary")),
     'Stack/Role: invalid permissionsBoundary "arn:aws:iam::111122223333:role/boundary": '
     f'"arn:aws:iam::111122223333:role/boundary" is not an {POLICY_ARN_RULE}'),
    ("Trust.account with a 5-digit account ID", lambda s: AssumableRole(s, "Role", trust=[Trust.account("12345")]),
     'Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::12345:root)": account ID "12345" must be 12 digits '
     "(or {account} for the stack's own account)"),
]


@pytest.mark.parametrize("build,message", [pytest.param(b, m, id=name) for name, b, m in AT_CONSTRUCTION])
def test_bad_prop_raises_the_typescript_message_at_construction(build: Callable[[Stack], Any], message: str) -> None:
    with pytest.raises(RuntimeError) as raised:
        build(Stack(App(), "Stack"))
    assert str(raised.value) == message


def test_a_role_that_trusts_no_one_fails_synth_with_the_typescript_message() -> None:
    app = App()
    AssumableRole(Stack(app, "Stack"), "Role")
    with pytest.raises(RuntimeError) as raised:
        app.synth()
    # Errors thrown inside a method call (here App.synth) reach Python as "<error name>: <message>"
    # (jsii's kernel wraps them); errors of a constructor keep the bare message, as above.
    assert str(raised.value) == (
        "ValidationFailedWithErrors: Validation failed with the following errors:\n  [Stack/Role] Stack/Role: "
        "the role trusts no one; give it at least one trust relationship (props or addTrust(Trust...))"
    )


def test_require_mfa_false_with_a_max_age_is_an_error_not_a_silent_mfa_requirement() -> None:
    stack = Stack(App(), "Stack")
    with pytest.raises(RuntimeError) as raised:
        CrossAccountRole(stack, "Role", trusted_accounts=["111122223333"], require_mfa=False, mfa_max_age=Duration.hours(1))
    assert str(raised.value) == (
        "Stack/Role: invalid requireMfa false: is false, but an MFA max age requires MFA "
        "(aws:MultiFactorAuthAge is absent from requests without MFA); set requireMfa to true or leave it out, or remove the max age"
    )
