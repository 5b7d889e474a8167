import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages } from '../validation-support';

const LAMBDA = Trust.service('lambda');

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
