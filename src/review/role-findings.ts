/**
 * The findings of `RoleChecks` on a role read from a template: the same checks, over the same
 * resolved JSON they see at synthesis, so a review of any assembly (even one built without
 * `RoleChecks`) reports what `cdk synth` with `RoleChecks` would. Acknowledgements are read
 * from the construct metadata `RoleChecks.acknowledge` writes.
 */
import { StackTemplate } from './cloud-assembly';
import { ROLE_CHECKS } from '../validation/checks';
import { LIMITS } from '../validation/limits';
import { FINDING_PREFIX } from '../private/finding-ids';
import { listOf } from '../validation/statements';

/** One finding on a role. */
export interface ReviewFinding {
  /** The full id, e.g. `cdk-assumable-roles:TrustAnyPrincipal`. */
  readonly id: string;
  /** `error`, `warning` or `info`. */
  readonly level: string;
  /** What was found. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** The reason given when the finding was acknowledged, if it was. */
  readonly acknowledged?: string;
}

/** What the checks need of one role of a template. */
export interface TemplateRole {
  readonly stack: StackTemplate;
  readonly logicalId: string;
  readonly resource: any;
  /** Policy resources of the app attached to the role, documents as in the template. */
  readonly attached: { name: string; document: any }[];
  readonly quota?: number;
  /** The role's label: where acknowledgements apply. */
  readonly label: string;
  /** Cycle facts from the trust graph, as labels. */
  readonly cycles: { trustCycle?: string[]; trustCycleMembers?: string[]; circularReference?: string[] };
}

/** Runs every check on the role. */
export function roleFindings(role: TemplateRole): ReviewFinding[] {
  const props = role.resource.Properties ?? {};
  const facts = {
    trustPolicy: props.AssumeRolePolicyDocument,
    identityPolicies: [
      ...listOf(props.Policies).map((p: any) => ({ name: String(p?.PolicyName), document: p?.PolicyDocument })),
      ...role.attached,
    ],
    managedPolicyArns: listOf(props.ManagedPolicyArns),
    stackAccount: role.stack.account,
    trustPolicyQuota: role.quota ?? LIMITS.trustPolicyDefaultQuota,
    logicalId: role.logicalId,
    ...role.cycles,
  };
  const paths = [role.label, role.stack.constructPaths.get(role.logicalId)].filter((p): p is string => p !== undefined);
  const findings: ReviewFinding[] = [];
  for (const check of ROLE_CHECKS) {
    const id = `${FINDING_PREFIX}${check.id}`;
    for (const message of check.check(facts)) {
      const ack = role.stack.acknowledgements.find((a) => a.id === id && paths.some((p) => p === a.path || p.startsWith(`${a.path}/`)));
      findings.push({ id, level: check.level, message, fix: check.fix, acknowledged: ack?.reason });
    }
  }
  return findings;
}
