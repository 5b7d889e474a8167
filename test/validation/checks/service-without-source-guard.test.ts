import { AssumableRole, ServiceRole, Trust } from '../../../src';
import { SERVICES_WITH_SOURCE_KEYS } from '../../../src/validation/checks/service-without-source-guard';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, plainRole } from '../validation-support';

describe('ServiceWithoutSourceGuard (info)', () => {
  test('is reported for a service that sends source keys, trusted without them', () => {
    const stack = newStack();
    new ServiceRole(stack, 'Role', { services: ['states'] });
    expectFinding(stack, 'ServiceWithoutSourceGuard', 'info');
    expect(findingMessages(stack, 'ServiceWithoutSourceGuard', 'info').map((m) => m.message)).toEqual([
      '[cdk-assumable-roles:ServiceWithoutSourceGuard] trust statement 0 trusts states.amazonaws.com without aws:SourceAccount or aws:SourceArn. '
      + 'Add Trust.service(...).withSourceAccount() or .withSourceArn(...), or restrictToSourceAccount / sourceArns on ServiceRole.',
    ]);
  });

  test.each(['ecs-tasks', 'events', 'scheduler', 'codebuild', 'glue.amazonaws.com'])('is reported for %s', (service) => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.service(service)] });
    expectFinding(stack, 'ServiceWithoutSourceGuard', 'info');
  });

  // Their documented trust policies have no source condition (see SERVICES_WITH_SOURCE_KEYS).
  test.each([
    ['EKS Pod Identity', Trust.eksPodIdentity()],
    ['a Lambda execution role', Trust.service('lambda')],
    ['an EC2 instance role', Trust.service('ec2')],
  ])('is not reported for %s', (_what, trust) => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [trust] });
    expectNoFinding(stack, 'ServiceWithoutSourceGuard', 'info');
  });

  test('is reported on a plain iam.Role', () => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
    expectFinding(stack, 'ServiceWithoutSourceGuard', 'info');
  });

  test.each([
    ['withSourceAccount()', Trust.service('states').withSourceAccount()],
    ['withSourceAccount(id)', Trust.service('states').withSourceAccount('111122223333')],
    ['withSourceArn', Trust.service('events').withSourceArn('arn:{partition}:events:{region}:{account}:rule/*')],
  ])('is not reported with %s', (_what, trust) => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [trust] });
    expectNoFinding(stack, 'ServiceWithoutSourceGuard', 'info');
  });

  test('is not reported for ServiceRole with restrictToSourceAccount or sourceArns', () => {
    const stack = newStack();
    new ServiceRole(stack, 'Role', { services: ['states'], restrictToSourceAccount: true });
    new ServiceRole(stack, 'Other', { services: ['events'], sourceArns: ['arn:{partition}:events:{region}:{account}:rule/nightly'] });
    expectNoFinding(stack, 'ServiceWithoutSourceGuard', 'info');
  });

  test.each(['lambda', 'ec2', 'edgelambda'])('is not reported for %s, which does not send the keys', (service) => {
    const stack = newStack();
    new ServiceRole(stack, 'Role', { services: [service] });
    expectNoFinding(stack, 'ServiceWithoutSourceGuard', 'info');
  });

  test('the service list leaves out Lambda and EC2', () => {
    expect(SERVICES_WITH_SOURCE_KEYS).not.toContain('lambda');
    expect(SERVICES_WITH_SOURCE_KEYS).not.toContain('ec2');
    expect(SERVICES_WITH_SOURCE_KEYS).toContain('states');
  });
});
