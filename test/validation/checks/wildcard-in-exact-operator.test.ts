import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, plainRole } from '../validation-support';

const ACCOUNT = '111122223333';

describe('WildcardInExactOperator (warning)', () => {
  test('is reported for StringEquals with "*" in a trust condition', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', {
      trust: [Trust.account(ACCOUNT).withCondition('StringEquals', 'aws:PrincipalArn', [`arn:aws:iam::${ACCOUNT}:role/ci-*`])],
    });
    expectFinding(stack, 'WildcardInExactOperator', 'warning');
    expect(findingMessages(stack, 'WildcardInExactOperator', 'warning').map((m) => m.message)).toEqual([
      `[cdk-assumable-roles:WildcardInExactOperator] trust statement 0: StringEquals aws:PrincipalArn compares ["arn:aws:iam::${ACCOUNT}:role/ci-*"] literally; `
      + 'use StringLike for wildcards. Use StringLike / ArnLike for patterns, or remove the wildcard. [ack: cdk-assumable-roles:WildcardInExactOperator]',
    ]);
  });

  test.each([
    ['ArnEquals with "*"', 'ArnEquals', 'arn:aws:iam::*:role/x', 'ArnLike'],
    ['StringEqualsIgnoreCase with "?"', 'StringEqualsIgnoreCase', 'team-?', 'StringLike'],
    ['ForAnyValue:StringEquals with "*"', 'ForAnyValue:StringEquals', 'ops-*', 'ForAnyValue:StringLike'],
    ['StringEqualsIfExists with "*"', 'StringEqualsIfExists', 'ops-*', 'StringLikeIfExists'],
  ])('is reported for %s and suggests the Like operator', (_what, operator, value, suggestion) => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole', Condition: { [operator]: { 'aws:PrincipalTag/team': value } } }]);
    expectFinding(stack, 'WildcardInExactOperator', 'warning');
    expect(findingMessages(stack, 'WildcardInExactOperator', 'warning')[0].message).toContain(`; use ${suggestion} for wildcards.`);
  });

  test('is reported for an identity policy condition, naming the policy', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', {
      trust: [Trust.service('lambda')],
      inlinePolicyJson: { Tagged: { Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 's3:prefix': 'home/*' } } } } },
    });
    expectFinding(stack, 'WildcardInExactOperator', 'warning');
    expect(findingMessages(stack, 'WildcardInExactOperator', 'warning')[0].message).toContain('policy Tagged statement 0: StringEquals s3:prefix compares ["home/*"] literally');
  });

  test.each([
    ['StringLike with "*"', 'StringLike', 'ops-*'],
    ['ArnLike with "*"', 'ArnLike', 'arn:aws:iam::*:role/x'],
    ['StringEquals without wildcards', 'StringEquals', 'ops'],
    ['StringNotEquals with "*" (not an exact-match allow)', 'StringNotEquals', 'ops-*'],
  ])('is not reported for %s', (_what, operator, value) => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole', Condition: { [operator]: { 'aws:PrincipalTag/team': value } } }]);
    expectNoFinding(stack, 'WildcardInExactOperator', 'warning');
  });

  test('is not reported for withPrincipalArn patterns (ArnLike)', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.account(ACCOUNT).withPrincipalArn(`arn:{partition}:iam::${ACCOUNT}:role/ci-*`)] });
    expectNoFinding(stack, 'WildcardInExactOperator', 'warning');
  });

  test('is not reported for IAM policy variables in StringLike', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::home'], conditions: { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } } }));
    expectNoFinding(stack, 'WildcardInExactOperator', 'warning');
  });
});
