import { Annotations, IAspect, Stack, Token } from 'aws-cdk-lib';
import { CfnManagedPolicy, CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { ROLE_CHECKS } from './checks';
import { FindingLevel, listOf, principalsOf, RoleCheck, RoleFacts, statementsOf } from './checks/model';
import { LIMITS } from './limits';
import { roleSettings } from './role-registry';

/** Prefix of every finding id, so ids never clash with other tools' ids. */
export const FINDING_PREFIX = 'cdk-assumable-roles:';
const ACK_METADATA = 'cdk-assumable-roles:acknowledge';

/** A check as documented: its id, level, trigger and fix. */
export interface CheckDescription {
  /** The stable id, e.g. `cdk-assumable-roles:TrustAnyPrincipal`. */
  readonly id: string;
  /** `error`, `warning` or `info`. */
  readonly level: string;
  /** What triggers the finding. */
  readonly trigger: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Props of `RoleChecks`. */
export interface RoleChecksProps {
  /**
   * The trust policy size quota of the account, for roles not made by this library.
   *
   * @default 2048
   */
  readonly trustPolicySizeQuota?: number;
}

const TRUST_CYCLE: CheckDescription = {
  id: `${FINDING_PREFIX}TrustCycle`,
  level: FindingLevel.WARNING,
  trigger: 'Roles of the same stack trust each other in a cycle (A trusts B, B trusts A): a session of either can become the other indefinitely, which hides who started the chain.',
  fix: 'Break the cycle: let one side trust a dedicated caller role, or use sts:SetSourceIdentity to keep the original identity.',
};

const checked = new WeakSet<CfnRole>();

/**
 * Checks every IAM role in a scope for risky trust and permissions, and reports findings as
 * CDK annotations with stable ids: errors fail `cdk synth`, warnings and infos are shown.
 *
 * The library's constructs are checked automatically. Apply it to an app or stack to check
 * plain `iam.Role`s too:
 *
 * @example
 * Aspects.of(app).add(new RoleChecks());
 */
export class RoleChecks implements IAspect {
  /**
   * Acknowledges a finding for a scope and everything below it, with the reason.
   *
   * @param scope the construct whose findings to acknowledge (e.g. the role)
   * @param id the finding id, with or without the `cdk-assumable-roles:` prefix
   * @param reason why the risk is accepted; kept in the construct metadata
   */
  public static acknowledge(scope: IConstruct, id: string, reason: string): void {
    const fullId = id.startsWith(FINDING_PREFIX) ? id : `${FINDING_PREFIX}${id}`;
    scope.node.addMetadata(ACK_METADATA, { id: fullId, reason });
    Annotations.of(scope).acknowledgeWarning(fullId, reason);
  }

  /**
   * The checks with their ids, levels, triggers and fixes.
   */
  public static describeChecks(): CheckDescription[] {
    return [
      ...ROLE_CHECKS.map((c) => ({ id: `${FINDING_PREFIX}${c.id}`, level: c.level, trigger: c.trigger, fix: c.fix })),
      TRUST_CYCLE,
    ];
  }

  private readonly quota: number;

  /**
   * @param props options
   */
  constructor(props: RoleChecksProps = {}) {
    this.quota = props.trustPolicySizeQuota ?? LIMITS.trustPolicyDefaultQuota;
  }

  /**
   * Checks `node` when it is an `AWS::IAM::Role`.
   *
   * @param node the construct visited
   */
  public visit(node: IConstruct): void {
    if (!(node instanceof CfnRole) || checked.has(node)) {
      return;
    }
    checked.add(node);
    const settings = roleSettings(node);
    const target = settings?.owner ?? node.node.scope ?? node;
    const facts = gatherFacts(node, settings?.trustPolicyQuota ?? this.quota);
    for (const check of ROLE_CHECKS) {
      for (const message of check.check(facts)) {
        report(target, check, message);
      }
    }
    const cycle = trustCycle(node);
    if (cycle) {
      report(target, { ...TRUST_CYCLE, id: 'TrustCycle', level: FindingLevel.WARNING, check: () => [] }, `roles trust each other in a cycle: ${cycle.join(' -> ')}`);
    }
  }
}

function acknowledged(scope: IConstruct, id: string): boolean {
  return scope.node.scopes.some((s) => s.node.metadata.some((m) => m.type === ACK_METADATA && (m.data as any)?.id === id));
}

function report(target: IConstruct, check: RoleCheck, message: string): void {
  const id = `${FINDING_PREFIX}${check.id}`;
  if (acknowledged(target, id)) {
    return;
  }
  const text = `[${id}] ${message}. ${check.fix}`;
  switch (check.level) {
    case FindingLevel.ERROR:
      Annotations.of(target).addError(text);
      break;
    case FindingLevel.WARNING:
      Annotations.of(target).addWarningV2(id, text);
      break;
    default:
      Annotations.of(target).addInfo(text);
  }
}

function refersTo(value: any, logicalId: string): boolean {
  return listOf(value).some((v) => v && typeof v === 'object' && v.Ref === logicalId);
}

/** Everything the checks look at for one role resource, resolved. */
export function gatherFacts(resource: CfnRole, trustPolicyQuota: number): RoleFacts {
  const stack = Stack.of(resource);
  const logicalId = stack.resolve(resource.logicalId);
  const identityPolicies: { name: string; document: any }[] = [];
  for (const p of listOf(stack.resolve(resource.policies))) {
    identityPolicies.push({ name: String(p.policyName ?? p.PolicyName), document: p.policyDocument ?? p.PolicyDocument });
  }
  for (const child of stack.node.findAll()) {
    if (child instanceof CfnPolicy && refersTo(stack.resolve(child.roles), logicalId)) {
      identityPolicies.push({ name: child.node.path, document: stack.resolve(child.policyDocument) });
    } else if (child instanceof CfnManagedPolicy && refersTo(stack.resolve(child.roles), logicalId)) {
      identityPolicies.push({ name: child.node.path, document: stack.resolve(child.policyDocument) });
    }
  }
  return {
    trustPolicy: stack.resolve(resource.assumeRolePolicyDocument),
    identityPolicies,
    managedPolicyArns: listOf(stack.resolve(resource.managedPolicyArns)),
    stackAccount: Token.isUnresolved(stack.account) ? undefined : stack.account,
    trustPolicyQuota,
    logicalId,
  };
}

/** Logical IDs of the roles of the same stack that a role's trust policy names by `Fn::GetAtt`. */
function trustedRoles(resource: CfnRole): string[] {
  const stack = Stack.of(resource);
  const ids: string[] = [];
  for (const s of statementsOf(stack.resolve(resource.assumeRolePolicyDocument))) {
    for (const value of principalsOf(s.Principal).AWS ?? []) {
      const getAtt = value && typeof value === 'object' ? value['Fn::GetAtt'] : undefined;
      if (Array.isArray(getAtt) && getAtt[1] === 'Arn') {
        ids.push(getAtt[0]);
      }
    }
  }
  return ids;
}

/** A cycle of trust through `resource`, as logical IDs, or undefined. */
function trustCycle(resource: CfnRole): string[] | undefined {
  // A cycle through this role starts with one of its own trusted roles: none, no cycle.
  if (trustedRoles(resource).length === 0) {
    return undefined;
  }
  const stack = Stack.of(resource);
  const roles = new Map<string, CfnRole>();
  for (const child of stack.node.findAll()) {
    if (child instanceof CfnRole) {
      roles.set(stack.resolve(child.logicalId), child);
    }
  }
  const start = stack.resolve(resource.logicalId) as string;
  const path: string[] = [start];
  const seen = new Set<string>();
  const walk = (id: string): boolean => {
    const role = roles.get(id);
    if (!role) return false;
    for (const next of trustedRoles(role)) {
      if (next === start) {
        path.push(next);
        return true;
      }
      if (!seen.has(next)) {
        seen.add(next);
        path.push(next);
        if (walk(next)) return true;
        path.pop();
      }
    }
    return false;
  };
  const label = (id: string) => {
    const role = roles.get(id)!;
    return (roleSettings(role)?.owner ?? role.node.scope ?? role).node.path;
  };
  return walk(start) ? path.map(label) : undefined;
}
