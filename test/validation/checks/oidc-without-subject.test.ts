import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, IrsaRole, OidcIssuer, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, GITHUB_AUD, GITHUB_ISSUER, GITHUB_SUB, githubWebIdentity, plainRole } from '../validation-support';

describe('OidcWithoutSubject (error)', () => {
  test('is reported for a web-identity statement with only an aud condition', () => {
    const stack = checkedStack();
    plainRole(stack, [githubWebIdentity({ StringEquals: GITHUB_AUD })]);
    expectFinding(stack, 'OidcWithoutSubject', 'error');
    expectNoFinding(stack, 'OidcWithoutAudience', 'error');
    expect(findingMessages(stack, 'OidcWithoutSubject', 'error')[0].message)
      .toMatch(/^\[cdk-assumable-roles:OidcWithoutSubject\] trust statement 1 \(sts:AssumeRoleWithWebIdentity\) has no ":sub" condition\. Name the subjects: /);
  });

  test('is reported for a web-identity statement without any condition, with OidcWithoutAudience', () => {
    const stack = checkedStack();
    plainRole(stack, [githubWebIdentity()]);
    expectFinding(stack, 'OidcWithoutSubject', 'error');
    expectFinding(stack, 'OidcWithoutAudience', 'error');
  });

  test('is reported on an AssumableRole whose assumeRolePolicy got such a statement', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    role.role.assumeRolePolicy!.addStatements(iam.PolicyStatement.fromJson(githubWebIdentity({ StringEquals: GITHUB_AUD })));
    expectFinding(stack, 'OidcWithoutSubject', 'error');
  });

  test.each([
    ['sub with StringEquals', { StringEquals: { ...GITHUB_AUD, ...GITHUB_SUB } }],
    ['sub with StringLike', { StringEquals: GITHUB_AUD, StringLike: { [`${GITHUB_ISSUER}:sub`]: 'repo:octo-org/*' } }],
  ])('is not reported for %s', (_what, condition) => {
    const stack = checkedStack();
    plainRole(stack, [githubWebIdentity(condition)]);
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
  });

  // Built-in providers: tokens go to any user of your application; the audience scopes them.
  test.each([
    ['a Cognito identity pool with amr', 'cognito-identity.amazonaws.com', { 'StringEquals': { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-abcd-abcd-123456789012' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }],
    ['a Cognito identity pool', 'cognito-identity.amazonaws.com', { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-abcd-abcd-123456789012' } }],
    ['Google', 'accounts.google.com', { StringEquals: { 'accounts.google.com:aud': '66677788899.apps.googleusercontent.com' } }],
    ['Facebook', 'graph.facebook.com', { StringEquals: { 'graph.facebook.com:app_id': '111222333444555' } }],
    ['Login with Amazon', 'www.amazon.com', { StringEquals: { 'www.amazon.com:app_id': 'amzn1.application-oa2-client.5d1a2b3c' } }],
  ])('is not reported for %s with its audience', (_what, provider, condition) => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition }]);
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
    expectNoFinding(stack, 'OidcWithoutAudience', 'error');
  });

  // Without the audience any application's tokens would do: still an error.
  test.each([
    ['a Cognito identity pool', 'cognito-identity.amazonaws.com', { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }, 'cognito-identity.amazonaws.com:aud'],
    ['Google', 'accounts.google.com', { StringEquals: { 'accounts.google.com:sub': '110169484474386276334' } }, 'accounts.google.com:aud'],
    ['Facebook', 'graph.facebook.com', undefined, 'graph.facebook.com:app_id'],
    ['Login with Amazon', 'www.amazon.com', { StringEquals: { 'www.amazon.com:user_id': 'amzn1.account.AF2EXAMPLE' } }, 'www.amazon.com:app_id'],
  ])('OidcWithoutAudience is reported for %s without its audience', (_what, provider, condition, key) => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) }]);
    expect(findingMessages(stack, 'OidcWithoutAudience', 'error').map((m) => m.message)[0])
      .toContain(`trust statement 1 (sts:AssumeRoleWithWebIdentity) has no "${key}" condition`);
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

describe('OidcWithoutSubject and the web identity providers built into STS', () => {
  test.each([
    ['the GovCloud (US-West) Cognito principal', 'cognito-identity-us-gov.amazonaws.com'],
    ['the GovCloud (US-East) Cognito principal', 'cognito-identity.us-gov-east-1.amazonaws.com'],
  ])('is not reported for %s with aud and amr (the recommended trust has no sub)', (_what, principal) => {
    const stack = checkedStack();
    plainRole(stack, [{
      Effect: 'Allow',
      Principal: { Federated: principal },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { 'StringEquals': { [`${principal}:aud`]: 'us-gov-west-1:11111111-2222-3333-4444-555555555555' }, 'ForAnyValue:StringLike': { [`${principal}:amr`]: 'authenticated' } },
    }]);
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
    expectNoFinding(stack, 'OidcWithoutAudience', 'error');
    expectNoFinding(stack, 'TrustActionMismatch', 'error');
  });

  test('is not reported for Trust.cognitoIdentityPool written as JSON and lifted', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', {
      trust: [Trust.fromPolicyJson({
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { 'StringEquals': { 'cognito-identity.amazonaws.com:aud': 'us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
        }],
      })],
    });
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
  });
});
