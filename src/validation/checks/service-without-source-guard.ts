import { conditionKeys, FindingLevel, literalText, principalsOf, RoleCheck, statementsOf } from './model';

/**
 * Services whose documentation shows `aws:SourceAccount` / `aws:SourceArn` in the trust
 * policies of the roles they assume (cross-service confused-deputy prevention). Services
 * that do not send these keys when assuming a role (e.g. Lambda execution roles, EC2 instance
 * profiles) are left out on purpose: the condition would lock them out.
 */
export const SERVICES_WITH_SOURCE_KEYS = [
  'ecs-tasks', 'states', 'events', 'scheduler', 'pipes', 'sagemaker', 'codebuild', 'glue',
  'firehose', 'backup', 'sns', 'cloudtrail', 'config', 'datasync', 'transfer', 'bedrock',
  'airflow', 'pods.eks', 'delivery.logs', 'logs',
];

/** A service principal that supports confused-deputy keys, trusted without them. */
export const serviceWithoutSourceGuard: RoleCheck = {
  id: 'ServiceWithoutSourceGuard',
  level: FindingLevel.INFO,
  trigger: 'A service that sends aws:SourceAccount / aws:SourceArn when assuming roles is trusted without either condition, so the service could be made to use the role on behalf of another account (confused deputy).',
  fix: 'Add Trust.service(...).withSourceAccount() or .withSourceArn(...), or restrictToSourceAccount / sourceArns on ServiceRole.',
  check(role) {
    const problems: string[] = [];
    statementsOf(role.trustPolicy).forEach((s, i) => {
      if (s.Effect !== 'Allow') return;
      const keys = conditionKeys(s);
      if (keys === undefined || keys.includes('aws:sourceaccount') || keys.includes('aws:sourcearn')) return;
      for (const value of principalsOf(s.Principal).Service ?? []) {
        const name = literalText(value).replace(/\.amazonaws\.com(\.cn)?$/, '');
        if (SERVICES_WITH_SOURCE_KEYS.includes(name)) {
          problems.push(`trust statement ${i} trusts ${literalText(value)} without aws:SourceAccount or aws:SourceArn`);
        }
      }
    });
    return problems;
  },
};
