"""Trust.fromPolicyJson, the new catalog fields and the migration converters, from Python."""
import os

import pytest
from aws_cdk import Stack
from aws_cdk.assertions import Template

from cdk_assumable_roles import (
    AssumableRole,
    AwsPrincipalTrust,
    PolicyJsonTrust,
    RoleCatalog,
    RoleCatalogMigration,
    ServiceTrust,
    Trust,
)

from conftest import trust_statements

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MIGRATION = os.path.join(REPO, "test", "catalog", "fixtures", "migration")
A = "111122223333"

TRUST_TEXT = """{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"},
    {"Effect": "Allow", "Principal": {"AWS": "arn:{partition}:iam::111122223333:role/ci"}, "Action": "sts:AssumeRole",
     "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}
  ]
}"""


def test_from_policy_json_lifts_typed_statements_and_keeps_the_others_verbatim(stack: Stack) -> None:
    trust = Trust.from_policy_json(TRUST_TEXT)
    assert isinstance(trust, PolicyJsonTrust)
    assert len(trust.lifted_trusts) == 1 and isinstance(trust.lifted_trusts[0], ServiceTrust)
    assert len(trust.verbatim_statements) == 1
    role = AssumableRole(stack, "Role", trust=[trust])
    # The role lists the lifted statement as a typed trust, then the verbatim one.
    assert isinstance(role.trusts[0], ServiceTrust) and isinstance(role.trusts[1], PolicyJsonTrust)
    assert trust_statements(stack) == [
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"},
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{A}:role/ci"}, "Action": "sts:AssumeRole",
         "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}},
    ]


def test_from_policy_json_takes_a_python_dict_and_chains_session_tags(stack: Stack) -> None:
    document = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": A}, "Action": "sts:AssumeRole"}]}
    trust = Trust.from_policy_json(document)
    assert isinstance(trust.lifted_trusts[0], AwsPrincipalTrust)
    AssumableRole(stack, "Role", trust=[trust.with_session_tags()])
    assert trust_statements(stack) == [
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{A}:root"}, "Action": ["sts:AssumeRole", "sts:TagSession"]},
    ]


def test_from_policy_json_text_that_does_not_parse_names_line_and_column(stack: Stack) -> None:
    with pytest.raises(RuntimeError) as raised:
        AssumableRole(stack, "Role", trust=[Trust.from_policy_json('{\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}')])
    assert str(raised.value) == (
        'Stack/Role: invalid trust[0] "Trust.fromPolicyJson(...)": policy JSON does not parse at line 3, column 24: '
        "expected a double-quoted property name (comments and trailing commas are not JSON)"
    )


def test_catalog_trust_policy_removal_policy_and_defaults(stack: Stack) -> None:
    text = "\n".join([
        "defaults:",
        "  removalPolicy: retain",
        "roles:",
        "  - name: imported",
        "    kind: assumable",
        "    trustPolicy:",
        "      Statement:",
        "        - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: 'sts:AssumeRole'}",
        "  - name: partner",
        "    kind: assumable",
        "    trust:",
        f"      - {{account: '{A}', externalId: partner-1, sessionTags: true}}",
        "",
    ])
    catalog = RoleCatalog.from_yaml(stack, "Roles", text)
    assert catalog.role_names == ["imported", "partner"]
    assert isinstance(catalog.role("imported").trusts[0], ServiceTrust)
    roles = Template.from_stack(stack).find_resources("AWS::IAM::Role")
    assert sorted(r["DeletionPolicy"] for r in roles.values()) == ["Retain", "Retain"]


def test_catalog_validate_reports_a_trust_policy_fault_at_its_line() -> None:
    text = "roles:\n  - name: app\n    kind: assumable\n    trustPolicy:\n      Statement:\n        - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: 'sts:AssumeRole', Resource: '*'}\n"
    assert RoleCatalog.validate(text=text, source_name="roles.yaml") == [
        'roles.yaml:6:11: roles[0].trustPolicy.Statement[0]: field "Resource" is not allowed here: '
        "a trust policy has no Resource (the resource is the role itself); Resource belongs in an identity policy"
    ]


def test_migration_from_operator_manifests_and_pulumi_config_gives_valid_catalogs() -> None:
    with open(os.path.join(MIGRATION, "operator-roles.yaml"), encoding="utf-8") as f:
        operator = RoleCatalogMigration.from_operator_manifests(f.read(), source_name="operator-roles.yaml")
    assert "- name: partner-auditor" in operator
    assert "removalPolicy: retain" in operator
    assert RoleCatalog.validate(text=operator) == []
    with open(os.path.join(MIGRATION, "Pulumi.iam-roles.yaml"), encoding="utf-8") as f:
        pulumi = RoleCatalogMigration.from_pulumi_config(
            f.read(),
            source_name="Pulumi.iam-roles.yaml",
            defaults={"kind": "cross-account", "trustedRoleArns": ["arn:{partition}:iam::{account}:role/k8s-nodes"]},
        )
    assert RoleCatalog.validate(text=pulumi) == []
