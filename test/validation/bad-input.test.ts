/**
 * One table of bad inputs across every construct and builder of the library, each with the
 * exact outcome a user sees: the error thrown at construction or at synth
 * (`<construct path>: invalid <field> <value>: <rule>`), or the finding the checks report
 * for trust that is valid but risky. Every message below was produced by running the code
 * and then read by hand: it names the path, the field, the value and the rule.
 *
 * Also: inputs that must be accepted (CDK tokens are skipped, never crash), and regression
 * tests for the problems found while writing this table.
 */
import { Aws, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { errorOf, expectFinding, findingMessages, Level } from './validation-support';
import {
  ArnTemplate, AssumableRole, AssumableRoleProps, BoundedRole, BoundedRoleProps, CrossAccountRole, IrsaRole, OidcIssuer,
  PermissionsBoundary, ServiceRole, Trust, TrustRelationship,
} from '../../src';
import { newStack } from '../support/stacks';

const OTHER = '111122223333';
const LAMBDA = Trust.service('lambda');
const EKS_ISSUER = OidcIssuer.fromIssuerUrl('https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789');
const SAML_PROVIDER = `arn:aws:iam::${OTHER}:saml-provider/okta`;
const GITHUB_PROVIDER = `arn:aws:iam::${OTHER}:oidc-provider/token.actions.githubusercontent.com`;
const POLICY_VERSION = '2012-10-17';

/** The rule ArnTemplate gives for an unknown placeholder. */
const UNKNOWN_PLACEHOLDER = (name: string) =>
  `unknown placeholder {${name}}; the placeholders are {partition}, {account}, {region}, {urlSuffix} (IAM policy variables are written \${...})`;
const TAG_KEY_RULE = 'must be 1-128 letters, digits, spaces and _.:/=+-@';
const TAG_VALUE_RULE = 'must be 0-256 letters, digits, spaces and _.:/=+-@';
const POLICY_ARN_RULE = 'IAM managed policy ARN (arn:<partition>:iam::<account>:policy/<name>)';
const AWS_MANAGED_RULE = 'must be an AWS managed policy name such as "ReadOnlyAccess" or "service-role/AWSLambdaBasicExecutionRole" (use managedPolicyArns for ARNs)';
const IDENTITY_POLICY = 'policy JSON is not a valid IAM identity policy';
const EXTERNAL_ID_RULE = 'must be 2-1,224 characters of letters, digits and +=,.@:/-_ (sts:ExternalId)';
const NO_PRINCIPALS_RULE = 'applies to trustedAccounts, trustedRoleArns and trustedUserArns, and none is given; set one of them, or put the condition on a value in `trust`';
const SYNTH = 'Validation failed with the following errors:\n  [Stack/Role] Stack/Role: ';

/** An AssumableRole `Role` trusting Lambda, with `props`. */
function role(stack: Stack, props: AssumableRoleProps = {}): AssumableRole {
  return new AssumableRole(stack, 'Role', { trust: [LAMBDA], ...props });
}

/** An AssumableRole `Role` whose only trust is `trust`. */
function trusting(stack: Stack, trust: TrustRelationship): AssumableRole {
  return new AssumableRole(stack, 'Role', { trust: [trust] });
}

/** An AssumableRole `Role` trusting Lambda with one inline policy `P` given as JSON. */
function inline(stack: Stack, document: unknown): AssumableRole {
  return role(stack, { inlinePolicyJson: { P: document } });
}

/** A policy document with one statement. */
function policy(statement: object): object {
  return { Version: POLICY_VERSION, Statement: [statement] };
}

/** The `invalid inlinePolicyJson.P` message for the policy object `p` and its problem. */
function inlineError(p: object, problem: string): string {
  return `Stack/Role: invalid inlinePolicyJson.P ${JSON.stringify(p)}: ${IDENTITY_POLICY}: ${problem}`;
}

/** What JSON.parse says about `text` (its wording depends on the Node.js version). */
/** Adds a hand-written statement to the trust policy of a role that trusts Lambda. */
function withRawTrustStatement(stack: Stack, statement: object): AssumableRole {
  const r = role(stack);
  r.role.assumeRolePolicy!.addStatements(iam.PolicyStatement.fromJson(statement));
  return r;
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
/** 60 whole accounts: a trust policy of about 2,505 characters. */
const sixtyAccounts = Array.from({ length: 60 }, (_, i) => String(100000000000 + i));
const longPath = `/${'p'.repeat(511)}/`;
const longDescription = 'd'.repeat(1001);

/** Where the error is thrown: while the constructs are built, or when the app is synthesized. */
type Phase = 'construction' | 'synth';

interface ErrorRow {
  /** What is wrong, as a test name. */
  readonly name: string;
  /** Builds the bad input in the fresh stack `Stack` (env-agnostic). */
  readonly build: (stack: Stack) => unknown;
  readonly at: Phase;
  /** The whole message, or a function of the stack for messages that show a deploy-time token. */
  readonly error: string | ((stack: Stack) => string);
}

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

  // ---- Permissions boundary and BoundedRole ----
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
    build: (s) => trusting(s, Trust.accounts(sixtyAccounts)),
    at: 'synth',
    error: `${SYNTH}invalid trust policy of about 2505 characters (counted without whitespace, deploy-time values at their longest): `
      + 'IAM allows 2048 (trustPolicySizeQuota); merge principals that share conditions, or raise the quota in Service Quotas (up to 4096) and set trustPolicySizeQuota',
  },

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

  // ---- Trust: services ----
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

  // ---- Trust: EKS service accounts and OIDC ----
  {
    name: 'EKS service account without a namespace',
    build: (s) => trusting(s, Trust.eksServiceAccounts(EKS_ISSUER, ['default'])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:default)": service account "default" must be written "namespace:name"',
  },
  {
    name: 'EKS service account given as the whole subject system:serviceaccount:ns:name',
    build: (s) => trusting(s, Trust.eksServiceAccounts(EKS_ISSUER, ['system:serviceaccount:payments:api'])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:system:serviceaccount:payments:api)": '
      + 'service account "system:serviceaccount:payments:api" must be written "namespace:name"',
  },
  {
    name: 'EKS namespace with upper-case letters',
    build: (s) => trusting(s, Trust.eksServiceAccount(EKS_ISSUER, 'Payments', 'api')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:Payments:api)": '
      + 'namespace "Payments" in "Payments:api" must be a lowercase DNS label of at most 63 characters (a-z, 0-9, "-"; "*" and "?" as wildcards)',
  },
  {
    name: 'EKS namespace of 64 characters',
    build: (s) => trusting(s, Trust.eksServiceAccount(EKS_ISSUER, 'n'.repeat(64), 'api')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:${'n'.repeat(64)}:api)": `
      + `namespace "${'n'.repeat(64)}" in "${'n'.repeat(64)}:api" must be a lowercase DNS label of at most 63 characters (a-z, 0-9, "-"; "*" and "?" as wildcards)`,
  },
  {
    name: 'EKS service account name with an underscore',
    build: (s) => trusting(s, Trust.eksServiceAccount(EKS_ISSUER, 'payments', 'api_server')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:payments:api_server)": '
      + 'service account name "api_server" in "payments:api_server" must be a lowercase DNS name of at most 253 characters (a-z, 0-9, "-", "."; "*" and "?" as wildcards)',
  },
  {
    name: 'Trust.eksServiceAccounts with no service account',
    build: (s) => trusting(s, Trust.eksServiceAccounts(EKS_ISSUER, [])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts()": Trust.eksServiceAccounts needs at least one subject; '
      + 'without a "sub" condition every identity of the issuer could assume the role',
  },
  {
    name: 'OIDC issuer URL with a space in the host',
    build: (s) => trusting(s, Trust.eksServiceAccount(OidcIssuer.fromIssuerUrl('https://oidc eks/id/1'), 'payments', 'api')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:payments:api)": OIDC provider: "https://oidc eks/id/1" is not an OIDC issuer URL (https://host/path)',
  },
  {
    name: 'OidcIssuer.fromProviderArn given a SAML provider ARN',
    build: (s) => trusting(s, Trust.openIdConnect(OidcIssuer.fromProviderArn(SAML_PROVIDER), { subjects: ['user-1'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.openIdConnect(user-1)": OIDC provider: "${SAML_PROVIDER}" is not an IAM OIDC provider ARN (arn:<partition>:iam::<account>:oidc-provider/<issuer>)`,
  },
  {
    name: 'Trust.openIdConnect with no subject',
    build: (s) => trusting(s, Trust.openIdConnect(EKS_ISSUER, { subjects: [] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.openIdConnect()": Trust.openIdConnect needs at least one subject; without a "sub" condition every identity of the issuer could assume the role',
  },
  {
    name: 'Trust.openIdConnect with an empty audience list',
    build: (s) => trusting(s, Trust.openIdConnect(EKS_ISSUER, { subjects: ['user-1'], audiences: [] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.openIdConnect(user-1)": Trust.openIdConnect needs at least one audience ("aud")',
  },

  // ---- Trust: GitHub Actions ----
  {
    name: 'GitHub repository without the owner',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org' })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org:*)": repository "octo-org" must be written "owner/name"',
  },
  {
    name: 'GitHub repository given as a URL',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'https://github.com/octo-org/app' })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:https://github.com/octo-org/app:*)": repository "https://github.com/octo-org/app" must be written "owner/name"',
  },
  {
    name: 'GitHub branch with a space',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', branches: ['release 1'] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app:ref:refs/heads/release 1)": branch, tag or environment "release 1" must be non-empty and contain no whitespace',
  },
  {
    name: 'GitHub environment that is empty',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', environments: [''] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app:environment:)": branch, tag or environment "" must be non-empty and contain no whitespace',
  },
  {
    name: 'GitHub trust with withAudiences([])',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', branches: ['main'] }).withAudiences([])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app:ref:refs/heads/main)": Trust.githubActions needs at least one audience ("aud")',
  },

  // ---- Trust: SAML ----
  {
    name: 'Trust.saml given an OIDC provider ARN',
    build: (s) => trusting(s, Trust.saml(`arn:aws:iam::${OTHER}:oidc-provider/x`)),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.saml(arn:aws:iam::${OTHER}:oidc-provider/x)": "arn:aws:iam::${OTHER}:oidc-provider/x" is not an IAM SAML provider ARN (arn:<partition>:iam::<account>:saml-provider/<name>)`,
  },
  {
    name: 'Trust.saml with an empty audience list',
    build: (s) => trusting(s, Trust.saml(SAML_PROVIDER, { audiences: [] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.saml(${SAML_PROVIDER})": SAML trust needs at least one audience (SAML:aud)`,
  },

  // ---- ArnTemplate (not a construct: no path) ----
  {
    name: 'ArnTemplate.of with a misspelled placeholder {acount}',
    build: () => ArnTemplate.of('arn:{partition}:iam::{acount}:role/x'),
    at: 'construction',
    error: `invalid ARN template "arn:{partition}:iam::{acount}:role/x": ${UNKNOWN_PLACEHOLDER('acount')}`,
  },
  {
    name: 'ArnTemplate.of with a "{" never closed',
    build: () => ArnTemplate.of(`arn:{partition:iam::${OTHER}:role/x`),
    at: 'construction',
    error: `invalid ARN template "arn:{partition:iam::${OTHER}:role/x": "{" at position 4 is never closed`,
  },
  {
    name: 'ArnTemplate.of with a "}" that closes nothing',
    build: () => ArnTemplate.of(`arn:aws}:iam::${OTHER}:role/x`),
    at: 'construction',
    error: `invalid ARN template "arn:aws}:iam::${OTHER}:role/x": "}" at position 7 closes no placeholder`,
  },
  {
    name: 'ArnTemplate.render with nested braces {{partition}}',
    build: () => ArnTemplate.render(`arn:{{partition}}:iam::${OTHER}:role/x`),
    at: 'construction',
    error: `invalid ARN template "arn:{{partition}}:iam::${OTHER}:role/x": nested "{" at position 5; placeholders look like {partition}`,
  },

  // ---- ServiceRole ----
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
    name: 'ServiceRole instance profile without ec2 in services',
    build: (s) => new ServiceRole(s, 'Role', { services: ['lambda'], instanceProfile: true }),
    at: 'construction',
    error: 'Stack/Role: invalid instanceProfile true: an instance profile is for EC2: add "ec2" to services',
  },

  // ---- CrossAccountRole ----
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

  // ---- IrsaRole ----
  {
    name: 'IrsaRole with no issuer',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [], serviceAccounts: ['payments:api'] }),
    at: 'construction',
    error: 'Stack/Role: invalid issuers []: give at least one OIDC issuer, e.g. OidcIssuer.fromCluster(cluster)',
  },
  {
    name: 'IrsaRole with no service account',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: [] }),
    at: 'construction',
    error: 'Stack/Role: invalid serviceAccounts []: give at least one service account as "namespace:name"',
  },
  {
    name: 'IrsaRole service account written namespace/name',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: ['payments/api'] }),
    at: 'construction',
    error: 'Stack/Role: invalid serviceAccounts ["payments/api"]: service account "payments/api" must be written "namespace:name"',
  },
  {
    name: 'IrsaRole second issuer given as a provider host instead of an ARN',
    build: (s) => new IrsaRole(s, 'Role', {
      issuers: [EKS_ISSUER, OidcIssuer.fromProviderArn('oidc.eks.eu-west-1.amazonaws.com/id/X')],
      serviceAccounts: ['payments:api'],
    }),
    at: 'construction',
    error: 'Stack/Role: invalid issuers[1] "Trust.eksServiceAccounts(system:serviceaccount:payments:api)": '
      + 'OIDC provider: "oidc.eks.eu-west-1.amazonaws.com/id/X" is not an ARN (it must start with "arn:")',
  },
  {
    name: 'IrsaRole manifest for a service account the role does not trust',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: ['payments:api'] }).serviceAccountManifestYaml('payments', 'worker'),
    at: 'construction',
    error: 'Stack/Role: invalid serviceAccountManifestYaml "payments:worker": the role does not trust this service account; it trusts payments:api',
  },

  // ---- Methods of AssumableRole ----
  {
    name: 'revokeSessionsIssuedBefore with an invalid Date',
    build: (s) => role(s).revokeSessionsIssuedBefore(new Date('yesterday')),
    at: 'construction',
    error: 'Stack/Role: invalid revokeSessionsIssuedBefore "Invalid Date": must be a valid Date',
  },
  {
    name: 'cliProfile with a space in the profile name',
    build: (s) => role(s).cliProfile({ profileName: 'my profile', sourceProfile: 'default' }),
    at: 'construction',
    error: 'Stack/Role: invalid cliProfile "my profile": profileName "my profile" may contain only letters, digits and _.@+=,-',
  },
  {
    name: 'cliProfile with no credential source',
    build: (s) => role(s).cliProfile({ profileName: 'dev' }),
    at: 'construction',
    error: 'Stack/Role: invalid cliProfile "dev": give exactly one of sourceProfile, credentialSource and webIdentityTokenFile',
  },
];

interface FindingRow {
  readonly name: string;
  /** Builds valid but risky input in the fresh stack `Stack`; the role reported on is `Stack/Role`. */
  readonly build: (stack: Stack) => unknown;
  /** The finding id, without the `cdk-assumable-roles:` prefix. */
  readonly finding: string;
  readonly level: Level;
  /** The finding-specific part of the message (what comes before the fix). */
  readonly says: string;
}

const FINDING_ROWS: FindingRow[] = [
  {
    name: 'a hand-written trust statement with Principal "*" and no condition',
    build: (s) => role(s).role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ principals: [new iam.StarPrincipal()], actions: ['sts:AssumeRole'] })),
    finding: 'TrustAnyPrincipal',
    level: 'error',
    says: 'trust statement 1 allows any AWS principal ("*") with no condition',
  },
  {
    name: 'a hand-written trust statement that allows with NotPrincipal',
    build: (s) => role(s).role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ notPrincipals: [new iam.AccountPrincipal(OTHER)], actions: ['sts:AssumeRole'] })),
    finding: 'AllowWithNotPrincipal',
    level: 'error',
    says: 'trust statement 1 allows with NotPrincipal',
  },
  {
    name: 'a SAML provider given sts:AssumeRole',
    build: (s) => withRawTrustStatement(s, { Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: 'sts:AssumeRole' }),
    finding: 'TrustActionMismatch',
    level: 'error',
    says: `trust statement 1 gives Federated principal ${SAML_PROVIDER} ["sts:AssumeRole"]; it needs sts:AssumeRoleWithSAML`,
  },
  {
    name: 'a GitHub OIDC statement without a "sub" condition',
    build: (s) => withRawTrustStatement(s, {
      Effect: 'Allow',
      Principal: { Federated: GITHUB_PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
    }),
    finding: 'OidcWithoutSubject',
    level: 'error',
    says: 'trust statement 1 (sts:AssumeRoleWithWebIdentity) has no ":sub" condition',
  },
  {
    name: 'a GitHub OIDC statement without an "aud" condition',
    build: (s) => withRawTrustStatement(s, {
      Effect: 'Allow',
      Principal: { Federated: GITHUB_PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:*' } },
    }),
    finding: 'OidcWithoutAudience',
    level: 'error',
    says: 'trust statement 1 (sts:AssumeRoleWithWebIdentity) has no ":aud" condition',
  },
  {
    name: 'an inline iam.PolicyDocument with the misspelled operator StringEqual',
    build: (s) => new ServiceRole(s, 'Role', {
      services: ['lambda'],
      inlinePolicies: {
        P: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'], conditions: { StringEqual: { 'aws:RequestedRegion': 'eu-west-1' } } })],
        }),
      },
    }),
    finding: 'PolicyGrammar',
    level: 'error',
    says: 'policy P $.Statement[0].Condition: "StringEqual" is not an IAM condition operator (e.g. StringEquals, ArnLike, Bool, ForAnyValue:StringLike, StringEqualsIfExists, Null)',
  },
  {
    name: 'withCondition StringEquals on a value with "*"',
    build: (s) => trusting(s, Trust.account(OTHER).withExternalId('partner-1').withCondition('StringEquals', 'aws:PrincipalTag/team', ['dev*'])),
    finding: 'WildcardInExactOperator',
    level: 'warning',
    says: 'trust statement 0: StringEquals aws:PrincipalTag/team compares ["dev*"] literally; use StringLike for wildcards',
  },
  {
    name: 'CrossAccountRole trusting another account with no guard',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: [OTHER] }),
    finding: 'CrossAccountWithoutGuard',
    level: 'warning',
    says: `trust statement 0 trusts the whole account ${OTHER} (arn:aws:iam::${OTHER}:root) without ExternalId, principal ARN, organization or MFA condition`,
  },
  {
    name: 'ServiceRole for ecs-tasks without a source guard',
    build: (s) => new ServiceRole(s, 'Role', { services: ['ecs-tasks'] }),
    finding: 'ServiceWithoutSourceGuard',
    level: 'info',
    says: 'trust statement 0 trusts ecs-tasks.amazonaws.com without aws:SourceAccount or aws:SourceArn',
  },
  {
    name: 'ServiceRole with AdministratorAccess',
    build: (s) => new ServiceRole(s, 'Role', { services: ['lambda'], awsManagedPolicyNames: ['AdministratorAccess'] }),
    finding: 'PolicyAllowsEverything',
    level: 'warning',
    says: 'managed policy arn:aws:iam::aws:policy/AdministratorAccess allows "*" on "*"',
  },
  {
    name: 'inline policy JSON allowing "*" on "*"',
    build: (s) => new ServiceRole(s, 'Role', { services: ['lambda'], inlinePolicyJson: { All: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) } }),
    finding: 'PolicyAllowsEverything',
    level: 'warning',
    says: 'policy All statement 0 allows "*" on "*"',
  },
  {
    name: 'inline policy text (single statement object) allowing iam:PassRole on "*"',
    build: (s) => new ServiceRole(s, 'Role', { services: ['lambda'], inlinePolicyJson: { Pass: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}}' } }),
    finding: 'PassRoleOnAnyRole',
    level: 'warning',
    says: 'policy Pass statement 0 allows iam:PassRole on "*"',
  },
  {
    name: 'an attached iam.Policy allowing iam:* on "*"',
    build: (s) => role(s).attachInlinePolicy(new iam.Policy(s, 'Pol', { statements: [new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] })] })),
    finding: 'PassRoleOnAnyRole',
    level: 'warning',
    says: 'policy Stack/Pol/Resource statement 0 allows iam:PassRole on "*"',
  },
  {
    name: 'two roles of the stack that trust each other',
    build: (s) => {
      const a = role(s);
      const b = new AssumableRole(s, 'Peer', { trust: [Trust.role(a.roleArn)] });
      a.addTrust(Trust.role(b.roleArn));
    },
    finding: 'TrustCircularReference',
    level: 'error',
    says: 'trust policies reference each other\'s role ARN in a cycle (X -> Y: X references Y): Stack/Role -> Stack/Peer -> Stack/Role; CloudFormation will reject the circular dependency',
  },
  {
    name: '44 accounts sharing an ExternalId: a trust policy above 90% of its quota',
    build: (s) => trusting(s, Trust.accounts(sixtyAccounts.slice(0, 44)).withExternalId('x1')),
    finding: 'TrustPolicyNearQuota',
    level: 'warning',
    says: 'trust policy is about 1918 of 2048 characters',
  },
];

/** The whole message of each finding `id` at `level` reported at `Stack/Role`. */
function roleFindings(stack: Stack, id: string, level: Level): string[] {
  return findingMessages(stack, id, level).filter((m) => m.path === '/Stack/Role').map((m) => m.message);
}

describe('bad inputs throw the exact error', () => {
  test.each(ERROR_ROWS)('$name', (row) => {
    const stack = newStack();
    const expected = typeof row.error === 'function' ? row.error(stack) : row.error;
    if (row.at === 'construction') {
      expect(errorOf(() => row.build(stack))).toBe(expected);
    } else {
      expect(() => row.build(stack)).not.toThrow();
      expect(errorOf(() => Template.fromStack(stack))).toBe(expected);
    }
  });
});

describe('risky but valid trust is reported as a finding', () => {
  test.each(FINDING_ROWS)('$name: $finding ($level)', (row) => {
    const stack = newStack();
    expect(() => row.build(stack)).not.toThrow();
    expectFinding(stack, row.finding, row.level);
    const messages = roleFindings(stack, row.finding, row.level);
    expect(messages).toHaveLength(1);
    expect(messages[0].startsWith(`[cdk-assumable-roles:${row.finding}] ${row.says}. `)).toBe(true);
  });
});

interface AcceptedRow {
  readonly name: string;
  /** Builds valid input in the fresh stack `Stack`; the parameter `P` (and `E`) are deploy-time values. */
  readonly build: (stack: Stack) => unknown;
  /** A fragment of the template (as JSON text) that shows the value reached the role. */
  readonly inTemplate: string;
}

/** A string parameter of the stack: a value known only at deploy time. */
function param(stack: Stack, id: string = 'P'): string {
  return new CfnParameter(stack, id).valueAsString;
}

const REF_P = '{"Ref":"P"}';

const ACCEPTED_ROWS: AcceptedRow[] = [
  { name: 'roleName that is a token', build: (s) => role(s, { roleName: param(s) }), inTemplate: `"RoleName":${REF_P}` },
  { name: 'roleName with a token inside', build: (s) => role(s, { roleName: `${param(s)}-deployer` }), inTemplate: `"RoleName":{"Fn::Join":["",[${REF_P},"-deployer"]]}` },
  { name: 'path that is a token', build: (s) => role(s, { path: param(s) }), inTemplate: `"Path":${REF_P}` },
  { name: 'description that is a token', build: (s) => role(s, { description: param(s) }), inTemplate: `"Description":${REF_P}` },
  { name: 'tag value that is a token', build: (s) => role(s, { tags: { team: param(s) } }), inTemplate: `{"Key":"team","Value":${REF_P}}` },
  { name: 'tag key that is a token', build: (s) => role(s, { tags: { [param(s)]: 'ops' } }), inTemplate: `{"Key":${REF_P},"Value":"ops"}` },
  { name: 'managed policy ARN that is a token', build: (s) => role(s, { managedPolicyArns: [param(s)] }), inTemplate: `"ManagedPolicyArns":[${REF_P}]` },
  { name: 'AWS managed policy name that is a token', build: (s) => role(s, { awsManagedPolicyNames: [param(s)] }), inTemplate: REF_P },
  {
    name: 'BoundedRole boundary ARN that is a token',
    build: (s) => new BoundedRole(s, 'Role', { trust: [LAMBDA], permissionsBoundary: PermissionsBoundary.fromArn(param(s)) }),
    inTemplate: `"PermissionsBoundary":${REF_P}`,
  },
  {
    name: 'account and ExternalId that are tokens',
    build: (s) => trusting(s, Trust.account(param(s)).withExternalId(param(s, 'E'))),
    inTemplate: '"sts:ExternalId":{"Ref":"E"}',
  },
  { name: 'the stack\'s own account as a pseudo parameter', build: (s) => trusting(s, Trust.account(Aws.ACCOUNT_ID)), inTemplate: '{"Ref":"AWS::AccountId"}' },
  {
    name: 'a role ARN known only at deploy time (GetAtt of another role)',
    build: (s) => trusting(s, Trust.role(new iam.Role(s, 'Other', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }).roleArn)),
    inTemplate: '"AWS":{"Fn::GetAtt":["Other34654A52","Arn"]}',
  },
  { name: 'organization ID that is a token', build: (s) => trusting(s, Trust.account(OTHER).withinOrganization(param(s))), inTemplate: `"aws:PrincipalOrgID":${REF_P}` },
  {
    name: 'ServiceRole source ARN that is a token',
    build: (s) => new ServiceRole(s, 'Role', { services: ['events'], sourceArns: [param(s)] }),
    inTemplate: `"aws:SourceArn":${REF_P}`,
  },
  {
    name: 'source account that is a token',
    build: (s) => trusting(s, Trust.service('events').withSourceAccount(param(s))),
    inTemplate: `"aws:SourceAccount":${REF_P}`,
  },
  { name: 'SAML provider ARN that is a token', build: (s) => trusting(s, Trust.saml(param(s))), inTemplate: `"Federated":${REF_P}` },
  {
    name: 'CrossAccountRole principal ARN pattern and ExternalId that are tokens',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: [OTHER], principalArnPatterns: [param(s)], externalIds: [param(s, 'E')] }),
    inTemplate: `"aws:PrincipalArn":${REF_P}`,
  },
  {
    name: 'inline policy JSON with a token inside an ARN template',
    build: (s) => inline(s, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:{partition}:s3:::${param(s)}/*` })),
    inTemplate: `"Resource":{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":s3:::",${REF_P},"/*"]]}`,
  },
  {
    name: 'IrsaRole with wildcard service accounts',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: ['jobs:worker-*', '*:reader'] }),
    inTemplate: '"StringLike":{"oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789:sub":["system:serviceaccount:jobs:worker-*","system:serviceaccount:*:reader"]}',
  },
];

describe('accepted inputs: tokens are skipped, never crash', () => {
  test.each(ACCEPTED_ROWS)('$name', (row) => {
    const stack = newStack();
    expect(() => row.build(stack)).not.toThrow();
    const template = JSON.stringify(Template.fromStack(stack).toJSON());
    expect(template).toContain(row.inTemplate);
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });
});

/**
 * Problems found while writing this table, now fixed: each test states the behaviour the
 * library promises (bad input names the construct path, the field, the value and the rule;
 * deploy-time values are skipped, never a crash). The comments say what happened before.
 */
describe('regressions found by this table', () => {
  test('a maxSessionDuration of a fractional number of seconds names the path and the field', () => {
    // Before: "'3600500 millis' cannot be converted into a whole number of seconds." from Duration.toSeconds().
    expect(errorOf(() => role(newStack(), { maxSessionDuration: Duration.millis(3_600_500) })))
      .toBe('Stack/Role: invalid maxSessionDuration "1 hour 500 millis": must be a whole number of seconds (it is 3600.5), between 3600 and 43200');
  });

  test('a CrossAccountRole mfaMaxAge of a fractional number of seconds names the path and the field', () => {
    // Before: "'1500 millis' cannot be converted into a whole number of seconds." from Duration.toSeconds().
    expect(errorOf(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: [OTHER], mfaMaxAge: Duration.millis(1500) })))
      .toBe('Stack/Role: invalid mfaMaxAge "1 second 500 millis": MFA max age 1 second 500 millis must be a whole number of seconds, at least 1 (aws:MultiFactorAuthAge is counted in seconds)');
  });

  test('a maxSessionDuration that is a token is skipped', () => {
    // Before: aws-cdk-lib's iam.Role throws "maxSessionDuration is set to -1.88...e+289, but must be >= 3600sec".
    const stack = newStack();
    role(stack, { maxSessionDuration: Duration.seconds(new CfnParameter(stack, 'N', { type: 'Number' }).valueAsNumber) });
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).toContain('"MaxSessionDuration":{"Ref":"N"}');
  });

  test('Trust.service with a token is skipped', () => {
    // Before: "invalid trust[0] ...: service "${Token[TOKEN.n]}" is not a service name".
    const stack = newStack();
    trusting(stack, Trust.service(param(stack)));
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).toContain(`"Service":${REF_P}`);
  });

  test('an IrsaRole service account whose name is a token is skipped', () => {
    // Before: "invalid serviceAccounts [...]: service account name "${Token[TOKEN.n]}" ... must be a lowercase DNS name".
    const stack = newStack();
    new IrsaRole(stack, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: [`payments:${param(stack)}`] });
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).toContain(REF_P);
  });

  test('a GitHub repository that is a token is skipped', () => {
    // Before: "invalid trust[0] ...: repository "${Token[TOKEN.n]}" must be written "owner/name"".
    const stack = newStack();
    trusting(stack, Trust.githubActions({ repository: param(stack), branches: ['main'] }));
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).toContain(REF_P);
  });

  test('an IrsaRole trusting an OIDC provider of the same app has no error-level finding', () => {
    // Before: two PolicyGrammar errors, because the trust condition is a CfnJson ({"Fn::GetAtt": ...})
    // and the trust-policy schema reads "Fn::GetAtt" as a condition operator.
    const stack = newStack();
    const provider = new iam.OidcProviderNative(stack, 'Oidc', { url: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789' });
    new IrsaRole(stack, 'Role', { issuers: [OidcIssuer.fromOpenIdConnectProvider(provider)], serviceAccounts: ['payments:api'] });
    expect(findingMessages(stack, 'PolicyGrammar', 'error')).toEqual([]);
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

  test('CrossAccountRole with an empty organizationId fails instead of dropping the condition', () => {
    // Before: accepted, and the trust policy has no aws:PrincipalOrgID condition at all.
    expect(errorOf(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: [OTHER], organizationId: '' })))
      .toBe('Stack/Role: invalid organizationId "": organization ID "" must match ^o-[a-z0-9]{10,32}$');
  });

  test('Trust.saml in a region without a known sign-in endpoint fails with the usual error format', () => {
    // Before: "Stack/Role: no SAML sign-in endpoint is known for region xx-nowhere-1 (partition undefined); give Trust.saml(..., { audiences: [...] })".
    const stack = newStack({ env: { region: 'xx-nowhere-1' } });
    expect(errorOf(() => trusting(stack, Trust.saml(SAML_PROVIDER)))).toMatch(/^Stack\/Role: invalid trust\[0\] "Trust\.saml\(/);
  });
});
