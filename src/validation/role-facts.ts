import { Stack, Token } from 'aws-cdk-lib';
import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { AppRoles } from './app-roles';
import { RoleFacts } from './role-check';
import { listOf } from './statements';

/** Everything the checks look at for one role resource, resolved. */
export function gatherFacts(resource: CfnRole, trustPolicyQuota: number, app: AppRoles = AppRoles.of(resource)): RoleFacts {
  const stack = Stack.of(resource);
  const identityPolicies: { name: string; document: any }[] = [];
  for (const p of listOf(stack.resolve(resource.policies))) {
    identityPolicies.push({ name: String(p.policyName ?? p.PolicyName), document: p.policyDocument ?? p.PolicyDocument });
  }
  for (const policy of app.roles.get(resource)!.attachedPolicies) {
    identityPolicies.push({ name: policy.node.path, document: Stack.of(policy).resolve(policy.policyDocument) });
  }
  const cycles = app.cycleFacts(resource);
  return {
    trustPolicy: stack.resolve(resource.assumeRolePolicyDocument),
    identityPolicies,
    managedPolicyArns: listOf(stack.resolve(resource.managedPolicyArns)),
    stackAccount: Token.isUnresolved(stack.account) ? undefined : stack.account,
    trustPolicyQuota,
    logicalId: stack.resolve(resource.logicalId),
    circularReference: cycles.circularReference && app.labels(cycles.circularReference),
    trustCycle: cycles.trustCycle && app.labels(cycles.trustCycle),
    trustCycleMembers: cycles.trustCycleMembers && app.labels(cycles.trustCycleMembers),
  };
}
