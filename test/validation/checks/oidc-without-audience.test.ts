import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, OidcIssuer, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, GITHUB_AUD, GITHUB_SUB, githubWebIdentity, plainRole } from '../validation-support';

describe('OidcWithoutAudience (error)', () => {
  test('is reported for a web-identity statement with only a sub condition', () => {
    const stack = checkedStack();
    plainRole(stack, [githubWebIdentity({ StringEquals: GITHUB_SUB })]);
    expectFinding(stack, 'OidcWithoutAudience', 'error');
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
    expect(findingMessages(stack, 'OidcWithoutAudience', 'error')[0].message).toBe(
      '[cdk-assumable-roles:OidcWithoutAudience] trust statement 1 (sts:AssumeRoleWithWebIdentity) has no ":aud" condition. '
      + 'Require the audience: "sts.amazonaws.com" for EKS and GitHub Actions (the Trust factories add it), the identity pool ID for Cognito, '
      + 'your application\'s client or app ID for Google, Facebook and Login with Amazon.');
  });

  test('is reported on an AssumableRole', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    role.role.assumeRolePolicy!.addStatements(iam.PolicyStatement.fromJson(githubWebIdentity({ StringLike: GITHUB_SUB })));
    expectFinding(stack, 'OidcWithoutAudience', 'error');
  });

  test.each([
    ['aud with StringEquals', { StringEquals: { ...GITHUB_AUD, ...GITHUB_SUB } }],
    ['aud with StringLike', { StringLike: { ...GITHUB_AUD, ...GITHUB_SUB } }],
  ])('is not reported for %s', (_what, condition) => {
    const stack = checkedStack();
    plainRole(stack, [githubWebIdentity(condition)]);
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
    plainRole(stack, [{ ...githubWebIdentity(), Effect: 'Deny' }]);
    expectNoFinding(stack, 'OidcWithoutAudience', 'error');
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
  });
});

describe('OidcWithoutAudience and the web identity providers built into STS', () => {
  const statement = (provider: string, condition?: object) =>
    ({ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) });

  test.each([
    ['Google, a client ID pattern of "*"', 'accounts.google.com', { StringLike: { 'accounts.google.com:aud': '*' } }, 'accounts.google.com:aud'],
    ['Facebook, an app ID only negated', 'graph.facebook.com', { StringNotEquals: { 'graph.facebook.com:app_id': '111' } }, 'graph.facebook.com:app_id'],
    ['a Cognito pool pattern of "*" among others', 'cognito-identity.amazonaws.com', {
      'StringLike': { 'cognito-identity.amazonaws.com:aud': ['us-east-1:*', '*'] },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    }, 'cognito-identity.amazonaws.com:aud'],
  ])('is reported for %s: the audience names no application', (_what, provider, condition, key) => {
    const stack = checkedStack();
    plainRole(stack, [statement(provider, condition)]);
    expect(findingMessages(stack, 'OidcWithoutAudience', 'error').map((m) => m.message)[0])
      .toContain(`trust statement 1 (sts:AssumeRoleWithWebIdentity) accepts any "${key}": its condition on it names no application`);
  });

  test('is reported for a GovCloud Cognito principal without its pool ID', () => {
    const stack = checkedStack();
    plainRole(stack, [statement('cognito-identity.us-gov-east-1.amazonaws.com', { 'ForAnyValue:StringLike': { 'cognito-identity.us-gov-east-1.amazonaws.com:amr': 'authenticated' } })]);
    expect(findingMessages(stack, 'OidcWithoutAudience', 'error').map((m) => m.message)[0])
      .toContain('has no "cognito-identity.us-gov-east-1.amazonaws.com:aud" condition');
  });

  test('is not reported for the built-in factories, in any partition\'s Region', () => {
    for (const region of ['us-east-1', 'cn-north-1', 'us-gov-west-1', 'us-gov-east-1']) {
      const stack = newStack({ env: { region } });
      new AssumableRole(stack, 'Role', {
        trust: [
          Trust.cognitoIdentityPool(`${region}:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`),
          Trust.google(['client-1'], { userIds: ['1101'], originalAudiences: ['sts.amazonaws.com'] }),
          Trust.facebook(['111222333444555']),
          Trust.loginWithAmazon(['amzn1.application-oa2-client.5d']),
        ],
      });
      expectNoFinding(stack, 'OidcWithoutAudience', 'error');
      expectNoFinding(stack, 'OidcWithoutSubject', 'error');
    }
  });

  test('is reported for a Facebook statement without its app ID written as JSON (Trust.fromPolicyJson)', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', {
      trust: [Trust.fromPolicyJson({ Version: '2012-10-17', Statement: [statement('graph.facebook.com', { StringEquals: { 'graph.facebook.com:id': '10000000001' } })] })],
    });
    expectFinding(stack, 'OidcWithoutAudience', 'error');
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
  });
});
