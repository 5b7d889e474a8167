#!/usr/bin/env python3
"""A platform team's app: one role of each kind (the Python edition of examples/typescript/app.ts).

Run it with `cdk synth` from this directory after `pip install -r requirements.txt`.
In this repository it is type-checked with pyright (`npx projen test:python`) and run by the
cdk CLI with the library's wheel installed (`npx projen test:wheel`), which requires its
templates to equal the TypeScript example's.
"""
import os
import sys
from typing import Any

from aws_cdk import App, Duration, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

from cdk_assumable_roles import (
    BoundedRole,
    CrossAccountRole,
    IrsaRole,
    OidcIssuer,
    PermissionsBoundary,
    RoleCatalog,
    ServiceRole,
    Trust,
)

HERE = os.path.dirname(os.path.abspath(__file__))


class PlatformRolesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs: Any) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # A Lambda function's role, guarded against the confused deputy.
        function_role = ServiceRole(
            self,
            "ReportsFunctionRole",
            services=["lambda"],
            restrict_to_source_account=True,
            aws_managed_policy_names=["service-role/AWSLambdaBasicExecutionRole"],
            inline_policy_json={
                "read-reports": """{
                  "Version": "2012-10-17",
                  "Statement": {
                    "Effect": "Allow",
                    "Action": ["s3:GetObject"],
                    "Resource": "arn:{partition}:s3:::reports-{account}/*"
                  }
                }""",
            },
        )
        lambda_.Function(
            self,
            "ReportsFunction",
            runtime=lambda_.Runtime.NODEJS_22_X,
            handler="index.handler",
            code=lambda_.Code.from_inline('exports.handler = async () => "ok";'),
            role=function_role,
        )

        # A partner's account reads our reports, with an ExternalId.
        partner_role = CrossAccountRole(
            self,
            "PartnerReadOnly",
            trusted_accounts=["111122223333"],
            external_ids=["partner-7d1f3a"],
            max_session_duration=Duration.hours(2),
            aws_managed_policy_names=["ReadOnlyAccess"],
            outputs=True,
        )

        # A workload in an EKS cluster, through IRSA.
        IrsaRole(
            self,
            "ExternalDns",
            issuers=[
                OidcIssuer.from_issuer_url(
                    "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
                )
            ],
            service_accounts=["kube-system:external-dns"],
            inline_policies={
                "route53": iam.PolicyDocument(
                    statements=[
                        iam.PolicyStatement(
                            actions=["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"],
                            resources=["arn:aws:route53:::hostedzone/*"],
                        )
                    ]
                ),
            },
        )

        # A team's deploy role from GitHub Actions, capped by the platform's boundary.
        BoundedRole(
            self,
            "TeamDeployer",
            trust=[Trust.github_actions(repository="example-org/payments", branches=["main"])],
            permissions_boundary=PermissionsBoundary.from_name("team-boundary"),
            aws_managed_policy_names=["PowerUserAccess"],
            path="/teams/payments/",
        )

        # The other side of cross-account access: what a caller's role needs.
        # (aws-cdk-lib 2.245's Python AccountRootPrincipal names a parameter `_statement` where the
        # IPrincipal protocol says `statement`: pyright reports it, even in its default mode; it works
        # at run time. The check fails once the ignore is no longer needed, so it can be dropped then.)
        caller = iam.Role(
            self,
            "ExampleCaller",
            assumed_by=iam.AccountRootPrincipal(),  # pyright: ignore[reportArgumentType]
        )
        caller.add_to_principal_policy(partner_role.caller_policy_statement())


class CatalogRolesStack(Stack):
    """The roles a platform team keeps in a YAML file next to the app (examples/catalog/roles.yaml)."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs: Any) -> None:
        super().__init__(scope, construct_id, **kwargs)
        catalog = RoleCatalog.from_file(
            self,
            "Roles",
            os.path.join(HERE, "..", "catalog", "roles.yaml"),
            source_name="examples/catalog/roles.yaml",
        )
        # Roles of the catalog are ordinary constructs of this library.
        catalog.role("report-builder").grant_pass_role(
            iam.AccountRootPrincipal()  # pyright: ignore[reportArgumentType] (see above)
        )


app = App()
stacks = [PlatformRolesStack(app, "PlatformRoles"), CatalogRolesStack(app, "CatalogRoles")]
assembly = app.synth()
for stack in stacks:
    template = os.path.relpath(os.path.join(assembly.directory, stack.template_file))
    print(f"Template written to {template}", file=sys.stderr)
