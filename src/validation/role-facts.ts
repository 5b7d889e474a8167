import { Stack, Token } from 'aws-cdk-lib';
import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { AppRoles } from './app-roles';
import { resolvedProperty } from './captured-value';
import { RoleFacts } from './role-check';
import { listOf } from './statements';

/**
 * Everything the checks look at for one role resource, resolved once per validation and shared
 * with the size limits and the trust graph (`resolved-properties.ts`).
 */
export function gatherFacts(resource: CfnRole, trustPolicyQuota: number, app: AppRoles = AppRoles.of(resource)): RoleFacts {
  const stack = Stack.of(resource);
  const role = app.roles.get(resource)!;
  const identityPolicies: { name: string; document: any }[] = [];
  for (const p of listOf(resolvedProperty(resource, 'policies'))) {
    identityPolicies.push({ name: String(p.policyName ?? p.PolicyName), document: p.policyDocument ?? p.PolicyDocument });
  }
  for (const policy of role.attachedPolicies) {
    identityPolicies.push({ name: policy.node.path, document: resolvedProperty(policy, 'policyDocument') });
  }
  const cycles = app.cycleFacts(resource);
  return {
    // No check reads it: resolved only when asked.
    get logicalId(): string {
      return stack.resolve(resource.logicalId);
    },
    trustPolicy: resolvedProperty(resource, 'assumeRolePolicyDocument'),
    identityPolicies,
    managedPolicyArns: listOf(resolvedProperty(resource, 'managedPolicyArns')),
    stackAccount: Token.isUnresolved(stack.account) ? undefined : stack.account,
    trustPolicyQuota,
    circularReference: cycles.circularReference && app.labels(cycles.circularReference),
    trustCycle: cycles.trustCycle && app.labels(cycles.trustCycle),
    trustCycleMembers: cycles.trustCycleMembers && app.labels(cycles.trustCycleMembers),
  };
}
