/**
 * Bad input to PermissionsBoundary (src/roles/permissions-boundary.ts): boundaries given by ARN or
 * name. Each row is built in a fresh stack and must give exactly the outcome a user sees; the
 * tables and their runners are in test/support/bad-input.ts.
 */
import { PermissionsBoundary } from '../../src';
import { describeErrorRows, ErrorRow, OTHER, POLICY_ARN_RULE, role } from '../support/bad-input';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'permissions boundary that is a role ARN',
    build: (s) => role(s, { permissionsBoundary: PermissionsBoundary.fromArn(`arn:aws:iam::${OTHER}:role/boundary`) }),
    at: 'construction',
    error: `Stack/Role: invalid permissionsBoundary "arn:aws:iam::${OTHER}:role/boundary": "arn:aws:iam::${OTHER}:role/boundary" is not an ${POLICY_ARN_RULE}`,
  },
  {
    name: 'permissions boundary name with a space (PermissionsBoundary.fromName)',
    build: (s) => role(s, { permissionsBoundary: PermissionsBoundary.fromName('team boundary') }),
    at: 'construction',
    error: 'Stack/Role: invalid permissionsBoundary "arn:{partition}:iam::{account}:policy/team boundary": '
      + `"arn:{partition}:iam::{account}:policy/team boundary" is not an ${POLICY_ARN_RULE}`,
  },
  {
    name: 'permissions boundary given as a bare name to fromArn',
    build: (s) => role(s, { permissionsBoundary: PermissionsBoundary.fromArn('team-boundary') }),
    at: 'construction',
    error: 'Stack/Role: invalid permissionsBoundary "team-boundary": "team-boundary" is not an ARN (it must start with "arn:")',
  },
];

describeErrorRows('PermissionsBoundary: bad inputs throw the exact error', ERROR_ROWS);
