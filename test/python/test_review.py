"""The review of a whole app from Python: RoleReviewPlugin at synthesis, and RoleReview of the assembly."""
import json
from pathlib import Path
from typing import List

import jsii
from aws_cdk import App, Environment, IPolicyValidationContextBeta1, Stack
from aws_cdk import aws_iam as iam

from cdk_assumable_roles import ReviewFailureLevel, ReviewFormat, RoleChecks, RoleReview, RoleReviewPlugin

PREFIX = "cdk-assumable-roles:"
ENV = Environment(account="123456789012", region="us-east-1")


def build(app: App) -> None:
    """Stack `Prod`: `Partner` trusts another account's root without a guard (a warning), `Acked`
    has the same warning acknowledged, `Safe` is a Lambda role."""
    stack = Stack(app, "Prod", env=ENV)
    iam.Role(stack, "Partner", assumed_by=iam.AccountPrincipal("111122223333"))
    acked = iam.Role(stack, "Acked", assumed_by=iam.AccountPrincipal("444455556666"))
    RoleChecks.acknowledge(acked, "CrossAccountWithoutGuard", "the partner cannot send an ExternalId")
    iam.Role(stack, "Safe", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))


def synth(outdir: Path, plugin: RoleReviewPlugin) -> RoleReview:
    """Synthesizes the app with the plugin into `outdir`, then reviews the assembly.

    The plugin writes its files just after CDK's validation (CDK forbids a plugin to change the
    assembly while it runs): before the next call into the library, here `from_assembly`.
    """
    app = App(outdir=str(outdir), policy_validation_beta1=[plugin])
    build(app)
    app.synth()
    return RoleReview.from_assembly(str(outdir))


def test_the_plugin_writes_the_review_files_into_the_assembly_directory(tmp_path: Path) -> None:
    plugin = RoleReviewPlugin(report_formats=[ReviewFormat.JSON, ReviewFormat.MARKDOWN, ReviewFormat.MERMAID])
    synth(tmp_path, plugin)
    written = json.loads((tmp_path / "role-review.json").read_text())
    assert written["summary"]["roles"] == 3
    assert written["summary"]["findings"] == {"error": 0, "warning": 1, "info": 0, "acknowledged": 1}
    assert (tmp_path / "role-review.md").read_text()
    assert (tmp_path / "role-review.mmd").read_text()


def test_no_review_file_unless_asked(tmp_path: Path) -> None:
    synth(tmp_path, RoleReviewPlugin())
    assert sorted(p.name for p in tmp_path.glob("role-review*")) == []


def test_the_review_of_the_assembly_as_json(tmp_path: Path) -> None:
    review = synth(tmp_path, RoleReviewPlugin(fail_on=ReviewFailureLevel.NEVER))
    assert review.role_count == 3
    assert review.open_finding_count == 1
    document = json.loads(review.render(ReviewFormat.JSON))
    assert document["summary"]["roles"] == 3
    roles = {r["path"]: r for r in document["roles"]}
    assert sorted(roles) == ["Prod/Acked", "Prod/Partner", "Prod/Safe"]
    assert [f["id"] for f in roles["Prod/Partner"]["findings"]] == [f"{PREFIX}CrossAccountWithoutGuard"]
    assert roles["Prod/Acked"]["findings"][0]["acknowledged"] == "the partner cannot send an ExternalId"
    assert roles["Prod/Safe"]["findings"] == []


@jsii.implements(IPolicyValidationContextBeta1)
class Templates:
    """The context CDK gives a validation plugin: the template files."""

    def __init__(self, paths: List[str]) -> None:
        self._paths = paths

    @property
    def template_paths(self) -> List[str]:
        return self._paths


def test_validate_reports_the_open_warning_as_a_violation_and_fails_on_warnings_when_asked(tmp_path: Path) -> None:
    synth(tmp_path, RoleReviewPlugin())
    templates = Templates([str(tmp_path / "Prod.template.json")])
    plugin = RoleReviewPlugin()
    assert plugin.name == "cdk-assumable-roles"
    assert f"{PREFIX}TrustAnyPrincipal" in (plugin.rule_ids or [])
    report = plugin.validate(templates)
    assert report.success
    assert [(v.rule_name, v.severity) for v in report.violations] == [(f"{PREFIX}CrossAccountWithoutGuard", "warning")]
    [resource] = report.violations[0].violating_resources
    assert resource.resource_logical_id.startswith("Partner")
    assert resource.locations == ["Properties/AssumeRolePolicyDocument/Statement/0"]
    assert not RoleReviewPlugin(fail_on=ReviewFailureLevel.WARNING).validate(templates).success
