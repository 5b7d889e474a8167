/**
 * Bad input to ServiceRole (src/roles/service-role.ts): its services, source ARNs and instance
 * profile. Each row is built in a fresh stack and must give exactly the outcome a user sees; the
 * tables and their runners are in test/support/bad-input.ts.
 */
import { ServiceRole } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, OTHER, REF_P } from '../support/bad-input';
import { stringParameter } from '../support/stacks';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'ServiceRole with no services',
    build: (s) => new ServiceRole(s, 'Role', { services: [] }),
    at: 'construction',
    error: 'Stack/Role: invalid services "Trust.service()": a service trust needs at least one service name',
  },
  {
    name: 'ServiceRole service name with a space',
    build: (s) => new ServiceRole(s, 'Role', { services: ['lambda service'] }),
    at: 'construction',
    error: 'Stack/Role: invalid services "Trust.service(lambda service.amazonaws.com)": service "lambda service" is not a service name; write it as "lambda" or "lambda.amazonaws.com"',
  },
  {
    name: 'ServiceRole sourceArns entry that is not an ARN',
    build: (s) => new ServiceRole(s, 'Role', { services: ['events'], sourceArns: [`arn:aws:events:eu-west-1:${OTHER}:rule/ok`, 'rule/nightly'] }),
    at: 'construction',
    error: 'Stack/Role: invalid sourceArns "rule/nightly": source ARN: "rule/nightly" is not an ARN (it must start with "arn:")',
  },
  {
    name: 'ServiceRole sourceArns entry of fewer than six ARN parts',
    build: (s) => new ServiceRole(s, 'Role', { services: ['events'], sourceArns: ['arn:aws:events'] }),
    at: 'construction',
    error: 'Stack/Role: invalid sourceArns "arn:aws:events": source ARN: "arn:aws:events" is not an ARN or ARN template (arn:<partition>:<service>:<region>:<account>:<resource>)',
  },
  {
    name: 'ServiceRole instance profile without ec2 in services',
    build: (s) => new ServiceRole(s, 'Role', { services: ['lambda'], instanceProfile: true }),
    at: 'construction',
    error: 'Stack/Role: invalid instanceProfile true: an instance profile is for EC2: add "ec2" to services, or remove instanceProfile',
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'ServiceRole source ARN that is a token',
    build: (s) => new ServiceRole(s, 'Role', { services: ['events'], sourceArns: [stringParameter(s)] }),
    inTemplate: `"aws:SourceArn":${REF_P}`,
  },
];

describeErrorRows('ServiceRole: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('ServiceRole: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);
