"""Pre-created roles (iam.Role.customize_roles) from Python: no role resource, CDK's report has the
construct's trust policy under the pre-created name."""
import json
from pathlib import Path

from aws_cdk import App, Environment, Stack
from aws_cdk import aws_iam as iam

from cdk_assumable_roles import CrossAccountRole

ENV = Environment(account="123456789012", region="us-east-1")


def test_a_precreated_role_is_reported_with_its_trust_policy(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "Stack", env=ENV)
    iam.Role.customize_roles(stack, use_precreated_roles={"Stack/Partner/Default": "partner-role"})
    CrossAccountRole(stack, "Partner", trusted_accounts=["111122223333"], external_ids=["partner-1"])
    assembly = app.synth()

    template = assembly.get_stack_by_name("Stack").template
    assert [r for r in template.get("Resources", {}).values() if r["Type"] == "AWS::IAM::Role"] == []
    report = json.loads((tmp_path / "iam-policy-report.json").read_text())
    [role] = [r for r in report["roles"] if r["roleName"] == "partner-role"]
    assert role["assumeRolePolicy"] == [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:(PARTITION):iam::111122223333:root"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": "partner-1"}},
    }]
