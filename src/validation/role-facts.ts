import { Token } from 'aws-cdk-lib';
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
  // The resource's own stack (CfnElement.stack is Stack.of it, kept when it was made).
  const stack = resource.stack;
  const role = app.roles.get(resource)!;
  const identityPolicies: { name: string; document: any }[] = [];
  const policies = resolvedProperty(resource, 'policies');
  if (policies !== undefined) {
    for (const p of listOf(policies)) {
      identityPolicies.push({ name: String(p.policyName ?? p.PolicyName), document: p.policyDocument ?? p.PolicyDocument });
    }
  }
  for (const policy of role.attachedPolicies) {
    identityPolicies.push({ name: policy.node.path, document: resolvedProperty(policy, 'policyDocument') });
  }
  const cycles = app.cycleFacts(resource);
  const managedPolicyArns = resolvedProperty(resource, 'managedPolicyArns');
  return new GatheredFacts(
    resource,
    resolvedProperty(resource, 'assumeRolePolicyDocument'),
    identityPolicies,
    managedPolicyArns === undefined ? NONE : listOf(managedPolicyArns),
    Token.isUnresolved(stack.account) ? undefined : stack.account,
    trustPolicyQuota,
    cycles.circularReference && app.labels(cycles.circularReference),
    cycles.trustCycle && app.labels(cycles.trustCycle),
    cycles.trustCycleMembers && app.labels(cycles.trustCycleMembers),
  );
}

/** No managed policy ARNs (shared: the checks only read it). */
const NONE: any[] = [];

/**
 * The facts of one role: a class, so the logical ID (which no built-in check reads) is resolved
 * by a method of the prototype when asked, with no closure made per role and synthesis.
 */
class GatheredFacts implements RoleFacts {
  constructor(
    private readonly resource: CfnRole,
    public readonly trustPolicy: any,
    public readonly identityPolicies: { name: string; document: any }[],
    public readonly managedPolicyArns: any[],
    public readonly stackAccount: string | undefined,
    public readonly trustPolicyQuota: number,
    public readonly circularReference: string[] | undefined,
    public readonly trustCycle: string[] | undefined,
    public readonly trustCycleMembers: string[] | undefined,
  ) {}

  public get logicalId(): string {
    return this.resource.stack.resolve(this.resource.logicalId);
  }
}
