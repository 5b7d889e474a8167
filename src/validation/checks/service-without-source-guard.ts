import { FindingLevel, RoleCheck } from '../role-check';
import { allowStatements, literalText } from '../statements';

/**
 * Services whose documentation shows `aws:SourceAccount` / `aws:SourceArn` in the trust policy
 * of the roles they assume, as the way to prevent the cross-service confused deputy
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
 *
 * Left out on purpose, so that the check stays silent on their documented trust policies:
 * - Lambda: it does send the keys when it assumes an execution role ("you can include the
 *   aws:SourceAccount and aws:SourceArn global condition context keys in your role trust
 *   policy", https://docs.aws.amazon.com/lambda/latest/dg/permissions-managed-policies.html),
 *   so `restrictToSourceAccount` works on a Lambda role; but the execution-role trust policy the
 *   Lambda guide shows has no condition, and every CDK app creates such roles.
 * - EC2 instance profiles: the keys are not documented for them; the condition could lock
 *   instances out.
 * - EKS Pod Identity: its documented trust policy has no condition (the pod's identity is
 *   bound by the Pod Identity association and the session tags EKS sets). Creating an
 *   association needs iam:PassRole on the role, which only principals of the role's own account
 *   have, so no other account can make the service use the role: the confused deputy this check
 *   is about does not arise. Narrowing the role to clusters, namespaces and service accounts
 *   (`Trust.eksPodIdentity({...})`) is defence within the account, an option, not a finding
 *   (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html,
 *   https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html).
 */
export const SERVICES_WITH_SOURCE_KEYS = [
  'ecs-tasks', 'states', 'events', 'scheduler', 'pipes', 'sagemaker', 'codebuild', 'glue',
  'firehose', 'backup', 'sns', 'cloudtrail', 'config', 'datasync', 'transfer', 'bedrock',
  'airflow', 'delivery.logs', 'logs',
];

/** A service principal that supports confused-deputy keys, trusted without them. */
export const serviceWithoutSourceGuard: RoleCheck = {
  id: 'ServiceWithoutSourceGuard',
  level: FindingLevel.INFO,
  trigger: 'A service that sends aws:SourceAccount / aws:SourceArn when assuming roles is trusted without either condition, so the service could be made to use the role on behalf of another account (confused deputy).',
  fix: 'Add Trust.service(...).withSourceAccount() or .withSourceArn(...), or restrictToSourceAccount / sourceArns on ServiceRole.',
  check(role) {
    const problems: string[] = [];
    for (const { index: i, principals, conditionKeys: keys } of allowStatements(role.trustPolicy)) {
      if (keys === undefined || keys.includes('aws:sourceaccount') || keys.includes('aws:sourcearn')) continue;
      for (const value of principals.Service ?? []) {
        const name = literalText(value).replace(/\.amazonaws\.com(\.cn)?$/, '');
        if (SERVICES_WITH_SOURCE_KEYS.includes(name)) {
          problems.push(`trust statement ${i} trusts ${literalText(value)} without aws:SourceAccount or aws:SourceArn`);
        }
      }
    }
    return problems;
  },
};
