/**
 * Bad input to Trust.organization / Trust.organizationalUnits (src/trust/organization-trust.ts):
 * organization and unit IDs and the conditions on their principals. Each row is built in a fresh
 * stack and must give exactly the outcome a user sees; the tables and their runners are in
 * test/support/bad-input.ts.
 */
import { Duration } from 'aws-cdk-lib';
import { Trust } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, REF_P, trusting } from '../support/bad-input';
import { stringParameter } from '../support/stacks';

const ORG = 'o-a1b2c3d4e5';
const ORG_RULE = 'must be an AWS Organizations ID such as "o-a1b2c3d4e5" (o- and 10-32 lowercase letters or digits)';
const OU_RULE = 'must be an organizational unit ID such as "ou-ab12-cd34ef56" (ou-, 4-32 lowercase letters or digits, -, 8-32 lowercase letters or digits)';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'Trust.organization with an upper-case organization ID',
    build: (s) => trusting(s, Trust.organization('o-A1B2C3D4E5')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.organization(o-A1B2C3D4E5)": organization ID "o-A1B2C3D4E5" ${ORG_RULE}`,
  },
  {
    name: 'Trust.organization with an ID too short to be one',
    build: (s) => trusting(s, Trust.organization('o-abc')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.organization(o-abc)": organization ID "o-abc" ${ORG_RULE}`,
  },
  {
    name: 'Trust.organization given an account ID',
    build: (s) => trusting(s, Trust.organization('111122223333')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.organization(111122223333)": organization ID "111122223333" ${ORG_RULE}`,
  },
  {
    name: 'Trust.organizationalUnits with no unit',
    build: (s) => trusting(s, Trust.organizationalUnits(ORG, [])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.organizationalUnits(${ORG})": Trust.organizationalUnits needs at least one organizational unit ID (Trust.organization trusts the whole organization)`,
  },
  {
    name: 'Trust.organizationalUnits with the root',
    build: (s) => trusting(s, Trust.organizationalUnits(ORG, ['r-ab12'])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.organizationalUnits(${ORG}, r-ab12)": "r-ab12" is the organization's root, not an organizational unit: trust the whole organization with Trust.organization("${ORG}")`,
  },
  {
    name: 'Trust.organizationalUnits with a unit written as a path',
    build: (s) => trusting(s, Trust.organizationalUnits(ORG, [`${ORG}/r-ab12/ou-ab12-11111111/`])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.organizationalUnits(${ORG}, ${ORG}/r-ab12/ou-ab12-11111111/)": organizational unit "${ORG}/r-ab12/ou-ab12-11111111/" ${OU_RULE}`,
  },
  {
    name: 'Trust.organizationalUnits with units of two different roots',
    build: (s) => trusting(s, Trust.organizationalUnits(ORG, ['ou-ab12-11111111', 'ou-cd34-22222222'])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.organizationalUnits(${ORG}, ou-ab12-11111111, ou-cd34-22222222)": organizational units "ou-ab12-11111111", "ou-cd34-22222222" `
      + 'are under different roots (ou-<root>-...), but an organization has one root: they cannot all be units of one organization',
  },
  {
    name: 'withPrincipalArn with a role name instead of an ARN',
    build: (s) => trusting(s, Trust.organization(ORG).withPrincipalArn('deployer')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.organization(${ORG})": principal ARN pattern: "deployer" is not an ARN (it must start with "arn:")`,
  },
  {
    name: 'requireMfa with a max age of half a second',
    build: (s) => trusting(s, Trust.organization(ORG).requireMfa(Duration.millis(500))),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.organization(${ORG})": MFA max age 500 millis must be a whole number of seconds, at least 1 (aws:MultiFactorAuthAge is counted in seconds)`,
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  { name: 'organization ID that is a token', build: (s) => trusting(s, Trust.organization(stringParameter(s))), inTemplate: `"aws:PrincipalOrgID":${REF_P}` },
  {
    name: 'organizational unit ID that is a token',
    build: (s) => trusting(s, Trust.organizationalUnits(ORG, [stringParameter(s)])),
    inTemplate: `"aws:PrincipalOrgPaths":{"Fn::Join":["",["${ORG}/*/",${REF_P},"/*"]]}`,
  },
];

describeErrorRows('Trust.organization/organizationalUnits: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('Trust.organization/organizationalUnits: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);
