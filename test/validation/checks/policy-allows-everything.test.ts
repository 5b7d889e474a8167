import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages } from '../validation-support';

const LAMBDA = Trust.service('lambda');
const doc = (statement: object) => ({ Version: '2012-10-17', Statement: [statement] });

describe('PolicyAllowsEverything (warning)', () => {
  test.each([
    ['"*" on "*" in inlinePolicyJson', { Effect: 'Allow', Action: '*', Resource: '*' }],
    ['["*"] on ["*"]', { Effect: 'Allow', Action: ['*'], Resource: ['*'] }],
  ])('is reported for %s', (_what, statement) => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [LAMBDA], inlinePolicyJson: { Admin: doc(statement) } });
    expectFinding(stack, 'PolicyAllowsEverything', 'warning');
    expect(findingMessages(stack, 'PolicyAllowsEverything', 'warning')[0].message)
      .toMatch(/^\[cdk-assumable-roles:PolicyAllowsEverything\] policy Admin statement 0 allows "\*" on "\*"\. Grant the actions/);
  });

  test('is reported for AdministratorAccess by name and by ARN template', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [LAMBDA], awsManagedPolicyNames: ['AdministratorAccess'] });
    new AssumableRole(stack, 'Other', { trust: [LAMBDA], managedPolicyArns: ['arn:{partition}:iam::aws:policy/AdministratorAccess'] });
    expectFinding(stack, 'PolicyAllowsEverything', 'warning');
    expectFinding(stack, 'PolicyAllowsEverything', 'warning', '/Stack/Other');
    expect(findingMessages(stack, 'PolicyAllowsEverything', 'warning')[0].message)
      .toContain('managed policy arn:aws:iam::aws:policy/AdministratorAccess allows "*" on "*"');
  });

  test('is reported for a statement added with addToPrincipalPolicy', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [LAMBDA] });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
    expectFinding(stack, 'PolicyAllowsEverything', 'warning');
  });

  test('is reported for a plain iam.Role', () => {
    const stack = checkedStack();
    new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')] });
    expectFinding(stack, 'PolicyAllowsEverything', 'warning');
  });

  test.each([
    ['"*" on "*" with a condition', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }],
    ['a Deny of "*" on "*"', { Effect: 'Deny', Action: '*', Resource: '*' }],
    ['NotAction on "*"', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }],
    ['"s3:*" on "*"', { Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    ['"*" on one bucket', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::reports/*' }],
  ])('is not reported for %s', (_what, statement) => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [LAMBDA], inlinePolicyJson: { Policy: doc(statement) } });
    expectNoFinding(stack, 'PolicyAllowsEverything', 'warning');
  });

  test('is not reported for ReadOnlyAccess', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [LAMBDA], awsManagedPolicyNames: ['ReadOnlyAccess'] });
    expectNoFinding(stack, 'PolicyAllowsEverything', 'warning');
  });
});
