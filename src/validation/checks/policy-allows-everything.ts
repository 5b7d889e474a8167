import { FindingLevel, RoleCheck } from '../role-check';
import { allowsOnAnyResource, listOf, literalText, statementsOf } from '../statements';

/** AWS managed policies that allow every action on every resource. */
const FULL_ACCESS_MANAGED = [':iam::aws:policy/AdministratorAccess'];

/** A statement that allows `*` on `*`, or an AdministratorAccess attachment. */
export const policyAllowsEverything: RoleCheck = {
  id: 'PolicyAllowsEverything',
  level: FindingLevel.WARNING,
  trigger: 'A policy of the role allows "*" actions on "*" resources without conditions (or AdministratorAccess is attached): the role can do anything in the account.',
  fix: 'Grant the actions and resources the role needs; keep full access only for break-glass roles and acknowledge the warning there.',
  check(role) {
    const problems: string[] = [];
    for (const policy of role.identityPolicies) {
      statementsOf(policy.document).forEach((s, i) => {
        if (allowsOnAnyResource(s) && listOf(s.Action).some((a) => a === '*' || a === '*:*')) {
          problems.push(`policy ${policy.name} statement ${i} allows "*" on "*"`);
        }
      });
    }
    for (const arn of role.managedPolicyArns) {
      const text = literalText(arn);
      if (FULL_ACCESS_MANAGED.some((suffix) => text.endsWith(suffix))) {
        problems.push(`managed policy ${text} allows "*" on "*"`);
      }
    }
    return problems;
  },
};
