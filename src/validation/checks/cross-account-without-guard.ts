import { ACCOUNT_ID, matches } from '../../private/rules';
import { FindingLevel, RoleCheck } from '../role-check';
import { allowStatements, literalText } from '../statements';

const GUARDS = ['sts:externalid', 'aws:principalarn', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:multifactorauthpresent', 'aws:multifactorauthage'];

/** The account an AWS principal belongs to, `{account}` for the stack's own, or undefined. */
export function principalAccount(value: any): string | undefined {
  const text = literalText(value);
  if (matches(ACCOUNT_ID, text)) return text;
  const m = /^arn:[^:]*:(iam|sts)::([^:]+):/.exec(text);
  return m ? m[2] : undefined;
}

/**
 * Whether an AWS principal is a whole account: a bare account ID or `arn:<partition>:iam::<id>:root`.
 * Trusting the account delegates the decision to that account's administrators: every principal
 * they allow `sts:AssumeRole` can assume the role. A role, user or role session ARN names one
 * principal, which is the way AWS recommends to grant cross-account access.
 */
function isAccountRoot(value: any): boolean {
  const text = literalText(value);
  return matches(ACCOUNT_ID, text) || /^arn:[^:]*:iam::[^:]+:root$/.test(text);
}

/** Another account's root trusted with no ExternalId, principal ARN, organization or MFA condition. */
export const crossAccountWithoutGuard: RoleCheck = {
  id: 'CrossAccountWithoutGuard',
  level: FindingLevel.WARNING,
  trigger: 'A trust statement trusts another account as a whole (its root, "arn:aws:iam::<id>:root", or a bare account ID) without any of sts:ExternalId, aws:PrincipalArn, aws:PrincipalOrgID or MFA conditions: every principal that account allows sts:AssumeRole can assume the role. Naming one role or user of the other account is not reported.',
  fix: 'Trust the one role that needs access (Trust.role("arn:{partition}:iam::<id>:role/<name>")), or add .withExternalId(...) for a third party, .withPrincipalArn(...) to name the roles allowed, .withinOrganization(...) or .requireMfa().',
  check(role) {
    const problems: string[] = [];
    for (const { index: i, principals, conditionKeys: keys } of allowStatements(role.trustPolicy)) {
      if (keys === undefined || keys.some((k) => GUARDS.includes(k))) continue;
      for (const value of principals.AWS ?? []) {
        const account = principalAccount(value);
        if (isAccountRoot(value) && account && account !== '{account}' && account !== role.stackAccount) {
          problems.push(`trust statement ${i} trusts the whole account ${account} (${literalText(value)}) without ExternalId, principal ARN, organization or MFA condition`);
        }
      }
    }
    return problems;
  },
};
