/**
 * The resolved properties of role and policy resources, resolved once per validation of the app
 * and shared by everything that reads them: the checks, the size limits and the trust graph
 * (each used to resolve the same documents again; resolving is most of what checking costs).
 */
import { CfnResource, Stack } from 'aws-cdk-lib';

/** Bumped as each validation of a stage begins: values resolved in an earlier one are stale. */
let pass = 0;
const cache = new WeakMap<CfnResource, { pass: number; values: Map<string, any> }>();

/** Starts a new validation pass: every property is resolved again on its next read. */
export function startValidationPass(): void {
  pass++;
}

/** `resource[key]` resolved for CloudFormation, once per validation pass. */
export function resolvedProperty(resource: CfnResource, key: string): any {
  let entry = cache.get(resource);
  if (!entry || entry.pass !== pass) {
    entry = { pass, values: new Map() };
    cache.set(resource, entry);
  }
  if (!entry.values.has(key)) {
    entry.values.set(key, Stack.of(resource).resolve((resource as unknown as Record<string, unknown>)[key]));
  }
  return entry.values.get(key);
}
