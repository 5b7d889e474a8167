/**
 * Bad input to AssumableRole (src/roles/assumable-role.ts): its props (identity, session, tags,
 * managed and inline policies, the trust prop and the trust policy) and
 * revokeSessionsIssuedBefore. Each row is built in a fresh stack and must give exactly the outcome
 * a user sees; the tables and their runners are in test/support/bad-input.ts.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, Trust, TrustRelationship } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, OTHER, policy, POLICY_ARN_RULE, POLICY_VERSION, REF_P, role, trusting, UNKNOWN_PLACEHOLDER } from '../support/bad-input';
import { newStack, numberParameter, stringParameter } from '../support/stacks';
import { accountIds, errorOf } from '../validation/validation-support';

const TAG_KEY_RULE = 'must be 1-128 letters, digits, spaces and _.:/=+-@';
const TAG_VALUE_RULE = 'must be 0-256 letters, digits, spaces and _.:/=+-@';
const AWS_MANAGED_RULE = 'must be an AWS managed policy name such as "ReadOnlyAccess" or "service-role/AWSLambdaBasicExecutionRole" (use managedPolicyArns for ARNs)';
const IDENTITY_POLICY = 'policy JSON is not a valid IAM identity policy';
const SYNTH = 'Validation failed with the following errors:\n  [Stack/Role] Stack/Role: ';

/** An AssumableRole `Role` trusting Lambda with one inline policy `P` given as JSON. */
function inline(stack: Stack, document: unknown): AssumableRole {
  return role(stack, { inlinePolicyJson: { P: document } });
}

/** The `invalid inlinePolicyJson.P` message for the policy object `p` and its problem. */
function inlineError(p: object, problem: string): string {
  return `Stack/Role: invalid inlinePolicyJson.P ${JSON.stringify(p)}: ${IDENTITY_POLICY}: ${problem}`;
}

const s3Read = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
const principalPolicy = policy({ ...s3Read, Principal: '*' });
const lowercaseEffect = policy({ ...s3Read, Effect: 'allow' });
const noResource = policy({ Effect: 'Allow', Action: 's3:GetObject' });
const misspelledOperator = policy({ ...s3Read, Condition: { StringEqual: { 'aws:RequestedRegion': 'eu-west-1' } } });
const actionAndNotAction = policy({ ...s3Read, NotAction: 's3:PutObject' });
const actionWithoutService = policy({ ...s3Read, Action: 's3GetObject' });
const emDash = policy({ ...s3Read, Resource: 'arn:aws:s3:::b\u00fcro\u2014x/*' });
const unknownPlaceholder = policy({ ...s3Read, Resource: 'arn:{partition}:s3:::{bucket}/*' });
const futureVersion = { Version: '2012-10-18', Statement: [s3Read] };
const noStatements = { Version: POLICY_VERSION, Statement: [] };
const sidWithDash = policy({ ...s3Read, Sid: 'read-only' });
const trailingComma = '{"Version": "2012-10-17", "Statement": [],}';
const fiftyOneTags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
const elevenAwsManaged = [
  'ReadOnlyAccess', 'SecurityAudit', 'AmazonS3ReadOnlyAccess', 'AmazonEC2ReadOnlyAccess', 'AmazonSQSReadOnlyAccess', 'AmazonSNSReadOnlyAccess',
  'AmazonDynamoDBReadOnlyAccess', 'AWSLambda_ReadOnlyAccess', 'CloudWatchReadOnlyAccess', 'AmazonRDSReadOnlyAccess', 'IAMReadOnlyAccess',
];
/** Three inline policies of 90 resources each: about 13,700 characters together. */
const largeInlinePolicies = Object.fromEntries(Array.from({ length: 3 }, (_p, i) => [`P${i}`, policy({
  Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: 90 }, (_r, j) => `arn:aws:s3:::bucket-${i}-${j}-${'x'.repeat(20)}/*`),
})]));
const longPath = `/${'p'.repeat(511)}/`;
const longDescription = 'd'.repeat(1001);

const ERROR_ROWS: ErrorRow[] = [
  // ---- AssumableRole: identity and session props ----
  {
    name: 'roleName longer than 64 characters',
    build: (s) => role(s, { roleName: 'r'.repeat(65) }),
    at: 'construction',
    error: `Stack/Role: invalid roleName "${'r'.repeat(65)}": must be 1-64 characters (it has 65)`,
  },
  {
    name: 'roleName with a space and "!"',
    build: (s) => role(s, { roleName: 'my role!' }),
    at: 'construction',
    error: 'Stack/Role: invalid roleName "my role!": may contain only letters, digits and +=,.@_- (found " ", "!")',
  },
  {
    name: 'path without the trailing "/"',
    build: (s) => role(s, { path: '/team' }),
    at: 'construction',
    error: 'Stack/Role: invalid path "/team": must be "/" or begin and end with "/", e.g. "/service-roles/"',
  },
  {
    name: 'path with an empty segment "//"',
    build: (s) => role(s, { path: '/a//b/' }),
    at: 'construction',
    error: 'Stack/Role: invalid path "/a//b/": may contain only printable ASCII characters without spaces between its slashes, and no empty segment ("//")',
  },
  {
    name: 'path with a space',
    build: (s) => role(s, { path: '/my team/' }),
    at: 'construction',
    error: 'Stack/Role: invalid path "/my team/": may contain only printable ASCII characters without spaces between its slashes, and no empty segment ("//")',
  },
  {
    name: 'path longer than 512 characters (the value is shortened in the message)',
    build: (s) => role(s, { path: longPath }),
    at: 'construction',
    error: `Stack/Role: invalid path ${JSON.stringify(longPath).slice(0, 197)}...: must be 1-512 characters (it has 513)`,
  },
  {
    name: 'description longer than 1,000 characters',
    build: (s) => role(s, { description: longDescription }),
    at: 'construction',
    error: `Stack/Role: invalid description ${JSON.stringify(longDescription).slice(0, 197)}...: must be at most 1000 characters (it has 1001)`,
  },
  {
    name: 'description with a character beyond U+00FF',
    build: (s) => role(s, { description: 'deploys \u2713' }),
    at: 'construction',
    error: 'Stack/Role: invalid description "deploys \u2713": may contain only tab, LF, CR and the characters U+0020-U+007E and U+00A1-U+00FF (found "\u2713")',
  },
  {
    name: 'maxSessionDuration of 30 minutes (below the 1-hour minimum of a role)',
    build: (s) => role(s, { maxSessionDuration: Duration.minutes(30) }),
    at: 'construction',
    error: 'Stack/Role: invalid maxSessionDuration "30 minutes": must be between 1 hour and 12 hours (3600-43200 seconds, it is 1800); '
      + "900 seconds is the minimum of one session's DurationSeconds, not of a role's maximum",
  },
  {
    name: 'trustPolicySizeQuota lowered below the default 2,048',
    build: (s) => role(s, { trustPolicySizeQuota: 1024 }),
    at: 'construction',
    error: 'Stack/Role: invalid trustPolicySizeQuota 1024: the trust policy size quota is 2048 by default and can be raised to at most 4096 (given 1024)',
  },
  {
    name: 'managedPoliciesQuota that is not a whole number',
    build: (s) => role(s, { managedPoliciesQuota: 12.5 }),
    at: 'construction',
    error: 'Stack/Role: invalid managedPoliciesQuota 12.5: the managed policies per role quota is 10 by default and can be raised to at most 20 (given 12.5)',
  },

  // ---- AssumableRole: tags ----
  {
    name: '51 tags',
    build: (s) => role(s, { tags: fiftyOneTags }),
    at: 'construction',
    error: `Stack/Role: invalid tags ${JSON.stringify(fiftyOneTags).slice(0, 197)}...: a role has at most 50 tags (51 given)`,
  },
  {
    name: 'tag key with the reserved prefix "aws:"',
    build: (s) => role(s, { tags: { 'aws:owner': 'me' } }),
    at: 'construction',
    error: 'Stack/Role: invalid tags {"aws:owner":"me"}: tag key "aws:owner" uses the prefix "aws:", which is reserved for AWS',
  },
  {
    name: 'tag key longer than 128 characters',
    build: (s) => role(s, { tags: { ['k'.repeat(129)]: 'v' } }),
    at: 'construction',
    error: `Stack/Role: invalid tags {"${'k'.repeat(129)}":"v"}: tag key "${'k'.repeat(129)}" ${TAG_KEY_RULE}`,
  },
  {
    name: 'tag key with "#"',
    build: (s) => role(s, { tags: { 'cost#center': 'v' } }),
    at: 'construction',
    error: `Stack/Role: invalid tags {"cost#center":"v"}: tag key "cost#center" ${TAG_KEY_RULE}`,
  },
  {
    name: 'tag value longer than 256 characters',
    build: (s) => role(s, { tags: { team: 'v'.repeat(257) } }),
    at: 'construction',
    error: `Stack/Role: invalid tags ${JSON.stringify({ team: 'v'.repeat(257) }).slice(0, 197)}...: tag value "${'v'.repeat(257)}" of "team" ${TAG_VALUE_RULE}`,
  },
  {
    name: 'tag value with "!"',
    build: (s) => role(s, { tags: { team: 'ops!' } }),
    at: 'construction',
    error: `Stack/Role: invalid tags {"team":"ops!"}: tag value "ops!" of "team" ${TAG_VALUE_RULE}`,
  },

  // ---- AssumableRole: managed policies ----
  {
    name: 'managedPolicyArns entry that is a role ARN',
    build: (s) => role(s, { managedPolicyArns: [`arn:aws:iam::${OTHER}:role/x`] }),
    at: 'construction',
    error: `Stack/Role: invalid managedPolicyArns[0] "arn:aws:iam::${OTHER}:role/x": must be an ${POLICY_ARN_RULE}`,
  },
  {
    name: 'managedPolicyArns template with a misspelled placeholder',
    build: (s) => role(s, { managedPolicyArns: ['arn:{partition}:iam::aws:policy/ReadOnlyAccess', 'arn:{partition}:iam::{acount}:policy/x'] }),
    at: 'construction',
    error: `Stack/Role: invalid managedPolicyArns[1] "arn:{partition}:iam::{acount}:policy/x": ${UNKNOWN_PLACEHOLDER('acount')}`,
  },
  {
    name: 'awsManagedPolicyNames entry that is an ARN',
    build: (s) => role(s, { awsManagedPolicyNames: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }),
    at: 'construction',
    error: `Stack/Role: invalid awsManagedPolicyNames[0] "arn:aws:iam::aws:policy/ReadOnlyAccess": ${AWS_MANAGED_RULE}`,
  },
  {
    name: 'awsManagedPolicyNames entry with a space',
    build: (s) => role(s, { awsManagedPolicyNames: ['Read Only'] }),
    at: 'construction',
    error: `Stack/Role: invalid awsManagedPolicyNames[0] "Read Only": ${AWS_MANAGED_RULE}`,
  },
  {
    name: 'more managed policies than the quota of 10 (at synth)',
    build: (s) => role(s, { awsManagedPolicyNames: elevenAwsManaged }),
    at: 'synth',
    error: `${SYNTH}invalid managedPolicyArns with 11 policies: IAM attaches at most 10 (managedPoliciesQuota) to a role; `
      + 'combine policies, or raise the quota in Service Quotas (up to 20) and set managedPoliciesQuota',
  },

  // ---- AssumableRole: inline policy JSON ----
  {
    name: 'inline policy text with a trailing comma',
    build: (s) => inline(s, trailingComma),
    at: 'construction',
    error: `Stack/Role: invalid inlinePolicyJson.P ${JSON.stringify(trailingComma)}: policy JSON does not parse at line 1, column 43: `
      + 'expected a double-quoted property name (comments and trailing commas are not JSON)',
  },
  {
    name: 'inline policy with a Principal',
    build: (s) => inline(s, principalPolicy),
    at: 'construction',
    error: inlineError(principalPolicy, '$.Statement[0]: field "Principal" is not allowed here: an identity policy names no principal (the principal is the role itself); Principal belongs in a trust policy'),
  },
  {
    name: 'inline policy with Effect "allow" in lower case',
    build: (s) => inline(s, lowercaseEffect),
    at: 'construction',
    error: inlineError(lowercaseEffect, '$.Statement[0].Effect: must be "Allow" or "Deny" (found "allow")'),
  },
  {
    name: 'inline policy statement without Resource',
    build: (s) => inline(s, noResource),
    at: 'construction',
    error: inlineError(noResource, '$.Statement[0]: missing "Resource" (or "NotResource"): every identity policy statement names a resource'),
  },
  {
    name: 'inline policy with the misspelled condition operator StringEqual',
    build: (s) => inline(s, misspelledOperator),
    at: 'construction',
    error: inlineError(misspelledOperator, '$.Statement[0].Condition: "StringEqual" is not an IAM condition operator (e.g. StringEquals, ArnLike, Bool, ForAnyValue:StringLike, StringEqualsIfExists, Null)'),
  },
  {
    name: 'inline policy statement with both Action and NotAction',
    build: (s) => inline(s, actionAndNotAction),
    at: 'construction',
    error: inlineError(actionAndNotAction, '$.Statement[0]: has both "Action" and "NotAction"; use one'),
  },
  {
    name: 'inline policy action without a service prefix',
    build: (s) => inline(s, actionWithoutService),
    at: 'construction',
    error: inlineError(actionWithoutService, '$.Statement[0].Action: "s3GetObject" must be "*" or "service:Action" (e.g. "s3:GetObject"; * and ? are wildcards)'),
  },
  {
    name: 'inline policy with a character beyond U+00FF (an em dash)',
    build: (s) => inline(s, emDash),
    at: 'construction',
    error: inlineError(emDash, '$.Statement[0].Resource: character "\u2014" (U+2014) is not allowed in IAM policies (only tab, LF, CR and U+0020-U+00FF)'),
  },
  {
    name: 'inline policy with an unknown ARN placeholder {bucket}',
    build: (s) => inline(s, unknownPlaceholder),
    at: 'construction',
    error: `Stack/Role: invalid inlinePolicyJson.P ${JSON.stringify(unknownPlaceholder)}: invalid ARN template "arn:{partition}:s3:::{bucket}/*": ${UNKNOWN_PLACEHOLDER('bucket')}`,
  },
  {
    name: 'inline policy with Version 2012-10-18',
    build: (s) => inline(s, futureVersion),
    at: 'construction',
    error: inlineError(futureVersion, '$.Version: must be "2012-10-17" (or the legacy "2008-10-17") (found "2012-10-18")'),
  },
  {
    name: 'inline policy with an empty Statement list',
    build: (s) => inline(s, noStatements),
    at: 'construction',
    error: inlineError(noStatements, '$.Statement: must be a statement or a non-empty list of statements'),
  },
  {
    name: 'inline policy Sid with a dash',
    build: (s) => inline(s, sidWithDash),
    at: 'construction',
    error: inlineError(sidWithDash, '$.Statement[0].Sid: "read-only" must contain only letters and digits'),
  },
  {
    name: 'inline policy that is a number, not an object',
    build: (s) => inline(s, 42),
    at: 'construction',
    error: `Stack/Role: invalid inlinePolicyJson.P 42: ${IDENTITY_POLICY}: $: must be a policy object with Version and Statement`,
  },
  {
    name: 'inline policy name given both in inlinePolicies and inlinePolicyJson',
    build: (s) => role(s, {
      inlinePolicies: { P: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] }) },
      inlinePolicyJson: { P: policy(s3Read) },
    }),
    at: 'construction',
    error: 'Stack/Role: invalid inlinePolicyJson.P "P": an inline policy of this name is also given in inlinePolicies; policy names must be unique per role',
  },
  {
    name: 'inline policies larger than 10,240 characters together (at synth)',
    build: (s) => role(s, { inlinePolicyJson: largeInlinePolicies }),
    at: 'synth',
    error: `${SYNTH}invalid inline policies of about 13752 characters in total: IAM allows 10240 per role; `
      + 'move statements into managed policies (managedPolicies), each up to 6,144 characters',
  },

  // ---- Trust, as a whole ----
  {
    name: 'trust entry that is not made with the Trust factories',
    build: (s) => new AssumableRole(s, 'Role', { trust: [{ service: 'lambda' } as unknown as TrustRelationship] }),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] {"service":"lambda"}: must be a value made with the Trust factories, e.g. Trust.service("lambda")',
  },
  {
    name: 'a role that trusts no one (at synth)',
    build: (s) => new AssumableRole(s, 'Role', {}),
    at: 'synth',
    error: `${SYNTH}the role trusts no one; give it at least one trust relationship (props or addTrust(Trust...))`,
  },
  {
    name: 'a trust policy over the 2,048-character quota (at synth)',
    build: (s) => trusting(s, Trust.accounts(accountIds(60))),
    at: 'synth',
    error: `${SYNTH}invalid trust policy of about 2505 characters (counted without whitespace, deploy-time values at their longest): `
      + 'IAM allows 2048 (trustPolicySizeQuota); merge principals that share conditions, or raise the quota in Service Quotas (up to 4096) and set trustPolicySizeQuota',
  },

  // ---- Methods of AssumableRole ----
  {
    name: 'revokeSessionsIssuedBefore with an invalid Date',
    build: (s) => role(s).revokeSessionsIssuedBefore(new Date('yesterday')),
    at: 'construction',
    error: 'Stack/Role: invalid revokeSessionsIssuedBefore "Invalid Date": must be a valid Date',
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  { name: 'roleName that is a token', build: (s) => role(s, { roleName: stringParameter(s) }), inTemplate: `"RoleName":${REF_P}` },
  { name: 'roleName with a token inside', build: (s) => role(s, { roleName: `${stringParameter(s)}-deployer` }), inTemplate: `"RoleName":{"Fn::Join":["",[${REF_P},"-deployer"]]}` },
  { name: 'path that is a token', build: (s) => role(s, { path: stringParameter(s) }), inTemplate: `"Path":${REF_P}` },
  { name: 'description that is a token', build: (s) => role(s, { description: stringParameter(s) }), inTemplate: `"Description":${REF_P}` },
  { name: 'tag value that is a token', build: (s) => role(s, { tags: { team: stringParameter(s) } }), inTemplate: `{"Key":"team","Value":${REF_P}}` },
  { name: 'tag key that is a token', build: (s) => role(s, { tags: { [stringParameter(s)]: 'ops' } }), inTemplate: `{"Key":${REF_P},"Value":"ops"}` },
  { name: 'managed policy ARN that is a token', build: (s) => role(s, { managedPolicyArns: [stringParameter(s)] }), inTemplate: `"ManagedPolicyArns":[${REF_P}]` },
  { name: 'AWS managed policy name that is a token', build: (s) => role(s, { awsManagedPolicyNames: [stringParameter(s)] }), inTemplate: REF_P },
  {
    name: 'inline policy JSON with a token inside an ARN template',
    build: (s) => inline(s, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:{partition}:s3:::${stringParameter(s)}/*` })),
    inTemplate: `"Resource":{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":s3:::",${REF_P},"/*"]]}`,
  },
];

describeErrorRows('AssumableRole: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('AssumableRole: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);

/**
 * Problems found while writing the bad-input table, now fixed: each test states the behaviour the
 * library promises (bad input names the construct path, the field, the value and the rule;
 * deploy-time values are skipped, never a crash). The comments say what happened before.
 */
describe('AssumableRole: regressions found by the bad-input table', () => {
  test('a maxSessionDuration of a fractional number of seconds names the path and the field', () => {
    // Before: "'3600500 millis' cannot be converted into a whole number of seconds." from Duration.toSeconds().
    expect(errorOf(() => role(newStack(), { maxSessionDuration: Duration.millis(3_600_500) })))
      .toBe('Stack/Role: invalid maxSessionDuration "1 hour 500 millis": must be a whole number of seconds (it is 3600.5), between 3600 and 43200');
  });

  test('a maxSessionDuration that is a token is skipped', () => {
    // Before: aws-cdk-lib's iam.Role throws "maxSessionDuration is set to -1.88...e+289, but must be >= 3600sec".
    const stack = newStack();
    role(stack, { maxSessionDuration: Duration.seconds(numberParameter(stack, 'N')) });
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).toContain('"MaxSessionDuration":{"Ref":"N"}');
  });

  test('an inline policy named like an Object.prototype member ("valueOf") is accepted', () => {
    // Before: "invalid inlinePolicyJson.valueOf "valueOf": an inline policy of this name is also given in inlinePolicies"
    // (the duplicate check uses `name in policies`, which sees inherited members).
    const stack = newStack();
    role(stack, { inlinePolicyJson: { valueOf: policy(s3Read) } });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { Policies: [Match.objectLike({ PolicyName: 'valueOf' })] });
  });

  test('an inline policy named "__proto__" is kept, not dropped', () => {
    const stack = newStack();
    role(stack, { inlinePolicyJson: JSON.parse(`{"__proto__": ${JSON.stringify(policy(s3Read))}}`) });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { Policies: [Match.objectLike({ PolicyName: '__proto__' })] });
  });

  test('a name of inlinePolicies (iam.PolicyDocument) that IAM rejects fails at construction too', () => {
    const document = new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] });
    expect(errorOf(() => role(newStack(), { inlinePolicies: { ['x'.repeat(129)]: document } })))
      .toBe(`Stack/Role: invalid inlinePolicies.${'x'.repeat(129)} "${'x'.repeat(129)}": an inline policy name must be 1-128 characters (it has 129)`);
  });

  test('an inline policy name IAM rejects (a space and "!") fails at construction', () => {
    // Before: accepted; CloudFormation fails at deploy (PolicyName must match [\w+=,.@-]+, 1-128 characters).
    expect(errorOf(() => role(newStack(), { inlinePolicyJson: { 'my policy!': policy(s3Read) } })))
      .toBe('Stack/Role: invalid inlinePolicyJson.my policy! "my policy!": an inline policy name may contain only letters, digits and +=,.@_- (found " ")');
  });
});
