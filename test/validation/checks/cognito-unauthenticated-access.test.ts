import { AssumableRole, RoleChecks, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, plainRole } from '../validation-support';

const POOL = 'us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const GOV_POOL = 'us-gov-west-1:11111111-2222-3333-4444-555555555555';
const ID = 'CognitoUnauthenticatedAccess';

function cognito(condition?: object, principal = 'cognito-identity.amazonaws.com'): object {
  return { Effect: 'Allow', Principal: { Federated: principal }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) };
}

const AUD = { 'cognito-identity.amazonaws.com:aud': POOL };

describe('CognitoUnauthenticatedAccess (warning)', () => {
  test('is reported for a trust that lets guests in, naming the pool', () => {
    const stack = checkedStack();
    plainRole(stack, [cognito({ 'StringEquals': AUD, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' } })]);
    expect(findingMessages(stack, ID, 'warning').map((m) => m.message)).toEqual([
      `[cdk-assumable-roles:${ID}] trust statement 1 (Cognito identity pool ${POOL}) lets unauthenticated (guest) identities assume the role (amr "unauthenticated"). `
      + 'Trust authenticated identities only (Trust.cognitoIdentityPool(poolId) writes amr "authenticated"); for an intended guest role, '
      + `keep its permissions minimal and acknowledge the warning with the reason. [ack: cdk-assumable-roles:${ID}]`,
    ]);
  });

  test('is reported for a trust without an amr condition, which lets guests in unseen', () => {
    const stack = checkedStack();
    plainRole(stack, [cognito({ StringEquals: AUD })]);
    expect(findingMessages(stack, ID, 'warning').map((m) => m.message)[0]).toContain(
      `trust statement 1 (Cognito identity pool ${POOL}) has no "cognito-identity.amazonaws.com:amr" condition, `
      + 'so unauthenticated (guest) identities may assume the role as well as authenticated ones');
  });

  test.each([
    ['both values', ['authenticated', 'unauthenticated']],
    ['a pattern that matches unauthenticated', 'un*'],
    ['"*"', '*'],
  ])('is reported for amr %s', (_what, amr) => {
    const stack = checkedStack();
    plainRole(stack, [cognito({ 'StringEquals': AUD, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr } })]);
    expectFinding(stack, ID, 'warning');
  });

  test('is reported for Trust.cognitoIdentityPool({ unauthenticated: true }), and the warning can be acknowledged', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.cognitoIdentityPool(POOL, { authenticated: false, unauthenticated: true })] });
    expectFinding(stack, ID, 'warning');
    const acknowledged = newStack();
    const guest = new AssumableRole(acknowledged, 'Role', { trust: [Trust.cognitoIdentityPool(POOL, { authenticated: false, unauthenticated: true })] });
    RoleChecks.acknowledge(guest, ID, 'guest role of the public demo: read-only access to one bucket');
    expectNoFinding(acknowledged, ID, 'warning');
    expect(role).toBeDefined();
  });

  test('is reported for a GovCloud pool\'s principal too', () => {
    const stack = checkedStack();
    plainRole(stack, [cognito({ StringEquals: { 'cognito-identity-us-gov.amazonaws.com:aud': GOV_POOL } }, 'cognito-identity-us-gov.amazonaws.com')]);
    expectFinding(stack, ID, 'warning');
    expectNoFinding(stack, 'OidcWithoutSubject', 'error');
  });

  test.each([
    ['authenticated identities (the AWS-recommended trust)', { 'StringEquals': AUD, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }],
    ['one login provider', { 'StringEquals': AUD, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'graph.facebook.com' } }],
    ['guests kept out with a negated operator', { 'StringEquals': AUD, 'ForAnyValue:StringNotLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' } }],
  ])('is not reported for %s', (_what, condition) => {
    const stack = checkedStack();
    plainRole(stack, [cognito(condition)]);
    expectNoFinding(stack, ID, 'warning');
  });

  test('is not reported for Trust.cognitoIdentityPool(poolId), nor for the other built-in providers', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', {
      trust: [Trust.cognitoIdentityPool(POOL), Trust.google(['client-1']), Trust.facebook(['111222333444555']), Trust.loginWithAmazon(['amzn1.application-oa2-client.5d'])],
    });
    expectNoFinding(stack, ID, 'warning');
  });

  test('is reported for a guest statement written as JSON (Trust.fromPolicyJson)', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', {
      trust: [Trust.fromPolicyJson({ Version: '2012-10-17', Statement: [cognito({ 'StringEquals': AUD, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' } })] })],
    });
    expectFinding(stack, ID, 'warning');
  });
});
