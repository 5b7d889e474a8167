import { conditionKeys, FindingLevel, principalsOf, RoleCheck, statementsOf } from './model';

/** `Principal: "*"` or `{"AWS": "*"}` allowed without a condition that narrows who it is. */
export const trustAnyPrincipal: RoleCheck = {
  id: 'TrustAnyPrincipal',
  level: FindingLevel.ERROR,
  trigger: 'A trust statement allows Principal "*" (or {"AWS": "*"}) without any condition: anyone in any AWS account could assume the role.',
  fix: 'Trust named accounts or roles instead, or narrow "*" with a condition such as aws:PrincipalOrgID or aws:PrincipalArn.',
  check(role) {
    return statementsOf(role.trustPolicy)
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.Effect === 'Allow' && (principalsOf(s.Principal).AWS ?? []).includes('*') && (conditionKeys(s) ?? ['?']).length === 0)
      .map(({ i }) => `trust statement ${i} allows any AWS principal ("*") with no condition`);
  },
};
