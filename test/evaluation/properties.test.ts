/**
 * Properties over random builder configurations, each in a random partition: every configured
 * principal is allowed when it brings the context the role requires, and a set of adversarial
 * principals (derived from the configuration so that IAM must deny them) is always denied.
 */
import { Duration } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { CLUSTER_A, CLUSTER_B, CLUSTER_C, GITHUB, HOME, iamLike, ORG, OTHER_ORG, STRANGER } from './evaluation-fixtures';
import { CrossAccountRole, IrsaRole, OidcIssuer, ServiceRole, Trust, AssumableRole } from '../../src';
import { PARTITION_NAMES, PartitionName } from '../support/resolve';
import { newStack } from '../support/stacks';
import { Caller, Callers, IamCaller, TrustEvaluator } from '../support/trust-evaluator';

const RUNS = { numRuns: 40 };
const TIMEOUT = 60_000;
const partition = fc.constantFrom(...PARTITION_NAMES);

/** How many cases each property expected allowed and denied, so that no property can pass vacuously. */
const seen: Record<string, { allowed: number; denied: number }> = {};

/** Asks every question and returns the cases whose answer differs from the expected one. */
async function mismatches(evaluator: TrustEvaluator, role: any, cases: Array<[Caller, string[] | undefined, boolean]>): Promise<unknown[]> {
  const wrong: unknown[] = [];
  const tally = (seen[expect.getState().currentTestName!] ??= { allowed: 0, denied: 0 });
  for (const [caller, actions, expected] of cases) {
    tally[expected ? 'allowed' : 'denied']++;
    const decision = await evaluator.mayAssume(role, caller, { actions });
    if (decision.allowed !== expected) {
      wrong.push({ expected, caller, actions, results: decision.results });
    }
  }
  return wrong;
}

describe('CrossAccountRole', () => {
  const config = fc.record({
    partition,
    accounts: fc.subarray(['210987654321', '333344445555', '444455556666']),
    roles: fc.subarray([{ account: '210987654321', name: 'deployer' }, { account: '555566667777', name: 'auditor' }]),
    users: fc.subarray([{ account: '666677778888', name: 'alice' }]),
    externalIds: fc.subarray(['ext-one', 'ext-two']),
    mfa: fc.constantFrom<'none' | 'any' | number>('none', 'any', 900, 3600, 43200),
    organization: fc.option(fc.constant(ORG), { nil: undefined }),
    pattern: fc.option(fc.constantFrom('arn:{partition}:iam::*:role/*', 'arn:{partition}:iam::*:role/ops/*'), { nil: undefined }),
    sessionTags: fc.boolean(),
    sourceIdentity: fc.boolean(),
  }).filter((c) => c.accounts.length + c.roles.length + c.users.length > 0);

  test('configured principals with the required context are allowed (unless the ARN pattern excludes them); adversaries never', async () => {
    await fc.assert(fc.asyncProperty(config, async (c) => {
      const stack = newStack();
      const role = new CrossAccountRole(stack, 'Role', {
        trustedAccounts: c.accounts,
        trustedRoleArns: c.roles.map((r) => `arn:{partition}:iam::${r.account}:role/${r.name}`),
        trustedUserArns: c.users.map((u) => `arn:{partition}:iam::${u.account}:user/${u.name}`),
        externalIds: c.externalIds.length > 0 ? c.externalIds : undefined,
        // With a max age, requireMfa is left out: `false` with a max age is an error (the age requires MFA).
        requireMfa: c.mfa === 'any' ? true : undefined,
        mfaMaxAge: typeof c.mfa === 'number' ? Duration.seconds(c.mfa) : undefined,
        organizationId: c.organization,
        principalArnPatterns: c.pattern ? [c.pattern] : undefined,
        sessionTags: c.sessionTags,
        sourceIdentity: c.sourceIdentity,
      });
      const good = {
        externalId: c.externalIds[0],
        mfaAgeSeconds: c.mfa === 'none' ? undefined : 60,
        organizationId: c.organization,
      };
      const principals: IamCaller[] = [
        ...c.accounts.map((a) => Callers.role(a, 'pipeline', { path: '/ops/', ...good })),
        ...c.roles.map((r) => Callers.role(r.account, r.name, good)),
        ...c.users.map((u) => Callers.user(u.account, u.name, good)),
      ];
      const arnOf = (x: IamCaller) => `arn:${c.partition}:iam::${x.account}:${x.kind}${x.path ?? '/'}${x.name}`;
      const matchesPattern = (x: IamCaller) => !c.pattern || iamLike(c.pattern.replace('{partition}', c.partition), arnOf(x));
      const actions = ['sts:AssumeRole', ...(c.sessionTags ? ['sts:TagSession'] : []), ...(c.sourceIdentity ? ['sts:SetSourceIdentity'] : [])];

      const first = principals[0];
      const trustedAccount = (account: string) => c.accounts.includes(account);
      const adversaries: Caller[] = [
        Callers.role(STRANGER, 'pipeline', { path: '/ops/', ...good }),
        { ...first, identityPolicies: [] },
        Callers.service('lambda.amazonaws.com'),
        ...(c.externalIds.length > 0 ? [{ ...first, externalId: undefined }, { ...first, externalId: 'ext-wrong' }] : []),
        ...(c.mfa !== 'none' ? [{ ...first, mfaAgeSeconds: undefined }, { ...first, mfaAgeSeconds: false as const }] : []),
        ...(typeof c.mfa === 'number' ? [{ ...first, mfaAgeSeconds: c.mfa + 1 }] : []),
        ...(c.organization ? [{ ...first, organizationId: undefined }, { ...first, organizationId: OTHER_ORG }] : []),
        ...c.roles.filter((r) => !trustedAccount(r.account)).map((r) => Callers.role(r.account, `${r.name}-other`, good)),
        ...c.users.filter((u) => !trustedAccount(u.account)).map((u) => Callers.role(u.account, u.name, good)),
      ];
      const evaluator = TrustEvaluator.forStack(stack, c.partition);
      const wrong = await mismatches(evaluator, role, [
        ...principals.map((p): [Caller, string[], boolean] => [p, actions, matchesPattern(p)]),
        ...adversaries.map((a): [Caller, undefined, boolean] => [a, undefined, false]),
        ...(c.sessionTags ? [] : [[first, ['sts:TagSession'], false] as [Caller, string[], boolean]]),
      ]);
      expect(wrong).toEqual([]);
    }), RUNS);
  }, TIMEOUT);
});

describe('IrsaRole', () => {
  const serviceAccount = fc.tuple(
    fc.constantFrom('apps', 'batch', 'team-*', 'kube-system', 'monitoring'),
    fc.constantFrom('api', 'worker', 'job-*', 'agent-?', 'reader'),
  ).map(([ns, name]) => `${ns}:${name}`);
  const config = fc.record({
    partition,
    issuers: fc.subarray([CLUSTER_A, CLUSTER_B, CLUSTER_C], { minLength: 1 }),
    byUrl: fc.boolean(),
    serviceAccounts: fc.uniqueArray(serviceAccount, { minLength: 1, maxLength: 3 }),
  });
  // Namespaces and names above start with a-w; "zz-intruder" can match none of them.
  const concrete = (pattern: string) => pattern.replace(/\*/g, 'x1').replace(/\?/g, '7');

  test('every trusted service account of every trusted cluster is allowed; intruders never', async () => {
    await fc.assert(fc.asyncProperty(config, async (c) => {
      const stack = newStack();
      const role = new IrsaRole(stack, 'Role', {
        issuers: c.issuers.map((i) => (c.byUrl ? OidcIssuer.fromIssuerUrl(`https://${i}`) : OidcIssuer.fromProviderArn(`arn:{partition}:iam::{account}:oidc-provider/${i}`))),
        serviceAccounts: c.serviceAccounts,
        // Three clusters with exact and wildcard subjects exceed the default 2,048-character quota.
        trustPolicySizeQuota: 4096,
      });
      const subject = (ns: string, name: string) => `system:serviceaccount:${ns}:${name}`;
      const [ns0, name0] = concrete(c.serviceAccounts[0]).split(':');
      const issuer0 = c.issuers[0];
      const untrusted = [CLUSTER_A, CLUSTER_B, CLUSTER_C].filter((i) => !c.issuers.includes(i));
      const positives = c.issuers.flatMap((issuer) => c.serviceAccounts.map((sa) => {
        const [ns, name] = concrete(sa).split(':');
        return Callers.webIdentity(issuer, subject(ns, name));
      }));
      const adversaries = [
        Callers.webIdentity(issuer0, subject('zz-intruder', name0)),
        Callers.webIdentity(issuer0, subject(ns0, 'zz-intruder')),
        Callers.webIdentity(issuer0, `${ns0}:${name0}`),
        Callers.webIdentity(issuer0, subject(ns0, name0), { aud: 'not-sts' }),
        Callers.webIdentity(issuer0, subject(ns0, name0), { providerAccount: STRANGER }),
        ...untrusted.map((i) => Callers.webIdentity(i, subject(ns0, name0))),
        Callers.role(HOME, 'node'),
      ];
      const wrong = await mismatches(TrustEvaluator.forStack(stack, c.partition), role, [
        ...positives.map((p): [Caller, undefined, boolean] => [p, undefined, true]),
        ...adversaries.map((a): [Caller, undefined, boolean] => [a, undefined, false]),
      ]);
      expect(wrong).toEqual([]);
    }), RUNS);
  }, TIMEOUT);
});

describe('Trust.githubActions', () => {
  const config = fc.record({
    partition,
    owner: fc.constantFrom('octo-org', 'acme'),
    name: fc.constantFrom('app', 'infra-tools'),
    branches: fc.subarray(['main', 'release/*', 'dev']),
    tags: fc.subarray(['v*']),
    environments: fc.subarray(['prod', 'staging']),
    pullRequests: fc.boolean(),
  });

  test('configured refs, environments and pull requests of the repository are allowed; others never', async () => {
    await fc.assert(fc.asyncProperty(config, async (c) => {
      const stack = newStack();
      const repository = `${c.owner}/${c.name}`;
      const { branches, tags, environments, pullRequests } = c;
      const trust = Trust.githubActions({ repository, branches, tags, environments, pullRequests });
      const role = new AssumableRole(stack, 'Role', { trust: [trust] });
      const repo = `repo:${repository}`;
      const restricted = c.branches.length + c.tags.length + c.environments.length > 0 || c.pullRequests;
      const subjects = restricted ? [
        ...c.branches.map((b) => `${repo}:ref:refs/heads/${b.replace('*', '2024.1')}`),
        ...c.tags.map((t) => `${repo}:ref:refs/tags/${t.replace('*', '1.0.0')}`),
        ...c.environments.map((e) => `${repo}:environment:${e}`),
        ...(c.pullRequests ? [`${repo}:pull_request`] : []),
      ] : [`${repo}:ref:refs/heads/anything`, `${repo}:environment:any`, `${repo}:pull_request`];
      const gh = (sub: string, options = {}) => Callers.webIdentity(GITHUB, sub, options);
      const adversaries = [
        gh(`repo:zz-evil/${c.name}:ref:refs/heads/main`),
        gh(`repo:${c.owner}-evil/${c.name}:ref:refs/heads/main`),
        gh(`repo:${repository}-evil:ref:refs/heads/main`),
        gh(subjects[0], { aud: 'sigstore' }),
        gh(subjects[0], { providerAccount: STRANGER }),
        Callers.webIdentity('gitlab.com', subjects[0]),
        ...(restricted ? [gh(`${repo}:ref:refs/heads/zz-evil`), gh(`${repo}:environment:zz-evil`)] : []),
        ...(restricted && !c.pullRequests ? [gh(`${repo}:pull_request`)] : []),
      ];
      const wrong = await mismatches(TrustEvaluator.forStack(stack, c.partition), role, [
        ...subjects.map((s): [Caller, undefined, boolean] => [gh(s), undefined, true]),
        ...adversaries.map((a): [Caller, undefined, boolean] => [a, undefined, false]),
      ]);
      expect(wrong).toEqual([]);
    }), RUNS);
  }, TIMEOUT);
});

describe('ServiceRole', () => {
  const SOURCE_ARNS = ['arn:{partition}:scheduler:{region}:{account}:schedule/nightly/*', 'arn:{partition}:events:{region}:{account}:rule/ops-*'];
  const config = fc.record({
    partition,
    services: fc.subarray(['lambda', 'ecs-tasks', 'states', 'scheduler'], { minLength: 1 }),
    restrictToSourceAccount: fc.boolean(),
    sourceArns: fc.subarray(SOURCE_ARNS),
  });

  test('the configured services within their guards are allowed; other services and sources never', async () => {
    await fc.assert(fc.asyncProperty(config, async (c) => {
      const stack = newStack();
      const role = new ServiceRole(stack, 'Role', { services: c.services, restrictToSourceAccount: c.restrictToSourceAccount, sourceArns: c.sourceArns });
      const sourceArn = c.sourceArns.length > 0 ? c.sourceArns[0].replace('*', 'x') : undefined;
      // Without the guard any account may be the source; with it, only the role's own.
      const sourceAccount = c.restrictToSourceAccount ? HOME : STRANGER;
      const positives = c.services.map((s) => Callers.service(`${s}.amazonaws.com`, { sourceAccount, sourceArn }));
      const service0 = positives[0].service;
      const adversaries = [
        ...['ec2', 'glue', 'codebuild'].map((s) => Callers.service(`${s}.amazonaws.com`, { sourceAccount: HOME, sourceArn })),
        ...(c.restrictToSourceAccount
          ? [Callers.service(service0, { sourceAccount: STRANGER, sourceArn }), Callers.service(service0, { sourceArn })]
          : []),
        ...(sourceArn ? [
          Callers.service(service0, { sourceAccount, sourceArn: 'arn:{partition}:sqs:{region}:{account}:zz-evil' }),
          Callers.service(service0, { sourceAccount }),
        ] : []),
        Callers.role(HOME, 'admin'),
      ];
      const wrong = await mismatches(TrustEvaluator.forStack(stack, c.partition as PartitionName), role, [
        ...positives.map((p): [Caller, undefined, boolean] => [p, undefined, true]),
        ...adversaries.map((a): [Caller, undefined, boolean] => [a, undefined, false]),
      ]);
      expect(wrong).toEqual([]);
    }), RUNS);
  }, TIMEOUT);
});

afterAll(() => {
  // Every property asked both kinds of question, many times.
  expect(Object.values(seen)).toHaveLength(4);
  for (const tally of Object.values(seen)) {
    expect(tally.allowed).toBeGreaterThan(RUNS.numRuns);
    expect(tally.denied).toBeGreaterThan(RUNS.numRuns);
  }
});
