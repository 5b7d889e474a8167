"""ArnTemplate, PolicyJson and RoleCatalog from Python."""
import os

import pytest
from aws_cdk import Stack, Token
from aws_cdk import aws_iam as iam

from cdk_assumable_roles import ArnTemplate, BoundedRole, PolicyJson, PolicyKind, RoleCatalog, ServiceRole

from conftest import ACCOUNT, resolve, roles_of

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
UNKNOWN_BUCKET = (
    "unknown placeholder {bucket}; the placeholders are {partition}, {account}, {region}, {urlSuffix} "
    "(IAM policy variables are written ${...})"
)


def test_arn_template_renders_placeholders_as_the_stack_partition_and_account(stack: Stack) -> None:
    rendered = ArnTemplate.render("arn:{partition}:iam::{account}:role/x")
    assert Token.is_unresolved(rendered)
    assert resolve(stack.resolve(rendered)) == f"arn:aws:iam::{ACCOUNT}:role/x"
    assert ArnTemplate.has_placeholders("arn:{partition}:s3:::b")
    assert not ArnTemplate.has_placeholders("arn:aws:s3:::b/${aws:username}")
    assert ArnTemplate.problem_of("arn:aws:iam::111122223333:root") is None


def test_arn_template_with_an_unknown_placeholder_says_which_and_lists_the_known_ones() -> None:
    assert ArnTemplate.problem_of("arn:{partition}:s3:::{bucket}/*") == UNKNOWN_BUCKET
    with pytest.raises(RuntimeError) as raised:
        ArnTemplate.of("arn:{partition}:s3:::{bucket}/*")
    # An error of a static method reaches Python as "Error: <message>" (jsii's kernel wraps it).
    assert str(raised.value) == f'Error: invalid ARN template "arn:{{partition}}:s3:::{{bucket}}/*": {UNKNOWN_BUCKET}'



def test_policy_json_from_text_gives_an_iam_policy_document_with_placeholders_rendered(stack: Stack) -> None:
    document = PolicyJson.from_text(
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:{partition}:s3:::r-{account}/*"}]}'
    )
    assert isinstance(document, iam.PolicyDocument)
    assert resolve(stack.resolve(document.to_json())) == {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::r-{ACCOUNT}/*"}],
    }


def test_policy_json_validate_reports_each_fault_with_its_json_path() -> None:
    identity = {"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]}
    assert PolicyJson.validate(identity, PolicyKind.IDENTITY) == ['$.Statement[0].Effect: must be "Allow" or "Deny" (found "allow")']
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    assert PolicyJson.validate(trust, PolicyKind.TRUST) == []


def test_policy_json_parse_says_where_the_text_is_broken() -> None:
    with pytest.raises(RuntimeError, match=r"policy JSON does not parse at line 1, column 26: "):
        PolicyJson.parse('{"Version": "2012-10-17",}')


def test_role_catalog_from_the_example_yaml_file_makes_one_role_per_entry(stack: Stack) -> None:
    catalog = RoleCatalog.from_file(stack, "Roles", os.path.join(REPO, "examples", "catalog", "roles.yaml"))
    names = catalog.role_names
    assert names[:3] == ["report-builder", "nightly-scheduler", "build-agent"]
    assert len(catalog.roles) == len(names)
    # Each entry is the construct of its kind, as Python sees it.
    assert isinstance(catalog.role("report-builder"), ServiceRole)
    assert isinstance(catalog.role("payments-deployer"), BoundedRole)
    by_name = {r["Properties"]["RoleName"]: r["Properties"] for r in roles_of(stack).values()}
    assert sorted(by_name) == sorted(names)
    assert by_name["report-builder"]["Description"] == "Nightly Lambda function that renders the finance reports"
    assert by_name["build-agent"]["Path"] == "/build/"


def test_role_catalog_from_yaml_text_rejects_an_unknown_kind_naming_line_and_column(stack: Stack) -> None:
    text = "version: 1\nroles:\n  - name: x\n    kind: robot\n"
    with pytest.raises(RuntimeError) as raised:
        RoleCatalog.from_yaml(stack, "Roles", text)
    assert str(raised.value) == (
        "Error: Stack/Roles: invalid role catalog <text> (1 problem); no role was created:\n"
        '  <text>:4:11: roles[0].kind: must be one of "service", "cross-account", "irsa", "bounded", "assumable" (found "robot")'
    )


OTHER_ACCOUNT_PROVIDER = "arn:aws:iam::999988887777:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"


def test_role_catalog_validate_with_the_stack_account_reports_an_oidc_provider_of_another_account(stack: Stack) -> None:
    # The validators are the constructs' own: validate() with the account says what building in
    # a stack of that account would say, and without it the rule cannot be checked.
    document = {"roles": [{"name": "pods", "kind": "irsa", "oidcProviderArns": [OTHER_ACCOUNT_PROVIDER], "serviceAccounts": ["default:app"]}]}
    problems = RoleCatalog.validate(document=document, account="111122223333")
    assert problems == [
        f"<object>: roles[0].oidcProviderArns[0]: the OIDC provider {OTHER_ACCOUNT_PROVIDER} is in account 999988887777, "
        "but the role is in account 111122223333; STS accepts web identities only through an OIDC provider in the role's own account: "
        f'create the provider in 111122223333 (or write the ARN with {{account}}) (found "{OTHER_ACCOUNT_PROVIDER}")'
    ]
    assert RoleCatalog.validate(document=document) == []


def test_role_catalog_validate_and_building_agree_on_a_namespace_with_a_dot(stack: Stack) -> None:
    document = {"roles": [{"name": "a", "kind": "irsa", "issuerUrls": ["https://oidc.eks.us-east-1.amazonaws.com/id/ABC"], "serviceAccounts": ["team.a:api"]}]}
    problems = RoleCatalog.validate(document=document)
    assert len(problems) == 1 and problems[0].startswith("<object>: roles[0].serviceAccounts[0]: must be a Kubernetes service account")
    with pytest.raises(RuntimeError) as raised:
        RoleCatalog.from_object(stack, "Roles", document)
    assert str(raised.value) == f"Error: Stack/Roles: invalid role catalog <object> (1 problem); no role was created:\n  {problems[0]}"
