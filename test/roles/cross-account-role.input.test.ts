/**
 * Bad input to CrossAccountRole (src/roles/cross-account-role.ts): its trusted principals,
 * conditions and crossEnvironmentArn. Each row is built in a fresh stack and must give exactly the
 * outcome a user sees; the tables and their runners are in test/support/bad-input.ts.
 */
import { Duration } from 'aws-cdk-lib';
import { CrossAccountRole } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, EXTERNAL_ID_RULE, LAMBDA, OTHER, REF_P } from '../support/bad-input';
import { newStack, stringParameter } from '../support/stacks';
import { errorOf } from '../validation/validation-support';

const NO_PRINCIPALS_RULE = 'applies to trustedAccounts, trustedRoleArns and trustedUserArns, and none is given; set one of them, or put the condition on a value in `trust`';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'CrossAccountRole account written with dashes',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: ['1111-2222-3333'] }),
    at: 'construction',
    error: 'Stack/Role: invalid trustedAccounts "Trust.accounts(arn:{partition}:iam::1111-2222-3333:root)": account ID "1111-2222-3333" must be 12 digits (or {account} for the stack\'s own account)',
  },
  {
    name: 'CrossAccountRole trustedRoleArns entry that is an account root',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedRoleArns: [`arn:aws:iam::${OTHER}:root`] }),
    at: 'construction',
    error: `Stack/Role: invalid trustedRoleArns "Trust.roles(arn:aws:iam::${OTHER}:root)": "arn:aws:iam::${OTHER}:root" is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)`,
  },
  {
    name: 'CrossAccountRole trustedUserArns entry that is a user name',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedUserArns: ['alice'] }),
    at: 'construction',
    error: 'Stack/Role: invalid trustedUserArns "Trust.user(alice)": "alice" is not an ARN (it must start with "arn:")',
  },
  {
    name: 'CrossAccountRole externalIds without any trusted principal',
    build: (s) => new CrossAccountRole(s, 'Role', { externalIds: ['partner-1'], trust: [LAMBDA] }),
    at: 'construction',
    error: `Stack/Role: invalid externalIds ["partner-1"]: ${NO_PRINCIPALS_RULE}`,
  },
  {
    name: 'CrossAccountRole requireMfa without any trusted principal',
    build: (s) => new CrossAccountRole(s, 'Role', { requireMfa: true, trust: [LAMBDA] }),
    at: 'construction',
    error: `Stack/Role: invalid requireMfa true: ${NO_PRINCIPALS_RULE}`,
  },
  {
    name: 'CrossAccountRole empty ExternalId',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: [OTHER], externalIds: ['partner-1', ''] }),
    at: 'construction',
    error: `Stack/Role: invalid externalIds ["partner-1",""]: ExternalId "" ${EXTERNAL_ID_RULE}`,
  },
  {
    name: 'CrossAccountRole organizationId too short',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: [OTHER], organizationId: 'o-1' }),
    at: 'construction',
    error: 'Stack/Role: invalid organizationId "o-1": organization ID "o-1" must match ^o-[a-z0-9]{10,32}$',
  },
  {
    name: 'CrossAccountRole principalArnPatterns entry that is a bare name pattern',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: [OTHER], principalArnPatterns: ['admin-*'] }),
    at: 'construction',
    error: 'Stack/Role: invalid principalArnPatterns "admin-*": principal ARN pattern: "admin-*" is not an ARN (it must start with "arn:")',
  },
  {
    name: 'CrossAccountRole.crossEnvironmentArn without a roleName',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: [OTHER], externalIds: ['partner-1'] }).crossEnvironmentArn,
    at: 'construction',
    error: 'Stack/Role: invalid roleName undefined: set roleName so that callers in another account or region can name the role',
  },
  {
    name: 'CrossAccountRole.crossEnvironmentArn in a stack without env.account',
    build: (s) => new CrossAccountRole(s, 'Role', { roleName: 'partner-access', trustedAccounts: [OTHER], externalIds: ['partner-1'] }).crossEnvironmentArn,
    at: 'construction',
    // The value shown is the stack's account token, e.g. "${Token[AWS.AccountId.6]}".
    error: (s) => `Stack/Role: invalid env.account ${JSON.stringify(s.account)}: give the role's stack an explicit env.account so that callers in another account can name the role`,
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'CrossAccountRole principal ARN pattern and ExternalId that are tokens',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: [OTHER], principalArnPatterns: [stringParameter(s)], externalIds: [stringParameter(s, 'E')] }),
    inTemplate: `"aws:PrincipalArn":${REF_P}`,
  },
];

describeErrorRows('CrossAccountRole: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('CrossAccountRole: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);

/**
 * Problems found while writing the bad-input table, now fixed: each test states the behaviour the
 * library promises (bad input names the construct path, the field, the value and the rule;
 * deploy-time values are skipped, never a crash). The comments say what happened before.
 */
describe('CrossAccountRole: regressions found by the bad-input table', () => {
  test('a CrossAccountRole mfaMaxAge of a fractional number of seconds names the path and the field', () => {
    // Before: "'1500 millis' cannot be converted into a whole number of seconds." from Duration.toSeconds().
    expect(errorOf(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: [OTHER], mfaMaxAge: Duration.millis(1500) })))
      .toBe('Stack/Role: invalid mfaMaxAge "1 second 500 millis": MFA max age 1 second 500 millis must be a whole number of seconds, at least 1 (aws:MultiFactorAuthAge is counted in seconds)');
  });

  test('CrossAccountRole with an empty organizationId fails instead of dropping the condition', () => {
    // Before: accepted, and the trust policy has no aws:PrincipalOrgID condition at all.
    expect(errorOf(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: [OTHER], organizationId: '' })))
      .toBe('Stack/Role: invalid organizationId "": organization ID "" must match ^o-[a-z0-9]{10,32}$');
  });
});
