"""Helpers of the pytest suite: it imports `cdk_assumable_roles` from the installed wheel, as a user does.

Run with `npx projen test:wheel`, which builds the wheel and installs it in .test-venv/.
"""
from typing import Any, Dict, List

import pytest
from aws_cdk import App, Stack
from aws_cdk.assertions import Template

ACCOUNT = "123456789012"
"""The account ID `resolve` puts in place of `AWS::AccountId`."""


@pytest.fixture
def stack() -> Stack:
    """A fresh env-agnostic stack at the construct path `Stack`, like the TypeScript tests use."""
    return Stack(App(), "Stack")


def resolve(value: Any) -> Any:
    """The value CloudFormation computes in the `aws` partition, account 123456789012, us-east-1.

    Only the intrinsics this library emits in trust and policy documents: `Ref` of a pseudo
    parameter and `Fn::Join`. Anything else is returned unchanged, so a test sees it.
    """
    pseudo = {
        "AWS::Partition": "aws",
        "AWS::AccountId": ACCOUNT,
        "AWS::Region": "us-east-1",
        "AWS::URLSuffix": "amazonaws.com",
    }
    if isinstance(value, list):
        return [resolve(v) for v in value]
    if isinstance(value, dict):
        if set(value) == {"Ref"} and value["Ref"] in pseudo:
            return pseudo[value["Ref"]]
        if set(value) == {"Fn::Join"}:
            separator, parts = value["Fn::Join"]
            resolved = [resolve(p) for p in parts]
            if all(isinstance(p, str) for p in resolved):
                return separator.join(resolved)
        return {k: resolve(v) for k, v in value.items()}
    return value


def roles_of(stack: Stack) -> Dict[str, Dict[str, Any]]:
    """The `AWS::IAM::Role` resources of the stack's template, by logical ID, resolved."""
    return {k: resolve(v) for k, v in Template.from_stack(stack).find_resources("AWS::IAM::Role").items()}


def only_role(stack: Stack) -> Dict[str, Any]:
    """The properties of the stack's one role."""
    roles = list(roles_of(stack).values())
    assert len(roles) == 1, f"expected one role, found {len(roles)}"
    return roles[0]["Properties"]


def trust_statements(stack: Stack) -> List[Dict[str, Any]]:
    """The trust policy statements of the stack's one role, resolved."""
    document = only_role(stack)["AssumeRolePolicyDocument"]
    assert document["Version"] == "2012-10-17"
    return document["Statement"]
