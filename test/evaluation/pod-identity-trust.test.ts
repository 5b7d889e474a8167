/**
 * Who may assume a role trusting EKS Pod Identity restricted by session tags, and a target
 * role trusting a Pod Identity role: the pods.eks.amazonaws.com service (or the Pod Identity
 * role's session) with the session tags EKS sets for the admitted cluster, namespace and service
 * account (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html), and nobody else.
 *
 * Each caller sends the tags as EKS does: `aws:RequestTag/<key>` for each of the six tags and
 * `aws:TagKeys` listing them. The evaluator throws if the engine ignores any of these keys.
 */
import { allow, deny, describeCases, HOME, PARTNER, STRANGER } from './evaluation-fixtures';
import { AssumableRole, Trust } from '../../src';
import { PARTITION_NAMES } from '../support/resolve';
import { newStack } from '../support/stacks';
import { Callers, ContextValues, TrustEvaluator } from '../support/trust-evaluator';

const TAGGED = ['sts:AssumeRole', 'sts:TagSession'];
const PODS = 'pods.eks.amazonaws.com';

/** The session tags EKS sets for a pod of `serviceAccount` in `namespace` of `cluster` (in `account`). */
function sessionTags(cluster: string, namespace: string, serviceAccount: string, account: string = '{account}'): ContextValues {
  const tags: Record<string, string> = {
    'eks-cluster-arn': `arn:{partition}:eks:{region}:${account}:cluster/${cluster}`,
    'eks-cluster-name': cluster,
    'kubernetes-namespace': namespace,
    'kubernetes-service-account': serviceAccount,
    'kubernetes-pod-name': `${serviceAccount}-7d9f8b6c5-x2x9q`,
    'kubernetes-pod-uid': '2f3c6a4e-1b2d-4c5e-9f80-0a1b2c3d4e5f',
  };
  return {
    ...Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])),
    'aws:TagKeys': Object.keys(tags),
  };
}

const pods = (context?: ContextValues) => Callers.service(PODS, { context });

describeCases('Trust.eksPodIdentity({ clusterNames, namespaces, serviceAccounts })', () => {
  const stack = newStack();
  const trust = Trust.eksPodIdentity({ clusterNames: ['prod'], namespaces: ['payments'], serviceAccounts: ['api'] });
  return { stack, role: new AssumableRole(stack, 'Pods', { trust: [trust] }) };
}, [
  allow('Pod Identity for prod/payments/api', pods(sessionTags('prod', 'payments', 'api')), TAGGED),
  deny('another namespace', pods(sessionTags('prod', 'batch', 'api')), TAGGED),
  deny('another service account', pods(sessionTags('prod', 'payments', 'worker')), TAGGED),
  deny('another cluster', pods(sessionTags('staging', 'payments', 'api')), TAGGED),
  deny('a cluster whose name only starts the same', pods(sessionTags('prod-2', 'payments', 'api')), TAGGED),
  deny('a request without the session tags (session tags disabled)', pods(), ['sts:AssumeRole']),
  deny('another service with the same tags', Callers.service('eks.amazonaws.com', { context: sessionTags('prod', 'payments', 'api') }), TAGGED),
  deny('a role of the account, even with the tags and an identity policy allowing it', Callers.role(HOME, 'node', { context: sessionTags('prod', 'payments', 'api') }), TAGGED),
]);

describeCases('Trust.eksPodIdentity({ clusterArns, namespaces with wildcards })', () => {
  const stack = newStack();
  const trust = Trust.eksPodIdentity({ clusterArns: ['arn:{partition}:eks:{region}:{account}:cluster/prod'], namespaces: ['team-*'] });
  return { stack, role: new AssumableRole(stack, 'Pods', { trust: [trust] }) };
}, [
  allow('the prod cluster of this account, namespace team-a', pods(sessionTags('prod', 'team-a', 'api')), TAGGED),
  allow('any service account of a matching namespace', pods(sessionTags('prod', 'team-payments', 'worker')), TAGGED),
  deny('a namespace that does not match team-*', pods(sessionTags('prod', 'payments', 'api')), TAGGED),
  deny('a cluster of the same name in another account', pods(sessionTags('prod', 'team-a', 'api', STRANGER)), TAGGED),
  deny('another cluster of this account', pods(sessionTags('dev', 'team-a', 'api')), TAGGED),
  deny('a request without the session tags', pods(), ['sts:AssumeRole']),
]);

describeCases('Trust.eksPodIdentity({ clusterNames, clusterArns }): either cluster', () => {
  const stack = newStack();
  const trust = Trust.eksPodIdentity({ clusterNames: ['prod'], clusterArns: ['arn:{partition}:eks:{region}:{account}:cluster/dr'], serviceAccounts: ['api'] });
  return { stack, role: new AssumableRole(stack, 'Pods', { trust: [trust] }) };
}, [
  allow('the cluster named prod', pods(sessionTags('prod', 'payments', 'api')), TAGGED),
  allow('the cluster dr by ARN', pods(sessionTags('dr', 'payments', 'api')), TAGGED),
  deny('a cluster named dr in another account (the ARN pins the account)', pods(sessionTags('dr', 'payments', 'api', STRANGER)), TAGGED),
  deny('the cluster prod, another service account', pods(sessionTags('prod', 'payments', 'worker')), TAGGED),
]);

describeCases('Trust.eksPodIdentity() with and without restrictions on the same role', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Pods', { trust: [Trust.eksPodIdentity()] }) };
}, [
  allow('any association of the account, with its tags', pods(sessionTags('any', 'any', 'any')), TAGGED),
  allow('an association with session tags disabled', pods(), ['sts:AssumeRole']),
]);

describeCases('Trust.eksPodIdentityRole: a target role trusting the Pod Identity role of another account', () => {
  const stack = newStack();
  const trust = Trust.eksPodIdentityRole(`arn:{partition}:iam::${PARTNER}:role/payments-api`, {
    clusterArns: [`arn:{partition}:eks:{region}:${PARTNER}:cluster/prod`],
    namespaces: ['payments'],
    serviceAccounts: ['api'],
  });
  return { stack, role: new AssumableRole(stack, 'Target', { trust: [trust] }) };
}, [
  allow('the Pod Identity role, for prod/payments/api', Callers.role(PARTNER, 'payments-api', { context: sessionTags('prod', 'payments', 'api', PARTNER) }), TAGGED),
  deny('the Pod Identity role, another namespace', Callers.role(PARTNER, 'payments-api', { context: sessionTags('prod', 'batch', 'api', PARTNER) }), TAGGED),
  deny('the Pod Identity role, another service account', Callers.role(PARTNER, 'payments-api', { context: sessionTags('prod', 'payments', 'worker', PARTNER) }), TAGGED),
  deny('the Pod Identity role, another cluster', Callers.role(PARTNER, 'payments-api', { context: sessionTags('staging', 'payments', 'api', PARTNER) }), TAGGED),
  deny('the Pod Identity role, without the session tags', Callers.role(PARTNER, 'payments-api'), ['sts:AssumeRole']),
  deny('another role of that account, with the right tags', Callers.role(PARTNER, 'admin', { context: sessionTags('prod', 'payments', 'api', PARTNER) }), TAGGED),
  deny('a role of the same name in another account', Callers.role(STRANGER, 'payments-api', { context: sessionTags('prod', 'payments', 'api', STRANGER) }), TAGGED),
  deny('a role of the target role\'s own account', Callers.role(HOME, 'payments-api', { context: sessionTags('prod', 'payments', 'api', PARTNER) }), TAGGED),
  deny('the Pod Identity service itself (it assumes the Pod Identity role, not the target)', pods(sessionTags('prod', 'payments', 'api', PARTNER)), TAGGED),
]);

describe('the engine reads every key the Pod Identity callers send', () => {
  test.each(PARTITION_NAMES)('in %s: no key is ignored, no workaround is needed', async (partition) => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Pods', { trust: [Trust.eksPodIdentity({ clusterNames: ['prod'], namespaces: ['payments'], serviceAccounts: ['api'] })] });
    const target = new AssumableRole(stack, 'Target', { trust: [Trust.eksPodIdentityRole(`arn:{partition}:iam::${PARTNER}:role/payments-api`, { namespaces: ['payments'] })] });
    const evaluator = TrustEvaluator.forStack(stack, partition);
    const decisions = [
      await evaluator.mayAssume(role, pods(sessionTags('prod', 'payments', 'api')), { actions: TAGGED }),
      await evaluator.mayAssume(target, Callers.role(PARTNER, 'payments-api', { context: sessionTags('prod', 'payments', 'api', PARTNER) }), { actions: TAGGED }),
    ];
    for (const decision of decisions) {
      expect(decision).toMatchObject({ allowed: true, workarounds: [] });
    }
  });
});
