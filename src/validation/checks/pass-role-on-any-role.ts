import { FindingLevel, RoleCheck } from '../role-check';
import { allowsOnAnyResource, listOf, literalText, statementsOf } from '../statements';

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
        if (allowsOnAnyResource(s) && actions.some((a) => a === 'iam:passrole' || a === 'iam:*' || a === 'iam:pass*')) {
          problems.push(`policy ${policy.name} statement ${i} allows iam:PassRole on "*"`);
        }
      });
    }
    return problems;
  },
};
