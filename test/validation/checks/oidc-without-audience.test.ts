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
