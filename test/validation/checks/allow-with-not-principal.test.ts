/**
 * AllowWithNotPrincipal: a finding our Trust builders cannot produce, so they are triggered with hand-made statements on plain `iam.Role`s (checked
 * through the aspect) and on `AssumableRole.role.assumeRolePolicy` (checked automatically).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, plainRole } from '../validation-support';

const ASSUME = 'sts:AssumeRole';

describe('AllowWithNotPrincipal (error)', () => {
  test('is reported for Allow with NotPrincipal on a plain iam.Role', () => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ASSUME }]);
    expectFinding(stack, 'AllowWithNotPrincipal', 'error');
    expect(findingMessages(stack, 'AllowWithNotPrincipal', 'error').map((m) => m.message)).toEqual([
      '[cdk-assumable-roles:AllowWithNotPrincipal] trust statement 1 allows with NotPrincipal. Use "Principal" with the principals that should assume the role.',
    ]);
  });

  test('is reported on an AssumableRole', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    role.role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ notPrincipals: [new iam.AccountPrincipal('111122223333')], actions: [ASSUME] }));
    expectFinding(stack, 'AllowWithNotPrincipal', 'error');
  });

  test('is not reported for Deny with NotPrincipal', () => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ASSUME }]);
    expectNoFinding(stack, 'AllowWithNotPrincipal', 'error');
  });

  test('is not reported for Allow with Principal', () => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ASSUME, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }]);
    expectNoFinding(stack, 'AllowWithNotPrincipal', 'error');
  });
});
