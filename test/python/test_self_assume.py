"""A role that may assume itself (`allow_self_assume`), from Python."""
from aws_cdk import Stack

from cdk_assumable_roles import AssumableRole, ServiceRole, Trust

from conftest import ACCOUNT, only_role, trust_statements


def test_a_named_role_trusts_itself_by_principal_arn_and_may_assume_itself(stack: Stack) -> None:
    ServiceRole(stack, "Worker", services=["lambda"], role_name="report-worker", path="/jobs/", allow_self_assume=True)
    arn = f"arn:aws:iam::{ACCOUNT}:role/jobs/report-worker"
    # The self trust is added by the common base, before the service trust ServiceRole adds.
    assert trust_statements(stack)[0] == {
        "Effect": "Allow",
        "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
        "Action": "sts:AssumeRole",
        "Condition": {"ArnLike": {"aws:PrincipalArn": arn}},
    }
    assert only_role(stack)["Policies"] == [{
        "PolicyName": "AssumeSelf",
        "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": arn}]},
    }]


def test_without_role_name_the_name_is_generated_with_the_region(stack: Stack) -> None:
    AssumableRole(stack, "Worker", trust=[Trust.service("lambda")], allow_self_assume=True)
    name = only_role(stack)["RoleName"]
    # conftest's resolve renders AWS::Region as us-east-1.
    assert name.endswith("-us-east-1") and name.startswith("StackWorker")
    assert len(name) <= 64
    assert trust_statements(stack)[1]["Condition"] == {"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:role/{name}"}}
