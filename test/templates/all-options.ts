/**
 * One stack that uses every construct of the library and every `Trust` kind with all of its
 * options, synthesized only to be linted by cfn-lint (test/templates/test_cfn_lint.py) and
 * deployed to the local emulator (`npx projen integ:local`). It asserts nothing by itself.
 *
 * Synthesize it with `npx cdk synth --app 'npx ts-node test/templates/all-options.ts'`.
 */
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  AssumableRole, BoundedRole, CallerPolicy, CrossAccountRole, IrsaRole, OidcIssuer, PermissionsBoundary, RoleCatalog,
  RoleChecks, ServiceRole, Trust,
} from '../../src';

const PARTNER = '111122223333';
const OTHER = '444455556666';
const EKS_HOST = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

const app = new App();
const stack = new Stack(app, 'AllOptions', { description: 'cdk-assumable-roles: every construct and every Trust kind' });

const boundary = new iam.ManagedPolicy(stack, 'Boundary', {
  statements: [new iam.PolicyStatement({ actions: ['s3:*', 'logs:*'], resources: ['*'] })],
});
const managed = new iam.ManagedPolicy(stack, 'Managed', {
  statements: [new iam.PolicyStatement({ actions: ['s3:ListAllMyBuckets'], resources: ['*'] })],
});

// Every prop of the common base, and every Trust factory with every option it has.
const everything = new AssumableRole(stack, 'EveryTrustKind', {
  roleName: 'every-trust-kind',
  description: 'Every trust kind with all options',
  path: '/all/options/',
  maxSessionDuration: Duration.hours(12),
  managedPolicies: [managed],
  managedPolicyArns: ['arn:{partition}:iam::{account}:policy/team-extra'],
  awsManagedPolicyNames: ['ReadOnlyAccess'],
  inlinePolicies: {
    logs: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream'], resources: ['*'] })] }),
  },
  inlinePolicyJson: {
    reports: {
      Version: '2012-10-17',
      Statement: [{ Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:{partition}:s3:::reports-{account}/*' }],
    },
  },
  tags: { 'team': 'platform', 'cost-center': '4711' },
  removalPolicy: RemovalPolicy.DESTROY,
  outputs: true,
  trustPolicySizeQuota: 4096,
  managedPoliciesQuota: 20,
  permissionsBoundary: PermissionsBoundary.fromPolicy(boundary),
  trust: [
    Trust.service('lambda').withSourceAccount().withSourceArn('arn:{partition}:lambda:{region}:{account}:function:*'),
    Trust.services(['states', 'events']).withSourceAccount(PARTNER).withSessionTags(),
    Trust.eksPodIdentity().withSourceIdentity(),
    Trust.account(PARTNER).withExternalId('partner-7d1f').requireMfa(Duration.hours(1)),
    Trust.accounts([PARTNER, OTHER]).withExternalIds(['partner-a1', 'partner-b2']).withinOrganization('o-a1b2c3d4e5'),
    Trust.role(`arn:{partition}:iam::${PARTNER}:role/ci/deployer`).withPrincipalArn(`arn:{partition}:iam::${PARTNER}:role/ci/*`),
    Trust.roles([`arn:aws:iam::${OTHER}:role/a`, 'arn:{partition}:iam::{account}:role/b']).requireMfa(),
    Trust.user(`arn:{partition}:iam::${OTHER}:user/alice`).withSessionTags().withSourceIdentity(),
    Trust.principals([`arn:{partition}:iam::${PARTNER}:root`, `arn:aws:iam::${OTHER}:user/bob`])
      .withCondition('StringEquals', 'aws:PrincipalTag/team', ['ops']),
  ],
});

// The web identity and SAML kinds, on a second role (the first would pass the 4,096 quota).
new AssumableRole(stack, 'EveryFederatedKind', {
  trustPolicySizeQuota: 4096,
  trust: [
    Trust.eksServiceAccounts(OidcIssuer.fromIssuerUrl(`https://${EKS_HOST}`), ['apps:api', 'jobs:worker-*']),
    Trust.eksServiceAccount(OidcIssuer.fromProviderArn(`arn:{partition}:iam::{account}:oidc-provider/${EKS_HOST}`), 'apps', 'web')
      .withAudiences(['sts.amazonaws.com']),
    Trust.githubActions({ repository: 'octo-org/app', branches: ['main', 'release/*'], tags: ['v1'], environments: ['prod'], pullRequests: true }),
    Trust.githubActions({ repository: 'octo-org/*', issuer: OidcIssuer.githubActions(`arn:aws:iam::${OTHER}:oidc-provider/token.actions.githubusercontent.com`) }),
    Trust.openIdConnect(OidcIssuer.fromProviderArn('arn:{partition}:iam::{account}:oidc-provider/auth.example.com/realms/ci'), {
      subjects: ['user-1', 'group-*'],
      audiences: ['client-a'],
    }),
    Trust.saml(`arn:{partition}:iam::${PARTNER}:saml-provider/okta`).withSessionTags(),
    Trust.saml(`arn:aws:iam::${OTHER}:saml-provider/azure`, { audiences: ['https://signin.aws.amazon.com/saml'] }),
  ],
});

// Each L3 construct with every prop of its own.
const service = new ServiceRole(stack, 'Service', {
  services: ['ec2', 'ssm'],
  restrictToSourceAccount: true,
  sourceArns: ['arn:{partition}:ssm:{region}:{account}:*'],
  instanceProfile: true,
  path: '/instances/',
});
const partner = new CrossAccountRole(stack, 'CrossAccount', {
  trustedAccounts: [PARTNER],
  trustedRoleArns: [`arn:{partition}:iam::${OTHER}:role/auditor`],
  trustedUserArns: [`arn:aws:iam::${OTHER}:user/carol`],
  externalIds: ['partner-7d1f'],
  requireMfa: true,
  mfaMaxAge: Duration.hours(1),
  principalArnPatterns: [`arn:{partition}:iam::${OTHER}:role/audit-*`],
  organizationId: 'o-a1b2c3d4e5',
  sessionTags: true,
  sourceIdentity: true,
  removalPolicy: RemovalPolicy.RETAIN,
});
// An issuer known only at deploy time (a provider of this stack): its condition keys are
// tokens, so the trust policy's conditions go through CfnJson (a Lambda-backed custom resource).
const provider = new iam.OidcProviderNative(stack, 'ClusterProvider', {
  url: `https://${EKS_HOST.replace('EXAMPLE', 'TOKEN00')}`,
  clientIds: ['sts.amazonaws.com'],
  thumbprints: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
});
new IrsaRole(stack, 'Irsa', {
  issuers: [OidcIssuer.fromIssuerUrl(`https://${EKS_HOST}`), OidcIssuer.fromOpenIdConnectProvider(provider)],
  serviceAccounts: ['kube-system:external-dns', 'jobs:*'],
});
new BoundedRole(stack, 'Bounded', {
  trust: [Trust.githubActions({ repository: 'octo-org/app', environments: ['prod'] })],
  permissionsBoundary: PermissionsBoundary.fromName('team-boundary'),
});
new BoundedRole(stack, 'BoundedByArn', {
  trust: [Trust.service('lambda').withSourceAccount()],
  permissionsBoundary: PermissionsBoundary.fromArn('arn:{partition}:iam::{account}:policy/team-boundary'),
});

// Every principal of an organization, and of organizational units.
new AssumableRole(stack, 'Organization', {
  trust: [
    Trust.organization('o-a1b2c3d4e5').withPrincipalArn('arn:{partition}:iam::*:role/deployer').requireMfa(Duration.hours(1)).withSessionTags(),
    Trust.organizationalUnits('o-a1b2c3d4e5', ['ou-ab12-11111111', 'ou-ab12-22222222']).withSourceIdentity(),
  ],
});

// Roles that may assume themselves: named, and with a generated name.
new ServiceRole(stack, 'SelfAssumeNamed', { services: ['lambda'], roleName: 'self-assume-named', path: '/jobs/', allowSelfAssume: true });
new AssumableRole(stack, 'SelfAssumeGenerated', { trust: [Trust.service('lambda')], allowSelfAssume: true });
// The web identity providers built into STS, with every option, on a role of their own.
const pool = 'us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const builtin = new AssumableRole(stack, 'BuiltinWebIdentity', {
  trust: [
    Trust.cognitoIdentityPool(pool, { unauthenticated: true, identityIds: ['us-east-1:99999999-8888-7777-6666-555555555555'] }).withSessionTags(),
    Trust.google(['123456789012-abcdefghijklmnop.apps.googleusercontent.com'], { userIds: ['110169484474386276334'], originalAudiences: ['sts.amazonaws.com'] }),
    Trust.facebook(['111222333444555'], { userIds: ['10000000001'] }),
    Trust.loginWithAmazon(['amzn1.application-oa2-client.5d1a2b3c4d5e6f'], { userIds: ['amzn1.account.AF2EXAMPLE'] }).withSourceIdentity(),
  ],
});
RoleChecks.acknowledge(builtin, 'CognitoUnauthenticatedAccess', 'every option, linted only');

// EKS Pod Identity: a role restricted by session tags with its associations (one through a target
// role), a plain one whose association disables session tags, and a target role's trust.
const pods = new AssumableRole(stack, 'PodIdentity', {
  trust: [Trust.eksPodIdentity({ clusterNames: ['prod', 'dr-*'], namespaces: ['payments'], serviceAccounts: ['api'] })],
  podIdentityAssociations: [{ clusterName: 'prod', namespace: 'payments', serviceAccount: 'api' }],
});
pods.addPodIdentityAssociation('ViaTarget', {
  clusterName: 'dr-1', namespace: 'payments', serviceAccount: 'api', targetRoleArn: `arn:{partition}:iam::${PARTNER}:role/payments-reader`,
});
new AssumableRole(stack, 'PodIdentityUntagged', {
  trust: [Trust.eksPodIdentity({ clusterArns: ['arn:{partition}:eks:{region}:{account}:cluster/*'] }), Trust.eksPodIdentity()],
  podIdentityAssociations: [{ clusterName: 'prod', namespace: 'batch', serviceAccount: 'worker', disableSessionTags: true }],
});
new AssumableRole(stack, 'PodIdentityTarget', {
  trust: [Trust.eksPodIdentityRole(`arn:{partition}:iam::${PARTNER}:role/payments-api`, { clusterNames: ['prod'], namespaces: ['payments'], serviceAccounts: ['api'] })],
});

// The caller's side of cross-account access, and the roles of a catalog file.
const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
new CallerPolicy(stack, 'CallerPolicy', {
  roleArns: [partner.roleArn, everything.roleArn],
  grantees: [caller],
  sessionTags: true,
  sourceIdentity: true,
});
everything.grantPassRole(caller);
service.grantAssumeRole(caller);
RoleCatalog.fromFile(stack, 'Catalog', `${__dirname}/../../examples/catalog/roles.yaml`, { sourceName: 'examples/catalog/roles.yaml' });

app.synth();
