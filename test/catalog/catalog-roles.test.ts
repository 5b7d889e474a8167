import { App, Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { RoleCatalog } from '../../src/catalog/role-catalog';

/**
 * `RoleCatalog.validate()` and building a catalog run the same validators over the same
 * props: they must agree on every document. Entries are drawn from values that are valid,
 * invalid in the schema's eyes, or invalid only in the constructs' eyes (placeholders, policy
 * grammar, field combinations, an OIDC provider of another account).
 */

const ACCOUNT = '111122223333';
const OTHER = '999988887777';
const ENV = { account: ACCOUNT, region: 'us-east-1' };

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
/** A valid value most of the time, so that documents are valid often enough to build. */
const pick = <T>(valid: T[], invalid: T[]) => fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...valid) },
  { weight: 1, arbitrary: fc.constantFrom(...invalid) });
const someOf = <T>(valid: T[], invalid: T[]) => maybe(fc.array(pick(valid, invalid), { minLength: 1, maxLength: 2 }));

const roleArn = pick(
  [`arn:{partition}:iam::${OTHER}:role/deployer`, 'arn:aws:iam::{account}:role/ci'], ['arn:{partition}:iam::{acount}:role/x', 'role/x', `arn:aws:iam::${OTHER}:user/x`]);
const statement = pick<object>([
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:{partition}:s3:::reports/*' },
  { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
], [
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:{Partition}:s3:::reports/*' },
  { Effect: 'Allow', Action: 's3:GetObject' },
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'reports' },
]);

const common = {
  path: maybe(pick(['/', '/service-roles/'], ['service-roles', '/a//b/'])),
  description: maybe(pick(['Reads reports', 'tab\tok'], ['emoji \u{1F600}'])),
  tags: maybe(pick<object>([{ team: 'payments' }, { 'cost center': '4711' }], [{ 'aws:team': 'x' }])),
  managedPolicyArns: someOf(['arn:{partition}:iam::{account}:policy/read', 'arn:aws:iam::aws:policy/ReadOnlyAccess'], ['arn:{partition}:iam::{acount}:policy/x']),
  awsManagedPolicyNames: someOf(['ReadOnlyAccess', 'service-role/AWSLambdaBasicExecutionRole'], ['arn:aws:iam::aws:policy/ReadOnlyAccess']),
  permissionsBoundaryArn: maybe(pick(['arn:{partition}:iam::{account}:policy/boundary'], ['arn:{partition}:iam::{acount}:policy/boundary'])),
  policies: maybe(fc.array(statement, { minLength: 1, maxLength: 2 }).map((statements) => [{ name: 'inline', statements }])),
  podIdentityAssociations: someOf<object>([
    { clusterName: 'prod', namespace: 'payments', serviceAccount: 'api' },
    { clusterName: 'dr', namespace: 'payments', serviceAccount: 'api', targetRoleArn: `arn:aws:iam::${OTHER}:role/reader`, disableSessionTags: true },
  ], [
    { clusterName: 'prod', namespace: 'team-*', serviceAccount: 'api' },
    { clusterName: 'prod/x', namespace: 'payments' },
  ]),
};

const service = fc.record({
  kind: fc.constant('service'),
  services: fc.array(pick(['lambda', 'ec2', 'ecs-tasks.amazonaws.com'], ['Lambda Service']), { minLength: 1, maxLength: 2 }),
  restrictToSourceAccount: maybe(fc.boolean()),
  sourceArns: someOf(['arn:{partition}:events:{region}:{account}:rule/*'], ['arn:{partition}:events:{regoin}:{account}:rule/x', 'arn:aws:events']),
  instanceProfile: maybe(fc.boolean()),
  ...common,
}, { requiredKeys: ['kind', 'services'] });

const crossAccount = fc.record({
  kind: fc.constant('cross-account'),
  trustedAccounts: someOf([OTHER, '{account}'], ['12345']),
  trustedRoleArns: maybe(fc.array(roleArn, { minLength: 1, maxLength: 2 })),
  externalIds: someOf(['partner-1234'], ['x']),
  requireMfa: maybe(fc.boolean()),
  mfaMaxAgeSeconds: maybe(pick([900], [0])),
  principalArnPatterns: someOf([`arn:aws:iam::${OTHER}:role/deploy-*`], ['arn:aws:iam::{acount}:role/*', 'arn:aws:iam']),
  organizationId: maybe(pick(['o-a1b2c3d4e5'], ['o-1'])),
  ...common,
}, { requiredKeys: ['kind'] });

const irsa = fc.record({
  kind: fc.constant('irsa'),
  oidcProviderArns: someOf([
    'arn:{partition}:iam::{account}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC',
    `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/DEF`,
  ], [
    `arn:aws:iam::${OTHER}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC`,
    'arn:{partition}:iam::{account}:oidc-provider/oidc.eks.{region}.amazonaws.com/id/ABC',
  ]),
  issuerUrls: someOf(['https://oidc.eks.us-east-1.amazonaws.com/id/XYZ'], ['http://example.com']),
  serviceAccounts: fc.array(pick(['default:app', 'kube-system:*'], ['team.a:api', 'app']), { minLength: 1, maxLength: 2 }),
  ...common,
}, { requiredKeys: ['kind', 'serviceAccounts'] });

const trustEntry = fc.oneof(
  fc.record({ service: pick(['lambda'], ['Bad Service']), restrictToSourceAccount: maybe(fc.boolean()) }, { requiredKeys: ['service'] }),
  fc.record({ account: pick([OTHER, '{account}'], ['1234']), externalId: maybe(pick(['partner-1'], ['x'])), requireMfa: maybe(fc.boolean()) }, { requiredKeys: ['account'] }),
  fc.record({ roleArn, requireMfa: maybe(fc.boolean()) }, { requiredKeys: ['roleArn'] }),
  fc.record({ gitHubRepository: pick(['acme/app'], ['acme']), branches: someOf(['main', 'release/*'], ['two words']) }, { requiredKeys: ['gitHubRepository'] }),
  fc.record({
    eksPodIdentity: pick([true], [false]),
    clusterNames: someOf(['prod', 'prod-*'], ['prod.eu', 'arn:aws:eks:us-east-1:111122223333:cluster/prod']),
    clusterArns: someOf([`arn:aws:eks:us-east-1:${ACCOUNT}:cluster/prod`, 'arn:{partition}:eks:{region}:{account}:cluster/*'], [`arn:aws:eks:us-east-1:${OTHER}:cluster/prod`, 'arn:aws:ecs:us-east-1:1:cluster/x']),
    namespaces: someOf(['payments', 'team-*'], ['Payments']),
    serviceAccounts: someOf(['api'], ['payments:api']),
  }, { requiredKeys: ['eksPodIdentity'] }),
  fc.record({
    eksPodIdentityRoleArn: pick([`arn:aws:iam::${OTHER}:role/payments-api`, 'arn:{partition}:iam::{account}:role/pods'], [`arn:aws:iam::${OTHER}:user/ci`]),
    clusterArns: someOf([`arn:aws:eks:us-east-1:${OTHER}:cluster/prod`], [`arn:aws:eks:us-east-1:${ACCOUNT}:cluster/prod`]),
    namespaces: someOf(['payments'], ['team.payments']),
  }, { requiredKeys: ['eksPodIdentityRoleArn'] }),
  fc.record({
    oidcProviderArn: pick(['arn:{partition}:iam::{account}:oidc-provider/gitlab.com'], [`arn:aws:iam::${OTHER}:oidc-provider/gitlab.com`]),
    subjects: fc.constant(['project_path:acme/app:ref_type:branch:ref:main']),
    audiences: someOf(['https://gitlab.com'], ['']),
    sessionTags: maybe(fc.boolean()),
  }, { requiredKeys: ['oidcProviderArn', 'subjects'] }),
  fc.record({ samlProviderArn: pick(['arn:{partition}:iam::{account}:saml-provider/okta'], ['arn:aws:iam::{acount}:saml-provider/okta']) }, { requiredKeys: ['samlProviderArn'] }),
  fc.record({
    cognitoIdentityPoolId: pick(['us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'us-gov-west-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'], ['my-pool', 'us-east-1:*']),
    authenticated: maybe(fc.boolean()),
    unauthenticated: maybe(fc.boolean()),
  }, { requiredKeys: ['cognitoIdentityPoolId'] }),
  fc.record({ googleClientIds: someOf(['1234.apps.googleusercontent.com'], ['*']), userIds: someOf(['1101'], ['two words']) }, { requiredKeys: ['googleClientIds'] }),
  fc.record({ facebookAppIds: someOf(['111222333444555'], ['']) }, { requiredKeys: ['facebookAppIds'] }),
);

/** A trust policy as a map or as text: lifted, verbatim, or invalid for the grammar, a placeholder, its Version or the stack. */
const trustPolicy = pick<unknown>([
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:{partition}:iam::999988887777:root"}, "Action": "sts:AssumeRole", '
    + '"Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}, "StringEquals": {"sts:ExternalId": "ext-12"}}}]}',
], [
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }] },
  '{"Statement": [{"Effect": "Allow",}]}',
  { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:{partition}:iam::{acount}:root' }, Action: 'sts:AssumeRole' }] },
  { Statement: [{ Effect: 'Allow', Principal: { AWS: OTHER }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:RoleSessionName': '${aws:username}' } } }] },
  {
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${OTHER}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'oidc.eks.us-east-1.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com', 'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:a:b' } },
    }],
  },
]);

const assumable = fc.record({
  kind: fc.constant('assumable'),
  trust: maybe(fc.array(trustEntry, { minLength: 1, maxLength: 2 })),
  trustPolicy: maybe(trustPolicy),
  removalPolicy: maybe(pick(['retain', 'destroy'], ['Retain'])),
  ...common,
}, { requiredKeys: ['kind'] });

const bounded = fc.record({
  kind: fc.constant('bounded'),
  trust: fc.array(trustEntry, { minLength: 1, maxLength: 2 }),
  ...common,
}, { requiredKeys: ['kind', 'trust'] });

/** One or two entries, named apart; `undefined` fields left out as YAML would leave them. */
const documents = fc.array(fc.oneof(service, crossAccount, irsa, bounded, assumable), { minLength: 1, maxLength: 2 })
  .map((entries) => ({ roles: entries.map((e, i) => ({ name: `role-${i}`, ...withoutUndefined(e) })) }));

function withoutUndefined(value: object): object {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

describe('RoleCatalog.validate and building agree', () => {
  test('on every drawn document: valid exactly when it builds, and a failed build reports exactly the problems validate() lists', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(fc.property(documents, (document) => {
      const problems = RoleCatalog.validate({ document, ...ENV });
      const stack = new Stack(new App(), 'Stack', { env: ENV });
      let error: Error | undefined;
      try {
        new RoleCatalog(stack, 'Catalog', { document });
      } catch (e) {
        error = e as Error;
      }
      if (problems.length === 0) {
        valid++;
        expect(error?.message).toBeUndefined();
      } else {
        invalid++;
        expect(error?.message).toBe(`Stack/Catalog: invalid role catalog <object> (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}); `
          + `no role was created:\n${problems.map((p) => `  ${p}`).join('\n')}`);
      }
    }), { numRuns: 300, seed: 17 });
    // The draw must exercise both sides, or the property says little.
    expect(valid).toBeGreaterThan(20);
    expect(invalid).toBeGreaterThan(20);
  });

  test('the issue 17 example: a namespace with a dot is invalid for both', () => {
    const document = { roles: [{ name: 'a', kind: 'irsa', issuerUrls: ['https://oidc.eks.us-east-1.amazonaws.com/id/ABC'], serviceAccounts: ['team.a:api'] }] };
    expect(RoleCatalog.validate({ document })).toEqual([
      '<object>: roles[0].serviceAccounts[0]: must be a Kubernetes service account written "namespace:name" (namespace: a lowercase DNS label of a-z, 0-9 and "-"; '
        + 'name: lowercase letters, digits, "-" and "."; * and ? as wildcards) (found "team.a:api")',
    ]);
    expect(() => RoleCatalog.fromObject(new Stack(new App(), 'Stack'), 'Catalog', document)).toThrow(/roles\[0\]\.serviceAccounts\[0\]: must be a Kubernetes service account/);
  });

  test('a rule that depends on the stack: an OIDC provider of another account is reported when the account is known', () => {
    const document = { roles: [{ name: 'pods', kind: 'irsa', oidcProviderArns: [`arn:aws:iam::${OTHER}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC`], serviceAccounts: ['default:app'] }] };
    const problem = `<object>: roles[0].oidcProviderArns[0]: the OIDC provider arn:aws:iam::${OTHER}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC is in account ${OTHER}, `
      + `but the role is in account ${ACCOUNT}; STS accepts web identities only through an OIDC provider in the role's own account: `
      + `create the provider in ${ACCOUNT} (or write the ARN with {account}) (found "arn:aws:iam::${OTHER}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC")`;
    expect(RoleCatalog.validate({ document, account: ACCOUNT })).toEqual([problem]);
    // Without the account, the rule cannot be checked, and an environment-agnostic stack builds.
    expect(RoleCatalog.validate({ document })).toEqual([]);
    expect(() => RoleCatalog.fromObject(new Stack(new App(), 'Agnostic'), 'Catalog', document)).not.toThrow();
    expect(() => RoleCatalog.fromObject(new Stack(new App(), 'Stack', { env: ENV }), 'Catalog', document))
      .toThrow(`Stack/Catalog: invalid role catalog <object> (1 problem); no role was created:\n  ${problem}`);
  });
});
