/**
 * The four construct kinds measured, each as our construct and as the plain `iam.Role` a
 * careful user would write by hand for the same trust policy, policies and boundary.
 *
 * The modules come as a parameter (only types are imported here), so that a cold process can
 * load this file first and then time loading aws-cdk-lib and the library (bench/cold-run-child.ts).
 */
import type * as Cdk from 'aws-cdk-lib';
import type * as Iam from 'aws-cdk-lib/aws-iam';
import type { Construct, IConstruct } from 'constructs';
import type * as Library from '../src';

/** Our construct or the plain equivalent. */
export type Variant = 'ours' | 'plain';

/** The modules the scenarios build with: the library is loaded only when `ours` is called. */
export interface Modules {
  readonly cdk: typeof Cdk;
  readonly iam: typeof Iam;
  readonly library: () => typeof Library;
}

/** One construct kind with both ways of building it. */
export interface Scenario {
  readonly name: string;
  /** What the role is, for the report. */
  readonly description: string;
  /** Our construct, returned so that it can be evaluated. */
  ours(scope: Construct, id: string): IConstruct;
  /** The plain `iam.Role` built for the same trust, policies and boundary. */
  plain(scope: Construct, id: string): IConstruct;
}

const ISSUER_HOST = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const GITHUB_HOST = 'token.actions.githubusercontent.com';
const SERVICE_ACCOUNTS = ['default:app', 'kube-system:worker'];

/** The scenarios, built with the given modules. */
export function makeScenarios({ cdk, iam, library }: Modules): Scenario[] {
  const { Aws } = cdk;
  const readPolicy = () => new iam.PolicyDocument({
    statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports-bucket/*'] })],
  });
  const providerArn = (host: string) => `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:oidc-provider/${host}`;
  return [
    {
      name: 'ServiceRole',
      description: 'lambda, restrictToSourceAccount, 1 inline policy, 1 AWS managed policy',
      ours: (scope, id) => new (library().ServiceRole)(scope, id, {
        services: ['lambda'],
        restrictToSourceAccount: true,
        inlinePolicies: { Read: readPolicy() },
        awsManagedPolicyNames: ['service-role/AWSLambdaBasicExecutionRole'],
      }),
      plain: (scope, id) => new iam.Role(scope, id, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com')
          .withConditions({ StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } }),
        inlinePolicies: { Read: readPolicy() },
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
      }),
    },
    {
      name: 'CrossAccountRole',
      description: '1 account, ExternalId, MFA',
      ours: (scope, id) => new (library().CrossAccountRole)(scope, id, {
        trustedAccounts: ['111122223333'],
        externalIds: ['partner-7d1f'],
        requireMfa: true,
      }),
      plain: (scope, id) => new iam.Role(scope, id, {
        assumedBy: new iam.AccountPrincipal('111122223333').withConditions({
          StringEquals: { 'sts:ExternalId': 'partner-7d1f' },
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        }),
      }),
    },
    {
      name: 'IrsaRole',
      description: '1 issuer by URL, 2 service accounts',
      ours: (scope, id) => new (library().IrsaRole)(scope, id, {
        issuers: [library().OidcIssuer.fromIssuerUrl(`https://${ISSUER_HOST}`)],
        serviceAccounts: SERVICE_ACCOUNTS,
      }),
      plain: (scope, id) => new iam.Role(scope, id, {
        assumedBy: new iam.WebIdentityPrincipal(providerArn(ISSUER_HOST), {
          StringEquals: {
            [`${ISSUER_HOST}:aud`]: 'sts.amazonaws.com',
            [`${ISSUER_HOST}:sub`]: SERVICE_ACCOUNTS.map((sa) => `system:serviceaccount:${sa}`),
          },
        }),
      }),
    },
    {
      name: 'BoundedRole',
      description: 'GitHub Actions trust (1 repo, branch main), boundary by name',
      ours: (scope, id) => new (library().BoundedRole)(scope, id, {
        trust: [library().Trust.githubActions({ repository: 'my-org/my-repo', branches: ['main'] })],
        permissionsBoundary: library().PermissionsBoundary.fromName('team-boundary'),
      }),
      plain: (scope, id) => new iam.Role(scope, id, {
        assumedBy: new iam.WebIdentityPrincipal(providerArn(GITHUB_HOST), {
          StringEquals: {
            [`${GITHUB_HOST}:aud`]: 'sts.amazonaws.com',
            [`${GITHUB_HOST}:sub`]: 'repo:my-org/my-repo:ref:refs/heads/main',
          },
        }),
        // One import per role, as ours does (PermissionsBoundary.bind imports it under the role).
        permissionsBoundary: iam.ManagedPolicy.fromManagedPolicyName(scope, `${id}Boundary`, 'team-boundary'),
      }),
    },
  ];
}

/** Adds `count` roles to `scope` (ids R<offset>, ...), cycling through the scenarios or all of kind `only`. */
export function addScenarioRoles(scenarios: Scenario[], scope: Construct, variant: Variant, count: number, offset = 0, only?: Scenario): void {
  for (let i = 0; i < count; i++) {
    const scenario = only ?? scenarios[(offset + i) % scenarios.length];
    scenario[variant](scope, `R${offset + i}`);
  }
}
