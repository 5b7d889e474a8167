import { conditionKeys, FindingLevel, literalText, principalsOf, RoleCheck, statementsOf } from './model';

const GUARDS = ['sts:externalid', 'aws:principalarn', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:multifactorauthpresent', 'aws:multifactorauthage'];

/** The account an AWS principal belongs to, `{account}` for the stack's own, or undefined. */
export function principalAccount(value: any): string | undefined {
  const text = literalText(value);
  if (/^\d{12}$/.test(text)) return text;
  const m = /^arn:[^:]*:(iam|sts)::([^:]+):/.exec(text);
  return m ? m[2] : undefined;
}

/** Another account's principals trusted with no ExternalId, principal ARN, organization or MFA condition. */
export const crossAccountUnguarded: RoleCheck = {
  id: 'CrossAccountWithoutGuard',
  level: FindingLevel.WARNING,
  trigger: 'A trust statement lets principals of another account assume the role without any of sts:ExternalId, aws:PrincipalArn, aws:PrincipalOrgID or MFA conditions: every principal of that account that is allowed sts:AssumeRole there can assume it.',
  fix: 'Add .withExternalId(...) for a third party, .withPrincipalArn(...) to name the roles allowed, .withinOrganization(...) or .requireMfa().',
  check(role) {
    const problems: string[] = [];
    statementsOf(role.trustPolicy).forEach((s, i) => {
      if (s.Effect !== 'Allow') return;
      const keys = conditionKeys(s);
      if (keys === undefined || keys.some((k) => GUARDS.includes(k))) return;
      for (const value of principalsOf(s.Principal).AWS ?? []) {
        const account = principalAccount(value);
        if (account && account !== '{account}' && account !== role.stackAccount && account !== 'aws') {
          problems.push(`trust statement ${i} trusts account ${account} (${literalText(value)}) without ExternalId, principal ARN, organization or MFA condition`);
        }
      }
    });
    return problems;
  },
};
