/**
 * Bad input to Trust.fromPolicyJson (src/trust/policy-json-trust.ts): JSON syntax, the trust
 * grammar and ARN template placeholders. Each row is built in a fresh stack and must give
 * exactly the outcome a user sees; the tables and their runners are in test/support/bad-input.ts.
 */
import { Trust } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, policy, REF_P, trusting } from '../support/bad-input';
import { stringParameter } from '../support/stacks';

const INVALID = 'Stack/Role: invalid trust[0] "Trust.fromPolicyJson(...)"';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'JSON text with a trailing comma',
    build: (s) => trusting(s, Trust.fromPolicyJson('{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", }\n  ]\n}')),
    at: 'construction',
    error: `${INVALID}: policy JSON does not parse at line 4, column 26: expected a double-quoted property name (comments and trailing commas are not JSON)`,
  },
  {
    name: 'a trust statement with a Resource',
    build: (s) => trusting(s, Trust.fromPolicyJson(policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }))),
    at: 'construction',
    error: `${INVALID}: policy JSON is not a valid IAM trust policy: $.Statement[0]: field "Resource" is not allowed here: `
      + 'a trust policy has no Resource (the resource is the role itself); Resource belongs in an identity policy',
  },
  {
    name: 'a statement without an action',
    build: (s) => trusting(s, Trust.fromPolicyJson({ Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' } }] })),
    at: 'construction',
    error: `${INVALID}: policy JSON is not a valid IAM trust policy: $.Statement[0]: missing "Action" (or "NotAction"): every trust policy statement names an action`,
  },
  {
    name: 'a misspelt placeholder',
    build: (s) => trusting(s, Trust.fromPolicyJson(policy({ Effect: 'Allow', Principal: { AWS: 'arn:{partiton}:iam::111122223333:root' }, Action: 'sts:AssumeRole' }))),
    at: 'construction',
    error: `${INVALID}: invalid ARN template "arn:{partiton}:iam::111122223333:root": unknown placeholder {partiton}; `
      + 'the placeholders are {partition}, {account}, {region}, {urlSuffix} (IAM policy variables are written ${...})',
  },
  {
    name: 'the whole document as a deploy-time value',
    build: (s) => trusting(s, Trust.fromPolicyJson(stringParameter(s))),
    at: 'construction',
    error: `${INVALID}: the trust policy must be known when the app is synthesized, not a deploy-time value: give its JSON text or object (tokens may appear inside its strings)`,
  },
  {
    name: 'a policy variable in a document without Version (IAM reads it as 2008-10-17, where ${...} is literal)',
    build: (s) => trusting(s, Trust.fromPolicyJson({ Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:RoleSessionName': '${aws:username}' } } }] })),
    at: 'construction',
    error: `${INVALID}: the document's Version is absent (IAM reads 2008-10-17), under which \${...} is literal text, but the role's trust policy is written with Version 2012-10-17, `
      + 'where it is a policy variable: set "Version": "2012-10-17" if the variables are meant, or write the text without ${...}',
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'a principal that is a token (kept verbatim)',
    build: (s) => trusting(s, Trust.fromPolicyJson(policy({ Effect: 'Allow', Principal: { AWS: stringParameter(s) }, Action: 'sts:AssumeRole' }))),
    inTemplate: `"AWS":${REF_P}`,
  },
  {
    name: 'a document without Version and without policy variables (the same under either version)',
    build: (s) => trusting(s, Trust.fromPolicyJson({ Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] })),
    inTemplate: '"Service":"lambda.amazonaws.com"',
  },
];

describeErrorRows('Trust.fromPolicyJson: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('Trust.fromPolicyJson: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);
