/**
 * The checks stay silent on the EKS Pod Identity patterns AWS documents: the plain trust of the
 * EKS User Guide (an association needs iam:PassRole on the role, in the cluster's account, so no
 * other account can use it: ServiceWithoutSourceGuard leaves pods.eks out on purpose), the trust
 * restricted by session tags, the target role's trust in a Pod Identity role of another account
 * (a named role through aws:PrincipalArn, so CrossAccountWithoutGuard is satisfied), and the
 * association with its target-role permission.
 */
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AssumableRole, Trust, TrustRelationship } from '../../../src';
import { newStack } from '../../support/stacks';

const ENV = { account: '111122223333', region: 'eu-west-1' };

function expectSilent(stack: Stack): void {
  const annotations = Annotations.fromStack(stack);
  annotations.hasNoError('*', Match.anyValue());
  annotations.hasNoWarning('*', Match.anyValue());
  annotations.hasNoInfo('*', Match.anyValue());
}

describe('the checks are silent on EKS Pod Identity', () => {
  test.each<[string, TrustRelationship]>([
    ['the plain trust of the EKS User Guide', Trust.eksPodIdentity()],
    ['a trust restricted by cluster, namespace and service account', Trust.eksPodIdentity({ clusterNames: ['prod'], namespaces: ['payments'], serviceAccounts: ['api'] })],
    ['a trust restricted with patterns and a cluster ARN', Trust.eksPodIdentity({ clusterArns: ['arn:{partition}:eks:{region}:{account}:cluster/prod'], namespaces: ['team-*'] })],
    ['a target role trusting a Pod Identity role of another account', Trust.eksPodIdentityRole('arn:{partition}:iam::444455556666:role/payments-api', {
      clusterArns: ['arn:{partition}:eks:eu-west-1:444455556666:cluster/prod'], namespaces: ['payments'], serviceAccounts: ['api'],
    })],
    ['a target role trusting a Pod Identity role, unrestricted', Trust.eksPodIdentityRole('arn:aws:iam::444455556666:role/payments-api')],
  ])('%s', (_name, trust) => {
    const stack = newStack({ env: ENV });
    new AssumableRole(stack, 'Role', { trust: [trust] });
    expectSilent(stack);
  });

  test('a role with an association and a target role', () => {
    const stack = newStack({ env: ENV });
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.eksPodIdentity({ namespaces: ['payments'] })] });
    role.addPodIdentityAssociation('Api', { clusterName: 'prod', namespace: 'payments', serviceAccount: 'api', targetRoleArn: 'arn:aws:iam::444455556666:role/payments-reader' });
    expectSilent(stack);
  });
});

test('the same helper sees a finding where there is one (the test can fail)', () => {
  const stack = newStack({ env: ENV });
  new AssumableRole(stack, 'Role', { trust: [Trust.account('444455556666')] });
  expect(() => expectSilent(stack)).toThrow();
});
