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

/**
 * Where the settings are kept: a symbol-keyed property of the resource (invisible to
 * `Object.keys` and to JSON), not a `WeakMap`. CDK keeps every app it synthesized reachable (its
 * token map holds their tokens), so a map entry per role would live as long as the process, and
 * a weak map's entries are extra work for every garbage collection.
 */
const SETTINGS = Symbol('cdk-assumable-roles.roleSettings');

export function registerRole(resource: CfnRole, owner: IConstruct, trustPolicyQuota: number, renderTrustPolicy?: () => unknown): void {
  (resource as unknown as Record<symbol, RoleSettings>)[SETTINGS] = { owner, trustPolicyQuota, renderTrustPolicy };
}

export function roleSettings(resource: CfnRole): RoleSettings | undefined {
  return (resource as unknown as Record<symbol, RoleSettings | undefined>)[SETTINGS];
}
