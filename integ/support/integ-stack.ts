/**
 * Shared scaffolding of the integration tests (`integ/integ.*.ts`).
 *
 * Each integ test is one app with one env-agnostic stack. The assertions live in that same
 * stack, so that:
 * - the snapshot holds one template per test, and the whole of it (roles and assertions) is
 *   compared by `npx projen integ`;
 * - with `stackUpdateWorkflow: false`, integ-runner drops the stack's assets from the
 *   snapshot, including the 2 MB bundle of the assertion provider's Lambda.
 *
 * integ-tests-alpha gives every assertion a `salt` property set to `Date.now()`, so that it
 * re-runs on every stack update. That would put a timestamp in the snapshot and make every
 * snapshot check fail, so `integTestCase` replaces it with a fixed value. integ-runner deploys
 * a fresh stack for every run and destroys it afterwards (`stackUpdateWorkflow: false`), so the
 * assertions still run on every real test run; CloudFormation also re-runs an assertion
 * whenever one of its properties (call, parameters, expected result) changes.
 */
import { ExpectedResult, IApiCall, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Aspects, Aws, CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The value that replaces the `Date.now()` salt of every assertion. */
export const STABLE_SALT = 'stable-snapshot';

/** One integration test: its app, its stack under test and the `IntegTest` that runs it. */
export interface IntegTestCase {
  readonly app: App;
  readonly stack: Stack;
  readonly integ: IntegTest;
}

/**
 * Creates the app, the stack (named `stackName`, env-agnostic) and the `IntegTest` of one
 * integration test. Call `app.synth()` at the end of the test file.
 *
 * @param stackName the CloudFormation stack name, also the construct ID of the stack
 * @param description what the test checks, set as the stack description
 */
export function integTestCase(stackName: string, description: string): IntegTestCase {
  const app = new App();
  const stack = new Stack(app, stackName, { stackName, description: `cdk-assumable-roles integ test: ${description}` });
  const integ = new IntegTest(app, `${stackName}Test`, {
    testCases: [stack],
    assertionStack: stack,
    stackUpdateWorkflow: false,
  });
  Aspects.of(stack).add(new StableAssertionSalt());
  return { app, stack, integ };
}

/** Replaces the `Date.now()` salt of integ-tests-alpha's custom resources. */
class StableAssertionSalt implements IAspect {
  public visit(node: IConstruct): void {
    if (node instanceof CfnResource && node.cfnResourceType.startsWith('Custom::DeployAssert@')) {
      node.addPropertyOverride('salt', STABLE_SALT);
    }
  }
}

/**
 * Grants the assertion provider (and its waiter, if any) an IAM statement, e.g. the
 * `sts:AssumeRole` a role requires from its callers.
 *
 * @param call the API call whose Lambda needs the permission
 * @param statement the statement, as JSON (e.g. `PolicyStatement.toStatementJson()`)
 */
export function grantProvider(call: IApiCall, statement: any): void {
  call.provider.addToRolePolicy(statement);
  const waiter = (call as { waiterProvider?: IApiCall['provider'] }).waiterProvider;
  waiter?.addToRolePolicy(statement);
}

/** What `getRole` should report about a role. */
export interface ExpectedRole {
  /** The IAM path, e.g. `/integ/`. */
  readonly path: string;
  /** `MaxSessionDuration`, in seconds. */
  readonly maxSessionDurationSeconds: number;
  /** One tag the role must carry. */
  readonly tag: { key: string; value: string };
  /** The role description. */
  readonly description?: string;
  /** The ARN of the permissions boundary, when the role has one. */
  readonly permissionsBoundaryArn?: string;
  /** Fragments the trust policy must contain (see `trustFragment`). */
  readonly trustPolicy: string[];
}

/**
 * Asserts what IAM `GetRole` returns for the role: path, maximum session duration, a tag,
 * the description, the permissions boundary and fragments of the trust policy.
 *
 * IAM returns `AssumeRolePolicyDocument` URL-encoded (RFC 3986), and the AWS SDK for
 * JavaScript v3 used by the assertion Lambda does not decode it, so the trust policy is
 * matched with a regular expression built by `trustPolicyMatcher`. (Elements of `arrayWith`
 * are matched exactly unless wrapped in `objectLike`, hence the `objectLike`s below.)
 *
 * @param test the integ test
 * @param roleName the role's name (a token is fine)
 * @param expected what the role should look like
 */
export function expectRole(test: IntegTestCase, roleName: string, expected: ExpectedRole): IApiCall {
  const role: Record<string, unknown> = {
    RoleName: roleName,
    Path: expected.path,
    MaxSessionDuration: expected.maxSessionDurationSeconds,
    Tags: Match.arrayWith([Match.objectLike({ Key: expected.tag.key, Value: expected.tag.value })]),
    AssumeRolePolicyDocument: trustPolicyMatcher(expected.trustPolicy),
  };
  if (expected.description !== undefined) {
    role.Description = expected.description;
  }
  if (expected.permissionsBoundaryArn !== undefined) {
    role.PermissionsBoundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: expected.permissionsBoundaryArn };
  }
  return test.integ.assertions
    .awsApiCall('IAM', 'getRole', { RoleName: roleName })
    .expect(ExpectedResult.objectLike({ Role: role }));
}

/**
 * Asserts that the role has these managed policies attached (`ListAttachedRolePolicies`).
 * IAM does not document the order of the list, so there is one call per policy.
 *
 * @param test the integ test
 * @param roleName the role's name
 * @param policies the attached policies: name and ARN
 */
export function expectAttachedPolicies(test: IntegTestCase, roleName: string, policies: { name: string; arn: string }[]): IApiCall[] {
  return policies.map((policy) => test.integ.assertions
    .awsApiCall('IAM', 'listAttachedRolePolicies', { RoleName: roleName })
    .expect(ExpectedResult.objectLike({
      AttachedPolicies: Match.arrayWith([Match.objectLike({ PolicyName: policy.name, PolicyArn: policy.arn })]),
    })));
}

/**
 * Asserts the exact list of inline policy names of the role (`ListRolePolicies`, which IAM
 * returns sorted by name).
 *
 * @param test the integ test
 * @param roleName the role's name
 * @param names the inline policy names
 */
export function expectInlinePolicies(test: IntegTestCase, roleName: string, names: string[]): IApiCall {
  return test.integ.assertions
    .awsApiCall('IAM', 'listRolePolicies', { RoleName: roleName })
    .expect(ExpectedResult.objectLike({ PolicyNames: [...names].sort() }));
}

/**
 * The ARN of an AWS managed policy in the stack's partition.
 *
 * @param name e.g. `service-role/AWSLambdaBasicExecutionRole`
 */
export function awsManagedPolicyArn(name: string): string {
  return `arn:${Aws.PARTITION}:iam::aws:policy/${name}`;
}

// ---------------------------------------------------------------------------------------
// Matching a URL-encoded trust policy
// ---------------------------------------------------------------------------------------

/** JSON whitespace, raw or percent-encoded (`+` in case of form encoding). */
const WS = '(?:%20|%0[9ADad]|\\+|\\s)*';

/** CDK token markers inside strings; they are kept as they are in a pattern. */
const TOKEN_MARKER = /\$\{Token\[[^\]]+\]\}/g;

/**
 * One character of a literal as a regular expression that accepts it raw or
 * percent-encoded in either case: `:` becomes `(?:%3[Aa]|:)`.
 */
function charPattern(c: string): string {
  if (/[A-Za-z0-9_~-]/.test(c)) {
    return c;
  }
  const code = c.charCodeAt(0);
  if (code > 0x7f) {
    throw new Error(`trust policy fragments must be ASCII, got ${JSON.stringify(c)}`);
  }
  const hex = code.toString(16).toUpperCase().padStart(2, '0');
  const encoded = /[A-F]/.test(hex[1]) ? `%${hex[0]}[${hex[1]}${hex[1].toLowerCase()}]` : `%${hex}`;
  return `(?:${encoded}|\\${c})`;
}

/**
 * A literal string as a pattern. Token markers are kept unescaped: the values CDK tokens
 * resolve to here (partition, account ID) consist of characters that are the same raw,
 * encoded and in a regular expression.
 */
function literalPattern(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN_MARKER)) {
    out += [...text.slice(last, match.index)].map(charPattern).join('') + match[0];
    last = match.index! + match[0].length;
  }
  return out + [...text.slice(last)].map(charPattern).join('');
}

/** A JSON string literal `"text"`. */
function jsonString(text: string): string {
  return `${charPattern('"')}${literalPattern(text)}${charPattern('"')}`;
}

/** `"key": "value"` or `"key": ["value", ...]`. */
function jsonPair(key: string, value: string): string {
  return `${jsonString(key)}${WS}${charPattern(':')}${WS}(?:${charPattern('[')}${WS})?${jsonString(value)}`;
}

/**
 * A trust policy fragment: `"key": "value"` (or a list starting with the value), either at
 * any depth, or, with `within`, inside the object held by the key `within` (e.g. a condition
 * operator or `Principal`), whatever the order of that object's keys.
 *
 * @param key the JSON key, e.g. `sts:ExternalId`
 * @param value the string value; may contain CDK tokens of partition and account
 * @param within the key of the enclosing object, e.g. `StringEquals`
 */
export function trustFragment(key: string, value: string, within?: string): string {
  if (!within) {
    return jsonPair(key, value);
  }
  const notClosingBrace = '(?:(?!%7[Dd]|\\})[\\s\\S])*?';
  return `${jsonString(within)}${WS}${charPattern(':')}${WS}${charPattern('{')}${notClosingBrace}${jsonPair(key, value)}`;
}

/**
 * A matcher for a trust policy as IAM returns it: URL-encoded JSON (a raw JSON document also
 * matches). Every fragment must occur, in any order.
 *
 * @param fragments made with `trustFragment`
 */
export function trustPolicyMatcher(fragments: string[]): { [key: string]: string } {
  if (fragments.length === 0) {
    throw new Error('give at least one trust policy fragment');
  }
  return Match.stringLikeRegexp(`^${fragments.map((f) => `(?=[\\s\\S]*${f})`).join('')}`);
}
