import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, Trust } from '../../../src';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, newStack } from '../validation-support';

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

describe('PassRoleOnAnyRole (warning)', () => {
  test.each([
    ['iam:PassRole', 'iam:PassRole'],
    ['iam:*', 'iam:*'],
    ['iam:Pass*', 'iam:Pass*'],
    ['lower-case iam:passrole', 'iam:passrole'],
  ])('is reported for %s on "*"', (_what, action) => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [LAMBDA] });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [action], resources: ['*'] }));
    expectFinding(stack, 'PassRoleOnAnyRole', 'warning');
    expect(findingMessages(stack, 'PassRoleOnAnyRole', 'warning')[0].message)
      .toContain('policy Stack/Role/Default/DefaultPolicy/Resource statement 0 allows iam:PassRole on "*". Limit iam:PassRole');
  });

  test('is reported for an inline policy of a plain iam.Role', () => {
    const stack = checkedStack();
    new iam.Role(stack, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: { Pass: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] })] }) },
    });
    expectFinding(stack, 'PassRoleOnAnyRole', 'warning');
  });

  test.each([
    ['on named roles', new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['arn:aws:iam::111122223333:role/app-*'] })],
    ['with an iam:PassedToService condition', new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'], conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } })],
    ['denied', new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['iam:PassRole'], resources: ['*'] })],
    ['iam:GetRole on "*"', new iam.PolicyStatement({ actions: ['iam:GetRole'], resources: ['*'] })],
  ])('is not reported %s', (_what, statement) => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [LAMBDA] });
    role.addToPrincipalPolicy(statement);
    expectNoFinding(stack, 'PassRoleOnAnyRole', 'warning');
  });
});
