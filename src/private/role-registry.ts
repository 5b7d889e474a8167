import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';

/**
 * What this library's constructs tell the checks about their role resources: where to
 * report findings and which trust-policy quota the user set. Kept apart from the constructs
 * so that the checks do not import them (which would be an import cycle).
 */
interface RoleSettings {
  readonly owner: IConstruct;
  readonly trustPolicyQuota: number;
  /** The trust policy before it is resolved (what the resource's lazy value produces). */
  readonly renderTrustPolicy?: () => unknown;
}

const settings = new WeakMap<CfnRole, RoleSettings>();

export function registerRole(resource: CfnRole, owner: IConstruct, trustPolicyQuota: number, renderTrustPolicy?: () => unknown): void {
  settings.set(resource, { owner, trustPolicyQuota, renderTrustPolicy });
}

export function roleSettings(resource: CfnRole): RoleSettings | undefined {
  return settings.get(resource);
}
