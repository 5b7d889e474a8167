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

/**
 * The scenarios, built with the given modules.
 *
 * @param distinct when true, every role's documents differ from every other's (the account, ExternalId,
 *   service accounts, repository and bucket are derived from the construct id), so nothing is shared between
 *   roles; by default roles of one kind are alike, as an app's roles of one kind often are.
 */
export function makeScenarios({ cdk, iam, library }: Modules, distinct = false): Scenario[] {
  const { Aws } = cdk;
  // The number in the construct id (R17 -> 17), when roles must differ.
  const n = (id: string) => (distinct ? Number(id.replace(/\D/g, '')) : 0);
  const bucket = (id: string) => (distinct ? `reports-${n(id)}` : 'reports-bucket');
  const account = (id: string) => (distinct ? String(111122223333 + n(id)) : '111122223333');
  const externalId = (id: string) => (distinct ? `partner-${n(id)}` : 'partner-7d1f');
  const serviceAccounts = (id: string) => (distinct ? [`team-${n(id)}:app`, `team-${n(id)}:worker`] : SERVICE_ACCOUNTS);
  const repository = (id: string) => (distinct ? `my-org/repo-${n(id)}` : 'my-org/my-repo');
  const readPolicy = (id: string) => new iam.PolicyDocument({
    statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [`arn:aws:s3:::${bucket(id)}/*`] })],
  });
  const providerArn = (host: string) => `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:oidc-provider/${host}`;
  const scenarios: Scenario[] = [
    {
      name: 'ServiceRole',
      description: 'lambda, restrictToSourceAccount, 1 inline policy, 1 AWS managed policy',
      ours: (scope, id) => new (library().ServiceRole)(scope, id, {
        services: ['lambda'],
        restrictToSourceAccount: true,
        inlinePolicies: { Read: readPolicy(id) },
        awsManagedPolicyNames: ['service-role/AWSLambdaBasicExecutionRole'],
      }),
      plain: (scope, id) => new iam.Role(scope, id, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com')
          .withConditions({ StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } }),
        inlinePolicies: { Read: readPolicy(id) },
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
      }),
    },
    {
      name: 'CrossAccountRole',
      description: '1 account, ExternalId, MFA',
      ours: (scope, id) => new (library().CrossAccountRole)(scope, id, {
        trustedAccounts: [account(id)],
        externalIds: [externalId(id)],
        requireMfa: true,
      }),
      plain: (scope, id) => new iam.Role(scope, id, {
        assumedBy: new iam.AccountPrincipal(account(id)).withConditions({
          StringEquals: { 'sts:ExternalId': externalId(id) },
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        }),
      }),
    },
    {
      name: 'IrsaRole',
      description: '1 issuer by URL, 2 service accounts',
      ours: (scope, id) => new (library().IrsaRole)(scope, id, {
        issuers: [library().OidcIssuer.fromIssuerUrl(`https://${ISSUER_HOST}`)],
        serviceAccounts: serviceAccounts(id),
      }),
      plain: (scope, id) => new iam.Role(scope, id, {
        assumedBy: new iam.WebIdentityPrincipal(providerArn(ISSUER_HOST), {
          StringEquals: {
            [`${ISSUER_HOST}:aud`]: 'sts.amazonaws.com',
            [`${ISSUER_HOST}:sub`]: serviceAccounts(id).map((sa) => `system:serviceaccount:${sa}`),
          },
        }),
      }),
    },
    {
      name: 'BoundedRole',
      description: 'GitHub Actions trust (1 repo, branch main), boundary by name',
      ours: (scope, id) => new (library().BoundedRole)(scope, id, {
        trust: [library().Trust.githubActions({ repository: repository(id), branches: ['main'] })],
        permissionsBoundary: library().PermissionsBoundary.fromName('team-boundary'),
      }),
      plain: (scope, id) => new iam.Role(scope, id, {
        assumedBy: new iam.WebIdentityPrincipal(providerArn(GITHUB_HOST), {
          StringEquals: {
            [`${GITHUB_HOST}:aud`]: 'sts.amazonaws.com',
            [`${GITHUB_HOST}:sub`]: `repo:${repository(id)}:ref:refs/heads/main`,
          },
        }),
        // One import per role, as ours does (PermissionsBoundary.bind imports it under the role).
        permissionsBoundary: iam.ManagedPolicy.fromManagedPolicyName(scope, `${id}Boundary`, 'team-boundary'),
      }),
    },
  ];
  return distinct ? scenarios.map((k) => ({ ...k, description: `${k.description}; documents differ per role` })) : scenarios;
}

/** Adds `count` roles to `scope` (ids R<offset>, ...), cycling through the scenarios or all of kind `only`. */
export function addScenarioRoles(scenarios: Scenario[], scope: Construct, variant: Variant, count: number, offset = 0, only?: Scenario): void {
  for (let i = 0; i < count; i++) {
    const scenario = only ?? scenarios[(offset + i) % scenarios.length];
    scenario[variant](scope, `R${offset + i}`);
  }
}
