/**
 * Bad input to Trust.account/role/user/principals (src/trust/principal-trust.ts): principals and
 * the conditions on them. Each row is built in a fresh stack and must give exactly the outcome a
 * user sees; the tables and their runners are in test/support/bad-input.ts.
 */
import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Trust } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, EXTERNAL_ID_RULE, OTHER, REF_P, trusting } from '../support/bad-input';
import { stringParameter } from '../support/stacks';

const ERROR_ROWS: ErrorRow[] = [
  // ---- Trust: accounts, roles, users, principals ----
  {
    name: 'Trust.account with a 5-digit account ID',
    build: (s) => trusting(s, Trust.account('12345')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::12345:root)": account ID "12345" must be 12 digits (or {account} for the stack\'s own account)',
  },
  {
    name: 'Trust.accounts with no account',
    build: (s) => trusting(s, Trust.accounts([])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.accounts()": Trust.accounts needs at least one principal',
  },
  {
    name: 'Trust.role given a user ARN',
    build: (s) => trusting(s, Trust.role(`arn:aws:iam::${OTHER}:user/bob`)),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.roles(arn:aws:iam::${OTHER}:user/bob)": "arn:aws:iam::${OTHER}:user/bob" is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)`,
  },
  {
    name: 'Trust.role given a role name instead of an ARN',
    build: (s) => trusting(s, Trust.role('deployer')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.roles(deployer)": "deployer" is not an ARN (it must start with "arn:")',
  },
  {
    name: 'Trust.user given a role ARN',
    build: (s) => trusting(s, Trust.user(`arn:aws:iam::${OTHER}:role/bob`)),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.user(arn:aws:iam::${OTHER}:role/bob)": "arn:aws:iam::${OTHER}:role/bob" is not an IAM user ARN (arn:<partition>:iam::<account>:user/<name>)`,
  },
  {
    name: 'Trust.principals with an unknown partition',
    build: (s) => trusting(s, Trust.principals([`arn:aws-xx:iam::${OTHER}:root`])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.principals(arn:aws-xx:iam::${OTHER}:root)": "arn:aws-xx:iam::${OTHER}:root" is not an IAM account root, role or user ARN`,
  },
  {
    name: 'Trust.principals with a group ARN (groups cannot be principals)',
    build: (s) => trusting(s, Trust.principals([`arn:aws:iam::${OTHER}:group/admins`])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.principals(arn:aws:iam::${OTHER}:group/admins)": "arn:aws:iam::${OTHER}:group/admins" is not an IAM account root, role or user ARN`,
  },

  // ---- Trust: conditions on principals ----
  {
    name: 'withExternalId of one character',
    build: (s) => trusting(s, Trust.account(OTHER).withExternalId('x')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::${OTHER}:root)": ExternalId "x" ${EXTERNAL_ID_RULE}`,
  },
  {
    name: 'withExternalId with a space',
    build: (s) => trusting(s, Trust.account(OTHER).withExternalId('partner id')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::${OTHER}:root)": ExternalId "partner id" ${EXTERNAL_ID_RULE}`,
  },
  {
    name: 'withExternalIds with an empty list',
    build: (s) => trusting(s, Trust.account(OTHER).withExternalIds([])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::${OTHER}:root)": withExternalIds needs at least one ExternalId`,
  },
  {
    name: 'withinOrganization with an upper-case organization ID',
    build: (s) => trusting(s, Trust.account(OTHER).withinOrganization('o-ABC')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::${OTHER}:root)": organization ID "o-ABC" must match ^o-[a-z0-9]{10,32}$`,
  },
  {
    name: 'withPrincipalArn with a pattern that is not an ARN',
    build: (s) => trusting(s, Trust.account(OTHER).withPrincipalArn('role/admin-*')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::${OTHER}:root)": principal ARN pattern: "role/admin-*" is not an ARN (it must start with "arn:")`,
  },
  {
    // ArnLike compares the six parts of an ARN one by one: a pattern of fewer parts matches no caller.
    name: 'withPrincipalArn with a pattern of fewer than six ARN parts',
    build: (s) => trusting(s, Trust.account(OTHER).withPrincipalArn(`arn:aws:iam::${OTHER}`)),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::${OTHER}:root)": principal ARN pattern: "arn:aws:iam::${OTHER}" is not an ARN or ARN template (arn:<partition>:<service>:<region>:<account>:<resource>)`,
  },
  {
    name: 'withCondition with an operator containing a space',
    build: (s) => trusting(s, Trust.account(OTHER).withExternalId('partner-1').withCondition('String Equals', 'aws:PrincipalTag/team', ['ops'])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::${OTHER}:root)": condition operator "String Equals" is not an IAM condition operator (e.g. StringEquals, ForAnyValue:StringLike)`,
  },
  {
    name: 'withCondition with no values',
    build: (s) => trusting(s, Trust.account(OTHER).withExternalId('partner-1').withCondition('StringEquals', 'aws:PrincipalTag/team', [])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::${OTHER}:root)": condition StringEquals aws:PrincipalTag/team needs at least one value`,
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'account and ExternalId that are tokens',
    build: (s) => trusting(s, Trust.account(stringParameter(s)).withExternalId(stringParameter(s, 'E'))),
    inTemplate: '"sts:ExternalId":{"Ref":"E"}',
  },
  { name: 'the stack\'s own account as a pseudo parameter', build: (s) => trusting(s, Trust.account(Aws.ACCOUNT_ID)), inTemplate: '{"Ref":"AWS::AccountId"}' },
  {
    name: 'a role ARN known only at deploy time (GetAtt of another role)',
    build: (s) => trusting(s, Trust.role(new iam.Role(s, 'Other', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }).roleArn)),
    inTemplate: '"AWS":{"Fn::GetAtt":["Other34654A52","Arn"]}',
  },
  { name: 'organization ID that is a token', build: (s) => trusting(s, Trust.account(OTHER).withinOrganization(stringParameter(s))), inTemplate: `"aws:PrincipalOrgID":${REF_P}` },
];

describeErrorRows('Trust.account/role/user/principals: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('Trust.account/role/user/principals: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);
