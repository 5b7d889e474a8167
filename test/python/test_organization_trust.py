"""Trust in the principals of an organization or of organizational units, from Python."""
from typing import Any, Dict

import pytest
from aws_cdk import Duration, Stack

from cdk_assumable_roles import AssumableRole, OrganizationTrust, RoleCatalog, Trust

from conftest import trust_statements

ORG = "o-a1b2c3d4e5"
OU = "ou-ab12-11111111"


def any_principal(condition: Dict[str, Any], action: Any = "sts:AssumeRole") -> Dict[str, Any]:
    return {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": action, "Condition": condition}


def test_organization_trusts_any_principal_of_its_accounts(stack: Stack) -> None:
    trust = Trust.organization(ORG)
    assert isinstance(trust, OrganizationTrust)
    assert trust.organization_id == ORG
    assert trust.organizational_unit_ids == []
    AssumableRole(stack, "Role", trust=[trust])
    assert trust_statements(stack) == [any_principal({"StringEquals": {"aws:PrincipalOrgID": ORG}})]


def test_organizational_units_with_principal_arn_mfa_and_session_tags(stack: Stack) -> None:
    trust = (
        Trust.organizational_units(ORG, [OU])
        .with_principal_arn("arn:{partition}:iam::*:role/deployer")
        .require_mfa(Duration.hours(1))
        .with_session_tags()
    )
    AssumableRole(stack, "Role", trust=[trust])
    assert trust_statements(stack) == [any_principal({
        "ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": f"{ORG}/*/{OU}/*"},
        "Bool": {"aws:MultiFactorAuthPresent": "true"},
        "NumericLessThanEquals": {"aws:MultiFactorAuthAge": "3600"},
        "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/deployer"},
    }, ["sts:AssumeRole", "sts:TagSession"])]


def test_an_organization_statement_given_as_json_is_lifted_into_an_organization_trust() -> None:
    trust = Trust.from_policy_json({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole",
                       "Condition": {"StringEquals": {"aws:PrincipalOrgID": ORG}}}],
    })
    [lifted] = trust.lifted_trusts
    assert isinstance(lifted, OrganizationTrust)
    assert lifted.organization_id == ORG
    assert trust.verbatim_statements == []


def test_a_catalog_organization_entry(stack: Stack) -> None:
    RoleCatalog.from_object(stack, "Roles", {"roles": [{
        "name": "deployer", "kind": "assumable",
        "trust": [{"organization": ORG, "organizationalUnits": [OU]}],
    }]})
    assert trust_statements(stack) == [any_principal({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": f"{ORG}/*/{OU}/*"}})]


def test_the_root_given_as_a_unit_is_an_error_naming_the_fix(stack: Stack) -> None:
    with pytest.raises(RuntimeError) as raised:
        AssumableRole(stack, "Role", trust=[Trust.organizational_units(ORG, ["r-ab12"])])
    assert str(raised.value) == (
        f'Stack/Role: invalid trust[0] "Trust.organizationalUnits({ORG}, r-ab12)": "r-ab12" is the organization\'s root, '
        f'not an organizational unit: trust the whole organization with Trust.organization("{ORG}")'
    )
