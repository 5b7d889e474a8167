/**
 * Bad input to Trust.service (src/trust/service-trust.ts): services and their source guards. Each
 * row is built in a fresh stack and must give exactly the outcome a user sees; the tables and
 * their runners are in test/support/bad-input.ts.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { Trust } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, OTHER, REF_P, trusting, UNKNOWN_PLACEHOLDER } from '../support/bad-input';
import { newStack, stringParameter } from '../support/stacks';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'Trust.service with an upper-case name',
    build: (s) => trusting(s, Trust.service('Lambda')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.service(Lambda.amazonaws.com)": service "Lambda" is not a service name; write it as "lambda" or "lambda.amazonaws.com"',
  },
  {
    name: 'Trust.service with a URL',
    build: (s) => trusting(s, Trust.service('https://lambda.amazonaws.com')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.service(https://lambda.amazonaws.com)": service "https://lambda.amazonaws.com" is not a service name; write it as "lambda" or "lambda.amazonaws.com"',
  },
  {
    name: 'Trust.services with no service',
    build: (s) => trusting(s, Trust.services([])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.service()": a service trust needs at least one service name',
  },
  {
    name: 'withSourceAccount with a 4-digit account',
    build: (s) => trusting(s, Trust.service('events').withSourceAccount('1234')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.service(events.amazonaws.com)": source account "1234" is not a 12-digit AWS account ID',
  },
  {
    name: 'withSourceArn with a misspelled placeholder {regoin}',
    build: (s) => trusting(s, Trust.service('events').withSourceArn(`arn:{partition}:events:{regoin}:${OTHER}:rule/x`)),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.service(events.amazonaws.com)": source ARN: ${UNKNOWN_PLACEHOLDER('regoin')}`,
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'source account that is a token',
    build: (s) => trusting(s, Trust.service('events').withSourceAccount(stringParameter(s))),
    inTemplate: `"aws:SourceAccount":${REF_P}`,
  },
];

describeErrorRows('Trust.service: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('Trust.service: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);

/**
 * Problems found while writing the bad-input table, now fixed: each test states the behaviour the
 * library promises (bad input names the construct path, the field, the value and the rule;
 * deploy-time values are skipped, never a crash). The comments say what happened before.
 */
describe('Trust.service: regressions found by the bad-input table', () => {
  test('Trust.service with a token is skipped', () => {
    // Before: "invalid trust[0] ...: service "${Token[TOKEN.n]}" is not a service name".
    const stack = newStack();
    trusting(stack, Trust.service(stringParameter(stack)));
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).toContain(`"Service":${REF_P}`);
  });
});
