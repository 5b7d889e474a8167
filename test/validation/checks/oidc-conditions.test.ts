import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, IrsaRole, OidcIssuer, Trust } from '../../../src';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, newStack, plainRole } from '../validation-support';

const ISSUER = 'token.actions.githubusercontent.com';
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${ISSUER}`;
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
const AUD = { [`${ISSUER}:aud`]: 'sts.amazonaws.com' };
const SUB = { [`${ISSUER}:sub`]: 'repo:octo-org/app:ref:refs/heads/main' };

function webIdentity(condition?: object): object {
  return { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: WEB_IDENTITY, ...(condition ? { Condition: condition } : {}) };
}

describe('OidcWithoutSubject (error)', () => {
  test('is reported for a web-identity statement with only an aud condition', () => {
    const stack = checkedStack();
    plainRole(stack, [webIdentity({ StringEquals: AUD })]);
    expectFinding(stack, 'OidcWithoutSubject', 'error');
    expectNoFinding(stack, 'OidcWithoutAudience', 'error');
    expect(findingMessages(stack, 'OidcWithoutSubject', 'error')[0].message)
      .toMatch(/^\[cdk-assumable-roles:OidcWithoutSubject\] trust statement 1 \(sts:AssumeRoleWithWebIdentity\) has no ":sub" condition\. Name the subjects: /);
  });

  test('is reported for a web-identity statement without any condition, with OidcWithoutAudience', () => {
    const stack = checkedStack();
    plainRole(stack, [webIdentity()]);
    expectFinding(stack, 'OidcWithoutSubject', 'error');
    expectFinding(stack, 'OidcWithoutAudience', 'error');
  });

  test('is reported on an AssumableRole whose assumeRolePolicy got such a statement', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    role.role.assumeRolePolicy!.addStatements(iam.PolicyStatement.fromJson(webIdentity({ StringEquals: AUD })));
    expectFinding(stack, 'OidcWithoutSubject', 'error');
  });

  test.each([
    ['sub with StringEquals', { StringEquals: { ...AUD, ...SUB } }],
    ['sub with StringLike', { StringEquals: AUD, StringLike: { [`${ISSUER}:sub`]: 'repo:octo-org/*' } }],
    ['Cognito amr instead of sub', { 'StringEquals': { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }],
  ])('is not reported for %s', (_what, condition) => {
    const stack = checkedStack();
    plainRole(stack, [webIdentity(condition)]);
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
  });

  test('is not reported for Trust.githubActions and IrsaRole', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.githubActions({ repository: 'octo-org/app', branches: ['main'] })] });
    new IrsaRole(stack, 'Irsa', {
      issuers: [OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/ABCDEF')],
      serviceAccounts: ['kube-system:external-dns', 'apps:*'],
    });
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
  });
});

describe('OidcWithoutAudience (error)', () => {
  test('is reported for a web-identity statement with only a sub condition', () => {
    const stack = checkedStack();
    plainRole(stack, [webIdentity({ StringEquals: SUB })]);
    expectFinding(stack, 'OidcWithoutAudience', 'error');
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
    expect(findingMessages(stack, 'OidcWithoutAudience', 'error')[0].message).toBe(
      '[cdk-assumable-roles:OidcWithoutAudience] trust statement 1 (sts:AssumeRoleWithWebIdentity) has no ":aud" condition. '
      + 'Require the audience, "sts.amazonaws.com" for EKS and GitHub Actions (the Trust factories add it).');
  });

  test('is reported on an AssumableRole', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    role.role.assumeRolePolicy!.addStatements(iam.PolicyStatement.fromJson(webIdentity({ StringLike: SUB })));
    expectFinding(stack, 'OidcWithoutAudience', 'error');
  });

  test.each([
    ['aud with StringEquals', { StringEquals: { ...AUD, ...SUB } }],
    ['aud with StringLike', { StringLike: { ...AUD, ...SUB } }],
  ])('is not reported for %s', (_what, condition) => {
    const stack = checkedStack();
    plainRole(stack, [webIdentity(condition)]);
    expectNoFinding(stack, 'OidcWithoutAudience', 'error');
  });

  test('is not reported for Trust.openIdConnect with audiences', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', {
      trust: [Trust.openIdConnect(OidcIssuer.fromProviderArn('arn:aws:iam::111122223333:oidc-provider/auth.example.com'), { subjects: ['user-1'], audiences: ['my-app'] })],
    });
    expectNoFinding(stack, 'OidcWithoutAudience', 'error');
  });

  test('neither is reported for a web-identity statement that is denied', () => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Deny', Principal: { Federated: PROVIDER }, Action: WEB_IDENTITY }]);
    expectNoFinding(stack, 'OidcWithoutAudience', 'error');
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
  });
});

describe('OidcSubjectTooBroad (warning)', () => {
  const EKS = OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE');

  test.each([
    ['every service account of the cluster', ['*:*'], '"system:serviceaccount:*:*"'],
    ['every service account, next to a named one', ['*:*', 'payments:api'], '"system:serviceaccount:*:*"'],
  ])('is reported for an IrsaRole trusting %s', (_label, serviceAccounts, shown) => {
    const stack = newStack();
    new IrsaRole(stack, 'Role', { issuers: [EKS], serviceAccounts });
    expect(findingMessages(stack, 'OidcSubjectTooBroad', 'warning').map((m) => m.message)).toEqual([
      expect.stringMatching(new RegExp(`^\\[cdk-assumable-roles:OidcSubjectTooBroad\\] trust statement \\d \\(sts:AssumeRoleWithWebIdentity\\) accepts any subject of the issuer \\(${shown.replace(/[*]/g, '\\*')}\\)\\. Name the namespace`)),
    ]);
  });

  test.each([
    ['repo:*', 'StringLike'],
    ['repo:*/*:*', 'StringLike'],
    ['*', 'StringLike'],
  ])('is reported for a plain role whose GitHub sub is %s', (sub, operator) => {
    const stack = checkedStack();
    plainRole(stack, [webIdentity({ StringEquals: AUD, [operator]: { [`${ISSUER}:sub`]: sub } })]);
    expectFinding(stack, 'OidcSubjectTooBroad', 'warning');
  });

  test.each([
    ['a namespace wildcard', () => new IrsaRole(newStack(), 'Role', { issuers: [EKS], serviceAccounts: ['payments:*'] })],
    ['named service accounts', () => new IrsaRole(newStack(), 'Role', { issuers: [EKS], serviceAccounts: ['payments:api', 'jobs:runner-?'] })],
    ['a repository with any ref', () => new AssumableRole(newStack(), 'Role', { trust: [Trust.githubActions({ repository: 'octo-org/app' })] })],
    ['every repository of an organization', () => new AssumableRole(newStack(), 'Role', { trust: [Trust.githubActions({ repository: 'octo-org/*' })] })],
  ])('is not reported for %s', (_label, build) => {
    const role = build();
    expectNoFinding(role.stack, 'OidcSubjectTooBroad', 'warning');
  });
});
