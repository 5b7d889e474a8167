import { FindingLevel, RoleCheck, statementsOf } from './model';

/** `Effect: Allow` with `NotPrincipal`: allows everyone except the named principals. */
export const allowNotPrincipal: RoleCheck = {
  id: 'AllowWithNotPrincipal',
  level: FindingLevel.ERROR,
  trigger: 'A trust statement combines "Effect": "Allow" with "NotPrincipal", which allows every principal except the ones named.',
  fix: 'Use "Principal" with the principals that should assume the role.',
  check(role) {
    return statementsOf(role.trustPolicy)
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.Effect === 'Allow' && s.NotPrincipal !== undefined)
      .map(({ i }) => `trust statement ${i} allows with NotPrincipal`);
  },
};
