import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, OidcIssuer, Trust } from '../../../src';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, newStack, plainRole } from '../validation-support';

const ISSUER = 'token.actions.githubusercontent.com';
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${ISSUER}`;
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
const AUD = { [`${ISSUER}:aud`]: 'sts.amazonaws.com' };
const SUB = { [`${ISSUER}:sub`]: 'repo:octo-org/app:ref:refs/heads/main' };

function webIdentity(condition?: object): object {
  return { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: WEB_IDENTITY, ...(condition ? { Condition: condition } : {}) };
}

describe('OidcWithoutAudience (error)', () => {
  test('is reported for a web-identity statement with only a sub condition', () => {
    const stack = checkedStack();
    plainRole(stack, [webIdentity({ StringEquals: SUB })]);
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
