import { FindingLevel, RoleCheck } from '../role-check';
import { allowStatements } from '../statements';

/** `Effect: Allow` with `NotPrincipal`: allows everyone except the named principals. */
export const allowWithNotPrincipal: RoleCheck = {
  id: 'AllowWithNotPrincipal',
  level: FindingLevel.ERROR,
  trigger: 'A trust statement combines "Effect": "Allow" with "NotPrincipal", which allows every principal except the ones named.',
  fix: 'Use "Principal" with the principals that should assume the role.',
  check(role) {
    return allowStatements(role.trustPolicy)
      .filter(({ statement }) => statement.NotPrincipal !== undefined)
      .map(({ index }) => `trust statement ${index} allows with NotPrincipal`);
  },
};
