// A platform team's app: one role of each kind, synthesized offline with `npx projen synth:example`.
// In your own app, import from 'cdk-assumable-roles' instead of '../../src'.
import * as path from 'path';
import { App, Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  BoundedRole,
  CrossAccountRole,
  IrsaRole,
  OidcIssuer,
  PermissionsBoundary,
  RoleCatalog,
  ServiceRole,
  Trust,
} from '../../src';

class PlatformRolesStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // A Lambda function's role, guarded against the confused deputy.
    const functionRole = new ServiceRole(this, 'ReportsFunctionRole', {
      services: ['lambda'],
      restrictToSourceAccount: true,
      awsManagedPolicyNames: ['service-role/AWSLambdaBasicExecutionRole'],
      inlinePolicyJson: {
        'read-reports': `{
          "Version": "2012-10-17",
          "Statement": {
            "Effect": "Allow",
            "Action": ["s3:GetObject"],
            "Resource": "arn:{partition}:s3:::reports-{account}/*"
          }
        }`,
      },
    });
    new lambda.Function(this, 'ReportsFunction', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => "ok";'),
      role: functionRole,
    });

    // A partner's account reads our reports, with an ExternalId.
    const partnerRole = new CrossAccountRole(this, 'PartnerReadOnly', {
      trustedAccounts: ['111122223333'],
      externalIds: ['partner-7d1f3a'],
      maxSessionDuration: Duration.hours(2),
      awsManagedPolicyNames: ['ReadOnlyAccess'],
      outputs: true,
    });

    // A workload in an EKS cluster, through IRSA.
    new IrsaRole(this, 'ExternalDns', {
      issuers: [OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE')],
      serviceAccounts: ['kube-system:external-dns'],
      inlinePolicies: {
        route53: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({
            actions: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets'],
            resources: ['arn:aws:route53:::hostedzone/*'],
          })],
        }),
      },
    });

    // A team's deploy role from GitHub Actions, capped by the platform's boundary.
    new BoundedRole(this, 'TeamDeployer', {
      trust: [Trust.githubActions({ repository: 'example-org/payments', branches: ['main'] })],
      permissionsBoundary: PermissionsBoundary.fromName('team-boundary'),
      awsManagedPolicyNames: ['PowerUserAccess'],
      path: '/teams/payments/',
    });

    // The other side of cross-account access: what a caller's role needs.
    const caller = new iam.Role(this, 'ExampleCaller', { assumedBy: new iam.AccountRootPrincipal() });
    caller.addToPrincipalPolicy(partnerRole.callerPolicyStatement());
  }
}

/** The roles a platform team keeps in a YAML file next to the app (examples/catalog/roles.yaml). */
class CatalogRolesStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const catalog = RoleCatalog.fromFile(this, 'Roles', path.join(__dirname, '..', 'catalog', 'roles.yaml'), {
      sourceName: 'examples/catalog/roles.yaml',
    });
    // Roles of the catalog are ordinary constructs of this library.
    catalog.role('report-builder').grantPassRole(new iam.AccountRootPrincipal());
  }
}

const app = new App();
const stacks = [new PlatformRolesStack(app, 'PlatformRoles'), new CatalogRolesStack(app, 'CatalogRoles')];
const assembly = app.synth();
for (const stack of stacks) {
  console.error(`Template written to ${path.relative(process.cwd(), path.join(assembly.directory, stack.templateFile))}`);
}
