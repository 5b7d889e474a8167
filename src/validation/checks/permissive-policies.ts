import { FindingLevel, listOf, literalText, RoleCheck, statementsOf } from './model';

/** AWS managed policies that allow every action on every resource. */
const FULL_ACCESS_MANAGED = [':iam::aws:policy/AdministratorAccess'];

function allows(statement: any): boolean {
  return statement.Effect === 'Allow' && statement.NotAction === undefined;
}

function allResources(statement: any): boolean {
  return listOf(statement.Resource).includes('*') && statement.Condition === undefined;
}

/** A statement that allows `*` on `*`, or an AdministratorAccess attachment. */
export const policyAllowsAll: RoleCheck = {
  id: 'PolicyAllowsEverything',
  level: FindingLevel.WARNING,
  trigger: 'A policy of the role allows "*" actions on "*" resources without conditions (or AdministratorAccess is attached): the role can do anything in the account.',
  fix: 'Grant the actions and resources the role needs; keep full access only for break-glass roles and acknowledge the warning there.',
  check(role) {
    const problems: string[] = [];
    for (const policy of role.identityPolicies) {
      statementsOf(policy.document).forEach((s, i) => {
        if (allows(s) && allResources(s) && listOf(s.Action).some((a) => a === '*' || a === '*:*')) {
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

/** `iam:PassRole` on every role. */
export const passRoleOnAnyRole: RoleCheck = {
  id: 'PassRoleOnAnyRole',
  level: FindingLevel.WARNING,
  trigger: 'A policy of the role allows iam:PassRole (or iam:*, iam:Pass*) on "*": the role can hand any role, including administrator roles, to a service it controls.',
  fix: 'Limit iam:PassRole to the ARNs of the roles it must pass, ideally with an iam:PassedToService condition.',
  check(role) {
    const problems: string[] = [];
    for (const policy of role.identityPolicies) {
      statementsOf(policy.document).forEach((s, i) => {
        const actions = listOf(s.Action).map((a) => literalText(a).toLowerCase());
        if (allows(s) && allResources(s) && actions.some((a) => a === 'iam:passrole' || a === 'iam:*' || a === 'iam:pass*')) {
          problems.push(`policy ${policy.name} statement ${i} allows iam:PassRole on "*"`);
        }
      });
    }
    return problems;
  },
};
