"""EKS Pod Identity from Python: the restricted trust, the target role's trust, and associations."""
from typing import Any, Dict

import pytest
from aws_cdk import App, Environment, Stack
from aws_cdk.assertions import Match, Template

from cdk_assumable_roles import AssumableRole, PodIdentityAssociationOptions, RoleCatalog, ServiceTrust, Trust

from conftest import trust_statements

A = "111122223333"
B = "444455556666"
TAGGED = ["sts:AssumeRole", "sts:TagSession"]
PODS = {"Service": "pods.eks.amazonaws.com"}


def in_account(account: str = A) -> Stack:
    return Stack(App(), "Stack", env=Environment(account=account, region="eu-west-1"))


def test_eks_pod_identity_with_keyword_options_compares_the_session_tags(stack: Stack) -> None:
    trust = Trust.eks_pod_identity(cluster_names=["prod"], namespaces=["payments", "team-*"], service_accounts=["api"])
    assert isinstance(trust, ServiceTrust)
    assert trust.to_string() == "Trust.eksPodIdentity(cluster prod, namespace payments or team-*, service account api)"
    AssumableRole(stack, "Role", trust=[trust])
    assert trust_statements(stack) == [{
        "Effect": "Allow",
        "Principal": PODS,
        "Action": TAGGED,
        "Condition": {
            "StringLike": {"aws:RequestTag/kubernetes-namespace": ["payments", "team-*"]},
            "StringEquals": {"aws:RequestTag/kubernetes-service-account": "api", "aws:RequestTag/eks-cluster-name": "prod"},
        },
    }]


def test_eks_pod_identity_without_options_is_unchanged(stack: Stack) -> None:
    AssumableRole(stack, "Role", trust=[Trust.eks_pod_identity()])
    assert trust_statements(stack) == [{"Effect": "Allow", "Principal": PODS, "Action": TAGGED}]


def test_target_role_trusts_the_pod_identity_role_of_another_account() -> None:
    stack = in_account(B)
    AssumableRole(stack, "Target", trust=[Trust.eks_pod_identity_role(f"arn:aws:iam::{A}:role/payments-api", namespaces=["payments"])])
    assert trust_statements(stack) == [{
        "Effect": "Allow",
        "Principal": {"AWS": f"arn:aws:iam::{A}:root"},
        "Action": TAGGED,
        "Condition": {
            "ArnEquals": {"aws:PrincipalArn": f"arn:aws:iam::{A}:role/payments-api"},
            "StringEquals": {"aws:RequestTag/kubernetes-namespace": "payments"},
        },
    }]


def test_add_pod_identity_association_with_a_target_role() -> None:
    stack = in_account()
    role = AssumableRole(stack, "Role", trust=[Trust.eks_pod_identity(namespaces=["payments"])])
    role.add_pod_identity_association("Api", cluster_name="prod", namespace="payments", service_account="api",
                                      target_role_arn=f"arn:aws:iam::{B}:role/payments-reader")
    template = Template.from_stack(stack)
    template.has_resource_properties("AWS::EKS::PodIdentityAssociation", {
        "ClusterName": "prod", "Namespace": "payments", "ServiceAccount": "api",
        "RoleArn": Match.any_value(), "TargetRoleArn": f"arn:aws:iam::{B}:role/payments-reader",
    })
    template.has_resource_properties("AWS::IAM::Policy", {
        "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": TAGGED, "Resource": f"arn:aws:iam::{B}:role/payments-reader"}]},
    })


def test_pod_identity_associations_prop() -> None:
    stack = in_account()
    AssumableRole(stack, "Role", trust=[Trust.eks_pod_identity()], pod_identity_associations=[
        PodIdentityAssociationOptions(cluster_name="prod", namespace="payments", service_account="api", disable_session_tags=True),
    ])
    Template.from_stack(stack).has_resource_properties("AWS::EKS::PodIdentityAssociation", {"DisableSessionTags": True})


def test_an_association_the_trust_does_not_admit_fails_synth_with_the_typescript_message() -> None:
    app = App()
    stack = Stack(app, "Stack", env=Environment(account=A, region="eu-west-1"))
    role = AssumableRole(stack, "Role", trust=[Trust.eks_pod_identity(namespaces=["batch"])])
    role.add_pod_identity_association("Api", cluster_name="prod", namespace="payments", service_account="api")
    with pytest.raises(RuntimeError) as raised:
        app.synth()
    assert (
        'Stack/Role: invalid addPodIdentityAssociation(Api) "prod/payments/api": the role\'s trust admits no such association '
        '(Trust.eksPodIdentity(namespace batch): namespace "payments" is not batch)'
    ) in str(raised.value)


@pytest.mark.parametrize("make,message", [
    pytest.param(lambda s: AssumableRole(s, "Role", trust=[Trust.eks_pod_identity(service_accounts=["payments:api"])]),
                 'Stack/Role: invalid trust[0] "Trust.eksPodIdentity(service account payments:api)": service account "payments:api" '
                 "must be a name only, without its namespace; give the namespace in namespaces", id="service account with its namespace"),
    pytest.param(lambda s: AssumableRole(s, "Role", trust=[Trust.eks_pod_identity()]).add_pod_identity_association(
                 "Api", cluster_name="prod", namespace="team-*", service_account="api"),
                 'Stack/Role: invalid addPodIdentityAssociation(Api).namespace "team-*": must be a Kubernetes namespace: a lowercase DNS label '
                 'of at most 63 characters (a-z, 0-9 and "-", starting and ending with a letter or digit)', id="association namespace pattern"),
])
def test_bad_input_raises_the_typescript_message(make: Any, message: str) -> None:
    with pytest.raises(RuntimeError) as raised:
        make(Stack(App(), "Stack"))
    assert message in str(raised.value)


def test_catalog_pod_identity_fields() -> None:
    stack = in_account()
    document: Dict[str, Any] = {"roles": [{
        "name": "payments-api", "kind": "assumable",
        "trust": [{"eksPodIdentity": True, "clusterNames": ["prod"], "namespaces": ["payments"], "serviceAccounts": ["api"]}],
        "podIdentityAssociations": [{"clusterName": "prod", "namespace": "payments", "serviceAccount": "api"}],
    }]}
    catalog = RoleCatalog.from_object(stack, "Roles", document)
    assert catalog.role("payments-api").trusts[0].to_string() == "Trust.eksPodIdentity(cluster prod, namespace payments, service account api)"
    Template.from_stack(stack).resource_count_is("AWS::EKS::PodIdentityAssociation", 1)
