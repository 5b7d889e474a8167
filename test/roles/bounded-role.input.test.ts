/**
 * Bad input to BoundedRole (src/roles/bounded-role.ts): its permissions boundary. Each row is
 * built in a fresh stack and must give exactly the outcome a user sees; the tables and their
 * runners are in test/support/bad-input.ts.
 */
import { BoundedRole, BoundedRoleProps, PermissionsBoundary } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, LAMBDA, REF_P, UNKNOWN_PLACEHOLDER } from '../support/bad-input';
import { stringParameter } from '../support/stacks';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'BoundedRole without a permissions boundary (JavaScript caller)',
    build: (s) => new BoundedRole(s, 'Role', { trust: [LAMBDA] } as unknown as BoundedRoleProps),
    at: 'construction',
    error: 'Stack/Role: invalid permissionsBoundary undefined: BoundedRole requires a permissions boundary, e.g. PermissionsBoundary.fromName("team-boundary")',
  },
  {
    name: 'BoundedRole boundary with an unknown placeholder {team}',
    build: (s) => new BoundedRole(s, 'Role', { trust: [LAMBDA], permissionsBoundary: PermissionsBoundary.fromArn('arn:{partition}:iam::{account}:policy/{team}-boundary') }),
    at: 'construction',
    error: `Stack/Role: invalid permissionsBoundary "arn:{partition}:iam::{account}:policy/{team}-boundary": ${UNKNOWN_PLACEHOLDER('team')}`,
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'BoundedRole boundary ARN that is a token',
    build: (s) => new BoundedRole(s, 'Role', { trust: [LAMBDA], permissionsBoundary: PermissionsBoundary.fromArn(stringParameter(s)) }),
    inTemplate: `"PermissionsBoundary":${REF_P}`,
  },
];

describeErrorRows('BoundedRole: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('BoundedRole: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);
