"""CI identities from Python: GitHub subject formats and claims, GitLab CI and HCP Terraform presets,
their catalog entries, their bad input and the review's words."""
from pathlib import Path
from typing import Any, Dict

import pytest
from aws_cdk import App, Stack

from cdk_assumable_roles import (
    AssumableRole,
    GitHubSubjectFormat,
    HcpTerraformRunPhase,
    OidcIssuer,
    ReviewFormat,
    RoleCatalog,
    RoleReview,
    Trust,
)

from conftest import ACCOUNT, trust_statements

GITHUB = "token.actions.githubusercontent.com"
WORKFLOW = "octo-org/automation/.github/workflows/deploy.yml@refs/heads/main"


def web_identity(host: str, condition: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/{host}"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": condition,
    }


def test_github_immutable_subjects(stack: Stack) -> None:
    trust = Trust.github_actions(
        repository="octo-org/app", branches=["main"], subject_format=GitHubSubjectFormat.IMMUTABLE,
        repository_owner_id="123456", repository_id="456789",
    )
    AssumableRole(stack, "Role", trust=[trust])
    assert trust_statements(stack) == [web_identity(GITHUB, {"StringEquals": {
        f"{GITHUB}:aud": "sts.amazonaws.com", f"{GITHUB}:sub": "repo:octo-org@123456/app@456789:ref:refs/heads/main"}})]


def test_github_claims_and_a_customized_template_share_the_statement_of_sub(stack: Stack) -> None:
    trust = Trust.github_actions(
        repository="octo-org/*", environments=["prod"], repository_owner_id="123456",
        subject_claim_keys=["repo", "context", "repository_visibility"], subject_claim_values={"repository_visibility": "private"},
        job_workflow_refs=[WORKFLOW], actor_ids=["49699333"],
    )
    AssumableRole(stack, "Role", trust=[trust])
    [statement] = trust_statements(stack)
    assert statement["Condition"] == {
        "StringEquals": {
            f"{GITHUB}:repository_owner_id": "123456",
            f"{GITHUB}:job_workflow_ref": WORKFLOW,
            f"{GITHUB}:actor_id": "49699333",
            f"{GITHUB}:aud": "sts.amazonaws.com",
        },
        "StringLike": {f"{GITHUB}:sub": "repo:octo-org/*:environment:prod:repository_visibility:private"},
    }


def test_gitlab_ci_on_gitlab_com_and_on_a_self_managed_instance(stack: Stack) -> None:
    AssumableRole(stack, "Role", trust=[
        Trust.gitlab_ci(project="acme/web", branches=["main"], project_id="67890", protected_refs_only=True),
        Trust.gitlab_ci(project="platform/app", tags=["v1"], issuer=OidcIssuer.gitlab("https://gitlab.example.com"),
                        audiences=["https://gitlab.example.com"]),
    ])
    assert trust_statements(stack) == [
        web_identity("gitlab.com", {"StringEquals": {
            "gitlab.com:project_id": "67890", "gitlab.com:ref_protected": "true", "gitlab.com:aud": "sts.amazonaws.com",
            "gitlab.com:sub": "project_path:acme/web:ref_type:branch:ref:main"}}),
        web_identity("gitlab.example.com", {"StringEquals": {
            "gitlab.example.com:aud": "https://gitlab.example.com", "gitlab.example.com:sub": "project_path:platform/app:ref_type:tag:ref:v1"}}),
    ]


def test_hcp_terraform_one_workspace_in_apply(stack: Stack) -> None:
    trust = Trust.hcp_terraform(organization="acme", workspaces=["prod"], run_phases=[HcpTerraformRunPhase.APPLY])
    AssumableRole(stack, "Role", trust=[trust])
    assert trust_statements(stack) == [web_identity("app.terraform.io", {
        "StringEquals": {"app.terraform.io:aud": "aws.workload.identity"},
        "StringLike": {"app.terraform.io:sub": "organization:acme:project:*:workspace:prod:run_phase:apply"},
    })]


# Messages copied from test/trust/ci-trust.input.test.ts, where they were read by hand.
BAD = [
    ("an empty HCP Terraform organization", lambda: Trust.hcp_terraform(organization=""),
     'Stack/Role: invalid trust[0] "Trust.hcpTerraform(organization::project:*:workspace:*:run_phase:*)": '
     'organization "" must be an HCP Terraform organization name: not empty, without whitespace or ":"'),
    ("a GitLab project carrying sub fields of its own", lambda: Trust.gitlab_ci(project="group/app:ref_type:tag:ref:v1", branches=["main"]),
     'Stack/Role: invalid trust[0] "Trust.gitlabCi(project_path:group/app:ref_type:tag:ref:v1:ref_type:branch:ref:main)": '
     'project "group/app:ref_type:tag:ref:v1" must be a GitLab project path written "group/project" (subgroups allowed: "group/subgroup/project"), '
     'without whitespace or ":"; * and ? are wildcards'),
    ("GitHub immutable subjects without the IDs", lambda: Trust.github_actions(repository="octo-org/app", subject_format=GitHubSubjectFormat.IMMUTABLE),
     'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org@<repositoryOwnerId>/app:*)": '
     'subjectFormat IMMUTABLE needs repositoryOwnerId: the immutable subject is "repo:OWNER@OWNER-ID/REPO@REPO-ID:..."; '
     'subjectFormat IMMUTABLE needs repositoryId for the repository "octo-org/app": the immutable subject is "repo:OWNER@OWNER-ID/REPO@REPO-ID:..."'),
]


@pytest.mark.parametrize("make,message", [pytest.param(m, msg, id=name) for name, m, msg in BAD])
def test_bad_input_raises_the_typescript_message(make: Any, message: str) -> None:
    with pytest.raises(RuntimeError) as raised:
        AssumableRole(Stack(App(), "Stack"), "Role", trust=[make()])
    assert str(raised.value) == message


def test_catalog_entries_for_the_ci_presets(stack: Stack) -> None:
    RoleCatalog.from_yaml(stack, "Roles", "\n".join([
        "roles:",
        "  - name: ci",
        "    kind: assumable",
        "    trust:",
        "      - {gitHubRepository: octo-org/app, branches: [main], subjectFormat: immutable, repositoryOwnerId: 123456, repositoryId: 456789}",
        "      - {gitLabProject: acme/web, branches: [main]}",
        "      - {hcpTerraformOrganization: acme, workspaces: [prod], runPhases: [plan]}",
    ]))
    conditions = [{**s["Condition"].get("StringEquals", {}), **s["Condition"].get("StringLike", {})} for s in trust_statements(stack)]
    subjects = [value for condition in conditions for key, value in condition.items() if key.endswith(":sub")]
    assert subjects == [
        "repo:octo-org@123456/app@456789:ref:refs/heads/main",
        "project_path:acme/web:ref_type:branch:ref:main",
        "organization:acme:project:*:workspace:prod:run_phase:plan",
    ]


def test_the_review_says_who_in_plain_words(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "Ci")
    AssumableRole(stack, "GitLab", trust=[Trust.gitlab_ci(project="group/app", branches=["main"])])
    AssumableRole(stack, "Terraform", trust=[Trust.hcp_terraform(organization="acme", workspaces=["prod"], run_phases=[HcpTerraformRunPhase.APPLY])])
    app.synth()
    report = RoleReview.from_assembly(str(tmp_path)).render(ReviewFormat.MARKDOWN)
    assert "GitLab CI: project group/app, branch main" in report
    assert "HCP Terraform: organization acme, workspace prod, apply" in report
