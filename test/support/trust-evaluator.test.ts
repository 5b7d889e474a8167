/**
 * Tests of the evaluator itself: that it resolves what CloudFormation would create, models
 * the IAM rules the engine implements, works around exactly the engine gaps it documents, and
 * throws instead of answering when it cannot answer faithfully.
 */
import { createValidatedPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ENVIRONMENTS, PARTITION_NAMES } from './resolve';
import { newStack, stringParameter } from './stacks';
import { Callers, evaluationStats, policyProblems, renderPlaceholders, TrustEvaluator } from './trust-evaluator';
import { AssumableRole, BoundedRole, CrossAccountRole, IrsaRole, OidcIssuer, PermissionsBoundary, Trust } from '../../src';

const HOME = '123456789012';
const OTHER = '111122223333';
const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/ABC123';

describe('resolution', () => {
  test.each(PARTITION_NAMES)('a named role with a path has its ARN in %s', (partition) => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { roleName: 'deployer', path: '/ci/', trust: [Trust.account(OTHER)] });
    const resolved = TrustEvaluator.forStack(stack, partition).role(role);
    expect(resolved.arn).toBe(`arn:${partition}:iam::${HOME}:role/ci/deployer`);
    expect(resolved.trustPolicy.Statement).toEqual([
      { Effect: 'Allow', Principal: { AWS: `arn:${partition}:iam::${OTHER}:root` }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('a role without a name gets a generated one, the same for its Ref and its ARN', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.account(OTHER)] });
    const resolved = TrustEvaluator.forStack(stack).role(role);
    expect(resolved.name).toMatch(/^Stack-Role/);
    expect(resolved.arn).toBe(`arn:aws:iam::${HOME}:role/${resolved.name}`);
  });

  test('collects inline, attached, in-stack managed and external managed policies, and the boundary', () => {
    const stack = newStack();
    const managed = new iam.ManagedPolicy(stack, 'Managed', { statements: [new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] })] });
    const role = new BoundedRole(stack, 'Role', {
      trust: [Trust.service('lambda')],
      permissionsBoundary: PermissionsBoundary.fromName('team-boundary'),
      inlinePolicyJson: { Inline: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } },
      awsManagedPolicyNames: ['ReadOnlyAccess'],
      managedPolicies: [managed],
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    const boundary = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    const readOnly = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] };
    const resolved = TrustEvaluator.forStack(stack, 'aws-us-gov', {
      externalPolicies: {
        'arn:{partition}:iam::{account}:policy/team-boundary': boundary,
        'arn:{partition}:iam::aws:policy/ReadOnlyAccess': readOnly,
      },
    }).role(role);
    const actions = resolved.identityPolicies.map((p) => p.document.Statement.map((s: any) => s.Action)).flat();
    expect(actions.sort()).toEqual(['ec2:Describe*', 's3:GetObject', 'sns:Publish', 'sqs:SendMessage']);
    expect(resolved.permissionsBoundary).toEqual({ arn: `arn:aws-us-gov:iam::${HOME}:policy/team-boundary`, document: boundary });
  });

  test('a managed policy without a known document is an error, not an empty policy', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')], awsManagedPolicyNames: ['ReadOnlyAccess'] });
    expect(() => TrustEvaluator.forStack(stack).role(role)).toThrow(/no document for managed policy arn:aws:iam::aws:policy\/ReadOnlyAccess/);
  });

  test('resolves a CfnJson condition block keyed by a deploy-time issuer', async () => {
    const stack = newStack();
    const provider = new iam.OpenIdConnectProvider(stack, 'Provider', { url: `https://${ISSUER}` });
    const role = new IrsaRole(stack, 'Role', { issuers: [OidcIssuer.fromOpenIdConnectProvider(provider)], serviceAccounts: ['apps:web'] });
    const evaluator = TrustEvaluator.forStack(stack, 'aws-cn');
    expect(evaluator.role(role).trustPolicy.Statement).toEqual([{
      Effect: 'Allow',
      Principal: { Federated: `arn:aws-cn:iam::${HOME}:oidc-provider/${ISSUER}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com', [`${ISSUER}:sub`]: 'system:serviceaccount:apps:web' } },
    }]);
    expect((await evaluator.mayAssume(role, Callers.webIdentity(ISSUER, 'system:serviceaccount:apps:web'))).allowed).toBe(true);
  });

  test('takes parameter values from refs, and fails on a Ref it cannot compute', async () => {
    const stack = newStack();
    const role = new IrsaRole(stack, 'Role', { issuers: [OidcIssuer.fromProviderArn(stringParameter(stack, 'ProviderArn'))], serviceAccounts: ['apps:web'] });
    expect(() => TrustEvaluator.forStack(stack).role(role)).toThrow(/cannot resolve Ref ProviderArn/);
    const evaluator = TrustEvaluator.forStack(stack, 'aws', { refs: { ProviderArn: `arn:aws:iam::${HOME}:oidc-provider/${ISSUER}` } });
    expect((await evaluator.mayAssume(role, Callers.webIdentity(ISSUER, 'system:serviceaccount:apps:web'))).allowed).toBe(true);
    expect((await evaluator.mayAssume(role, Callers.webIdentity(ISSUER, 'system:serviceaccount:apps:other'))).allowed).toBe(false);
  });

  test('an attribute it does not know is an error', () => {
    const stack = newStack();
    const topic = new iam.User(stack, 'User');
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['iam:GetUser'], resources: [topic.userArn] }));
    expect(() => TrustEvaluator.forStack(stack).role(role)).toThrow(/cannot resolve Fn::GetAtt User\w+\.Arn \(AWS::IAM::User\)/);
  });

  test('renders placeholders but leaves IAM policy variables alone', () => {
    expect(renderPlaceholders({ 'arn:{partition}:x': ['{account}/{region}/${aws:username}/{urlSuffix}'] }, {
      partition: 'aws-cn', account: '1', region: 'cn-north-1', urlSuffix: 'amazonaws.com.cn',
    })).toEqual({ 'arn:aws-cn:x': ['1/cn-north-1/${aws:username}/amazonaws.com.cn'] });
  });
});

describe('the IAM rules for sts:AssumeRole, as the engine models them', () => {
  function roles(stack: Stack) {
    return {
      accountRoot: new AssumableRole(stack, 'AccountRoot', { trust: [Trust.account('{account}')] }),
      sameAccountRole: new AssumableRole(stack, 'SameAccountRole', { trust: [Trust.role(`arn:{partition}:iam::${HOME}:role/caller`)] }),
      otherAccountRoot: new AssumableRole(stack, 'OtherAccountRoot', { trust: [Trust.account(OTHER)] }),
      otherAccountRole: new AssumableRole(stack, 'OtherAccountRole', { trust: [Trust.role(`arn:{partition}:iam::${OTHER}:role/caller`)] }),
    };
  }

  test.each(PARTITION_NAMES)('same account, trust names the account: the caller also needs an identity policy (%s)', async (partition) => {
    const stack = newStack();
    const { accountRoot } = roles(stack);
    const evaluator = TrustEvaluator.forStack(stack, partition);
    expect((await evaluator.mayAssume(accountRoot, Callers.role(HOME, 'caller'))).allowed).toBe(true);
    expect((await evaluator.mayAssume(accountRoot, Callers.role(HOME, 'caller', { identityPolicies: [] }))).allowed).toBe(false);
  });

  test.each(PARTITION_NAMES)('same account, trust names the role: the trust policy alone is enough (%s)', async (partition) => {
    const stack = newStack();
    const { sameAccountRole } = roles(stack);
    const evaluator = TrustEvaluator.forStack(stack, partition);
    expect((await evaluator.mayAssume(sameAccountRole, Callers.role(HOME, 'caller', { identityPolicies: [] }))).allowed).toBe(true);
    expect((await evaluator.mayAssume(sameAccountRole, Callers.role(HOME, 'someone-else'))).allowed).toBe(false);
  });

  test.each(PARTITION_NAMES)('another account: both the trust policy and an identity policy are needed (%s)', async (partition) => {
    const stack = newStack();
    const { otherAccountRoot, otherAccountRole } = roles(stack);
    const evaluator = TrustEvaluator.forStack(stack, partition);
    for (const role of [otherAccountRoot, otherAccountRole]) {
      expect((await evaluator.mayAssume(role, Callers.role(OTHER, 'caller'))).allowed).toBe(true);
      expect((await evaluator.mayAssume(role, Callers.role(OTHER, 'caller', { identityPolicies: [] }))).allowed).toBe(false);
      const wrongResource = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:{partition}:iam::{account}:role/another' }] };
      expect((await evaluator.mayAssume(role, Callers.role(OTHER, 'caller', { identityPolicies: [wrongResource] }))).allowed).toBe(false);
      const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:*', Resource: '*' }, { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] };
      expect((await evaluator.mayAssume(role, Callers.role(OTHER, 'caller', { identityPolicies: [deny] }))).results['sts:AssumeRole']).toBe('ExplicitlyDenied');
    }
  });

  test('a session of a role with a path matches a trust naming the role with its path', async () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.role(`arn:{partition}:iam::${OTHER}:role/ci/caller`)] });
    const evaluator = TrustEvaluator.forStack(stack);
    expect((await evaluator.mayAssume(role, Callers.role(OTHER, 'caller', { path: '/ci/' }))).allowed).toBe(true);
    expect((await evaluator.mayAssume(role, Callers.user(OTHER, 'caller'))).allowed).toBe(false);
  });

  test('a service principal needs no identity policy; another service is denied', async () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    const evaluator = TrustEvaluator.forStack(stack);
    expect((await evaluator.mayAssume(role, Callers.service('lambda.amazonaws.com'))).allowed).toBe(true);
    expect((await evaluator.mayAssume(role, Callers.service('ec2.amazonaws.com'))).allowed).toBe(false);
  });
});

describe('it fails loudly', () => {
  test('when the engine would ignore a context key', async () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.account(OTHER)] });
    const evaluator = TrustEvaluator.forStack(stack);
    await expect(evaluator.mayAssume(role, Callers.role(OTHER, 'caller', { context: { 'example:Made-Up-Key': 'x' } })))
      .rejects.toThrow(/ignored context key example:Made-Up-Key/);
    // An OIDC claim of another issuer is not excused by the web-identity workaround.
    const irsa = new IrsaRole(newStack(), 'Irsa', { issuers: [OidcIssuer.fromProviderArn(`arn:{partition}:iam::{account}:oidc-provider/${ISSUER}`)], serviceAccounts: ['a:b'] });
    const irsaEvaluator = TrustEvaluator.forStack(irsa.stack);
    await expect(irsaEvaluator.mayAssume(irsa, Callers.webIdentity(ISSUER, 'system:serviceaccount:a:b', { context: { 'oidc.eks.us-east-1.amazonaws.com/id/OTHER:sub': 'x' } })))
      .rejects.toThrow(/ignored context key oidc\.eks\.us-east-1\.amazonaws\.com\/id\/OTHER:sub/);
  });

  test('when the engine cannot evaluate the request', async () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.account(OTHER)] });
    await expect(TrustEvaluator.forStack(stack).mayAssume(role, Callers.role(OTHER, 'caller'), { actions: ['sts:AssumeRoleNow'] }))
      .rejects.toThrow(/could not evaluate sts:AssumeRoleNow.*invalid\.action/);
    const badPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] };
    await expect(TrustEvaluator.forStack(stack).mayAssume(role, Callers.role(OTHER, 'caller', { identityPolicies: [badPolicy] })))
      .rejects.toThrow(/could not evaluate.*Resource or NotResource is required/);
  });

  test('when a trust policy names another partition (the engine compares account IDs only)', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ArnPrincipal(`arn:aws:iam::${OTHER}:root`) });
    expect(() => TrustEvaluator.forStack(stack, 'aws').role(role)).not.toThrow();
    expect(() => TrustEvaluator.forStack(stack, 'aws-cn').role(role)).toThrow(/ARN "arn:aws:iam::111122223333:root" is in partition "aws", not "aws-cn"/);
  });

  test('when a condition operator is not an IAM operator (the engine just never matches it)', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Role', {
      assumedBy: new iam.PrincipalWithConditions(new iam.AccountPrincipal(OTHER), { StringEqual: { 'sts:ExternalId': 'x' } }),
    });
    expect(() => TrustEvaluator.forStack(stack).role(role)).toThrow(/"StringEqual" is not an IAM condition operator/);
    expect(policyProblems({ Statement: [{ Condition: { 'ForAnyValue:StringLikeIfExists': {}, 'Null': {}, 'NullIfExists': {} } }] }, 'aws'))
      .toEqual(['Statement[0].Condition: "NullIfExists" is not an IAM condition operator']);
  });

  test('when a trust statement has no Principal', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountPrincipal(OTHER) });
    (role.node.defaultChild as iam.CfnRole).addPropertyOverride('AssumeRolePolicyDocument.Statement.0.Principal', undefined);
    expect(() => TrustEvaluator.forStack(stack).role(role)).toThrow(/One of Principal or NotPrincipal is required/);
  });

  test('when asked about something that is not a role of the stack', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.account(OTHER)] });
    const elsewhere = new AssumableRole(newStack(), 'Role', { trust: [Trust.account(OTHER)] });
    expect(() => TrustEvaluator.forStack(stack).role(elsewhere)).toThrow(/is not a role of stack Stack/);
    expect(() => TrustEvaluator.forStack(stack).role('Nope')).toThrow(/Nope is not an AWS::IAM::Role/);
  });
});

describe('the engine gaps it works around, and only those', () => {
  test('OIDC sub/aud keys: runSimulation drops them, so the helper validates then uses runUnsafeSimulation', async () => {
    const stack = newStack();
    const role = new IrsaRole(stack, 'Role', {
      issuers: [OidcIssuer.fromProviderArn(`arn:{partition}:iam::{account}:oidc-provider/${ISSUER}`)],
      serviceAccounts: ['apps:web'],
    });
    const evaluator = TrustEvaluator.forStack(stack);
    const resolved = evaluator.role(role);
    // The gap itself: if this starts failing, the engine learned the keys and the workaround can go.
    const direct = await runSimulation({
      request: {
        principal: `arn:aws:iam::${HOME}:oidc-provider/${ISSUER}`,
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: { resource: resolved.arn, accountId: HOME },
        contextVariables: { [`${ISSUER}:sub`]: 'system:serviceaccount:apps:web', [`${ISSUER}:aud`]: 'sts.amazonaws.com' },
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: createValidatedPolicy(resolved.trustPolicy, validateTrustPolicy, { name: 'trust' }),
    }, {});
    expect(direct.resultType === 'single' && [direct.overallResult, direct.result.ignoredContextKeys]).toEqual([
      'ImplicitlyDenied', [`${ISSUER}:sub`, `${ISSUER}:aud`],
    ]);
    const allowed = await evaluator.mayAssume(role, Callers.webIdentity(ISSUER, 'system:serviceaccount:apps:web'));
    expect([allowed.allowed, allowed.workarounds]).toEqual([true, ['oidc-claim-keys']]);
    const denied = await evaluator.mayAssume(role, Callers.webIdentity(ISSUER, 'system:serviceaccount:apps:web', { aud: 'other' }));
    expect([denied.allowed, denied.workarounds]).toEqual([false, ['oidc-claim-keys']]);
  });

  test('keys of the AssumeRole call for sts:TagSession: passed through only when the engine knows them for sts:AssumeRole', async () => {
    const stack = newStack();
    const role = new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER], externalIds: ['ext-1'], sessionTags: true });
    const evaluator = TrustEvaluator.forStack(stack);
    const both = ['sts:AssumeRole', 'sts:TagSession'];
    const allowed = await evaluator.mayAssume(role, Callers.role(OTHER, 'caller', { externalId: 'ext-1' }), { actions: both });
    expect([allowed.results, allowed.workarounds]).toEqual([{ 'sts:AssumeRole': 'Allowed', 'sts:TagSession': 'Allowed' }, ['companion-action-keys']]);
    const wrong = await evaluator.mayAssume(role, Callers.role(OTHER, 'caller', { externalId: 'ext-2' }), { actions: both });
    expect(wrong.results).toEqual({ 'sts:AssumeRole': 'ImplicitlyDenied', 'sts:TagSession': 'ImplicitlyDenied' });
    // A key the engine does not know for sts:AssumeRole either is still an error.
    await expect(evaluator.mayAssume(role, Callers.role(OTHER, 'caller', { externalId: 'ext-1', context: { 'SAML:aud': 'x' } }), { actions: both }))
      .rejects.toThrow(/ignored context key SAML:aud for sts:AssumeRole/);
  });
});

describe('sessions of a role', () => {
  test('identity policies and boundary both must allow', async () => {
    const stack = newStack();
    const boundary = new iam.ManagedPolicy(stack, 'Boundary', {
      statements: [new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::data/*'] })],
    });
    const role = new BoundedRole(stack, 'Role', { trust: [Trust.service('lambda')], permissionsBoundary: PermissionsBoundary.fromPolicy(boundary) });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:DeleteObject'], resources: ['arn:aws:s3:::data/*'] }));
    const evaluator = TrustEvaluator.forStack(stack);
    expect((await evaluator.maySessionDo(role, 's3:GetObject', 'arn:aws:s3:::data/key')).allowed).toBe(true);
    expect((await evaluator.maySessionDo(role, 's3:DeleteObject', 'arn:aws:s3:::data/key')).allowed).toBe(false);
    expect((await evaluator.maySessionDo(role, 's3:PutObject', 'arn:aws:s3:::data/key')).allowed).toBe(false);
    await expect(evaluator.maySessionDo(role, 's3:GetObject', 'arn:aws:s3:::data/key', { context: { 'example:Key': 'x' } }))
      .rejects.toThrow(/ignored context keys example:Key/);
  });
});

test('counts questions and engine runs', async () => {
  const stack = newStack();
  const role = new AssumableRole(stack, 'Role', { trust: [Trust.account(OTHER)] });
  const before = evaluationStats();
  await TrustEvaluator.forStack(stack).mayAssume(role, Callers.role(OTHER, 'caller'), { actions: ['sts:AssumeRole', 'sts:TagSession'] });
  const after = evaluationStats();
  expect([after.questions - before.questions, after.engineRuns - before.engineRuns]).toEqual([1, 2]);
});

describe('keys about the role\'s account (aws:ResourceAccount, aws:ResourceOrgID, aws:ResourceOrgPaths)', () => {
  const ORG = 'o-a1b2c3d4e5';
  const OU_PATH = `${ORG}/r-ab12/ou-ab12-11111111/`;
  /** The caller's identity policy: roles named "member" of any account, narrowed by the condition. */
  const narrowed = (condition: object) => [{
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:{partition}:iam::*:role/member', Condition: condition }],
  }];
  function memberRole() {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { roleName: 'member', trust: [Trust.account(OTHER)] });
    return { stack, role };
  }

  test('a policy using them is refused unless the evaluation says where the role\'s account is', async () => {
    const { stack, role } = memberRole();
    const caller = Callers.role(OTHER, 'hub', { identityPolicies: narrowed({ StringEquals: { 'aws:ResourceOrgID': ORG } }) });
    await expect(TrustEvaluator.forStack(stack).mayAssume(role, caller))
      .rejects.toThrow(/a policy uses aws:resourceorgid, a key about the role's account; say where that account is in AWS Organizations/);
    const decision = await TrustEvaluator.forStack(stack, 'aws', { resourceOrganization: { organizationId: ORG, path: OU_PATH } }).mayAssume(role, caller);
    expect(decision).toMatchObject({ allowed: true, workarounds: [] });
    expect(decision.request.context).toMatchObject({ 'aws:ResourceAccount': HOME, 'aws:ResourceOrgID': ORG, 'aws:ResourceOrgPaths': [OU_PATH] });
  });

  test.each(PARTITION_NAMES)('aws:ResourceOrgID: the organization of the role\'s account decides (%s)', async (partition) => {
    const { stack, role } = memberRole();
    const caller = Callers.role(OTHER, 'hub', { identityPolicies: narrowed({ StringEquals: { 'aws:ResourceOrgID': ORG } }) });
    const inOrg = TrustEvaluator.forStack(stack, partition, { resourceOrganization: { organizationId: ORG, path: OU_PATH } });
    const otherOrg = TrustEvaluator.forStack(stack, partition, { resourceOrganization: { organizationId: 'o-zz9yy8xx7w', path: 'o-zz9yy8xx7w/r-zz99/' } });
    const noOrg = TrustEvaluator.forStack(stack, partition, { resourceOrganization: 'none' });
    const answers = await Promise.all([inOrg, otherOrg, noOrg].map(async (e) => (await e.mayAssume(role, caller)).allowed));
    expect(answers).toEqual([true, false, false]);
  });

  test('aws:ResourceOrgPaths with ForAnyValue:StringLike: the OU and the OUs below it, not a sibling or the root itself', async () => {
    const { stack, role } = memberRole();
    const caller = Callers.role(OTHER, 'hub', {
      identityPolicies: narrowed({ 'ForAnyValue:StringLike': { 'aws:ResourceOrgPaths': [`${ORG}/*/ou-ab12-11111111/*`] } }),
    });
    const at = (path: string) => TrustEvaluator.forStack(stack, 'aws', { resourceOrganization: { organizationId: ORG, path } }).mayAssume(role, caller);
    const answers = await Promise.all([
      `${ORG}/r-ab12/ou-ab12-11111111/`,
      `${ORG}/r-ab12/ou-ab12-11111111/ou-ab12-33333333/`,
      `${ORG}/r-ab12/ou-ab12-99999999/ou-ab12-11111111/`,
      `${ORG}/r-ab12/ou-ab12-22222222/`,
      `${ORG}/r-ab12/`,
    ].map(async (path) => (await at(path)).allowed));
    expect(answers).toEqual([true, true, true, false, false]);
  });

  test('aws:ResourceAccount is the evaluated account; the caller\'s context still overrides', async () => {
    const { stack, role } = memberRole();
    const excluded = Callers.role(OTHER, 'hub', { identityPolicies: narrowed({ StringNotEquals: { 'aws:ResourceAccount': HOME } }) });
    const evaluator = TrustEvaluator.forStack(stack, 'aws', { resourceOrganization: 'none' });
    expect((await evaluator.mayAssume(role, excluded)).allowed).toBe(false);
    const overridden = Callers.role(OTHER, 'hub', { ...excluded, context: { 'aws:ResourceAccount': '999988887777' } });
    expect((await evaluator.mayAssume(role, overridden)).allowed).toBe(true);
  });

  test('the keys are passed to sts:TagSession as STS authorizes it: with the context of the AssumeRole call', async () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { roleName: 'member', trust: [Trust.account(OTHER).withSessionTags()] });
    const caller = Callers.role(OTHER, 'hub', {
      identityPolicies: [{
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Resource: 'arn:{partition}:iam::*:role/member',
          Condition: { StringEquals: { 'aws:ResourceOrgID': ORG } },
        }],
      }],
    });
    const evaluator = TrustEvaluator.forStack(stack, 'aws', { resourceOrganization: { organizationId: ORG, path: OU_PATH } });
    expect(await evaluator.mayAssume(role, caller, { actions: ['sts:AssumeRole', 'sts:TagSession'] })).toMatchObject({ allowed: true });
  });

  test('an organization path that does not belong to the organization is refused', () => {
    const { stack } = memberRole();
    expect(() => TrustEvaluator.forStack(stack, 'aws', { resourceOrganization: { organizationId: ORG, path: 'o-other/r-ab12/' } }))
      .toThrow('resourceOrganization.path "o-other/r-ab12/" is not an organization path of o-a1b2c3d4e5 (<org>/r-<root>/.../)');
  });

  test('forTemplate evaluates a template given apart from the stack, e.g. a StackSet\'s member template', async () => {
    const { stack, role } = memberRole();
    const template = JSON.parse(JSON.stringify(Template.fromStack(stack).toJSON()));
    const evaluator = TrustEvaluator.forTemplate(stack, template, { ...ENVIRONMENTS.aws, account: '444455556666' });
    expect(evaluator.role(role).arn).toBe('arn:aws:iam::444455556666:role/member');
    expect((await evaluator.mayAssume(role, Callers.role(OTHER, 'any'))).allowed).toBe(true);
  });
});

describe('the engine gaps of the web identity providers built into STS (each test fails when the engine closes its gap)', () => {
  const POOL = 'us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

  /** The engine's own answer, without the helper, for a caller of `principal` with `context`. */
  async function direct(role: AssumableRole, stack: Stack, principal: string, context: Record<string, string | string[]>) {
    const resolved = TrustEvaluator.forStack(stack).role(role);
    const response = await runSimulation({
      request: {
        principal, action: 'sts:AssumeRoleWithWebIdentity', resource: { resource: resolved.arn, accountId: HOME }, contextVariables: context,
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: createValidatedPolicy(resolved.trustPolicy, validateTrustPolicy, { name: 'trust' }),
    }, {});
    return response.resultType === 'single' ? [response.overallResult, response.result.ignoredContextKeys ?? []] : response;
  }

  test('multivalued-claim-keys: runSimulation reads one value of amr, and denies a signed-in identity whose amr lists the provider first', async () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.cognitoIdentityPool(POOL)] });
    const amr = ['graph.facebook.com', 'authenticated'];
    expect(await direct(role, stack, 'cognito-identity.amazonaws.com', { 'cognito-identity.amazonaws.com:aud': POOL, 'cognito-identity.amazonaws.com:amr': amr }))
      .toEqual(['ImplicitlyDenied', []]);
    const helper = await TrustEvaluator.forStack(stack).mayAssume(role, Callers.builtinWebIdentity('cognito-identity.amazonaws.com', { aud: POOL, amr }));
    expect([helper.allowed, helper.workarounds]).toEqual([true, ['multivalued-claim-keys']]);
  });

  test('oidc-claim-keys: the GovCloud Cognito keys are unknown to the engine and dropped', async () => {
    const stack = newStack();
    const pool = 'us-gov-west-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.cognitoIdentityPool(pool)] });
    const principal = 'cognito-identity-us-gov.amazonaws.com';
    expect(await direct(role, stack, principal, { [`${principal}:aud`]: pool, [`${principal}:amr`]: 'authenticated' }))
      .toEqual(['ImplicitlyDenied', [`${principal}:aud`, `${principal}:amr`]]);
  });

  test('federated-provider-principal: accounts.google.com needs an identity policy in the engine, not in STS', async () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.google(['client-1'])] });
    const context = { 'accounts.google.com:aud': 'client-1' };
    expect(await direct(role, stack, 'accounts.google.com', context)).toEqual(['ImplicitlyDenied', []]);
    const helper = await TrustEvaluator.forStack(stack).mayAssume(role, Callers.builtinWebIdentity('accounts.google.com', { aud: 'client-1' }));
    expect([helper.allowed, helper.workarounds]).toEqual([true, ['federated-provider-principal']]);
    const other = await TrustEvaluator.forStack(stack).mayAssume(role, Callers.builtinWebIdentity('accounts.google.com', { aud: 'client-2' }));
    expect([other.allowed, other.workarounds]).toEqual([false, ['federated-provider-principal']]);
  });
});
