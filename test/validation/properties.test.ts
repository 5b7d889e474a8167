/**
 * Properties of input validation, over random configurations of every construct kind:
 *
 * (a) a valid configuration never throws and gets no error-level finding;
 * (b) a valid configuration with exactly one field corrupted always throws, and the error
 *     names the construct path and that field (and shows the bad value when it is short).
 *
 * Configurations are plain data (readable in a counterexample) built into constructs by
 * `build`. The generators of valid values follow the IAM, STS, EKS and GitHub rules, written
 * here independently of the library's own checks.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as fc from 'fast-check';
import { errorOf, escapeRegExp } from './validation-support';
import {
  AssumableRole, AssumableRoleProps, BoundedRole, CrossAccountRole, IrsaRole, OidcIssuer, PermissionsBoundary, ServiceRole, Trust,
  TrustRelationship,
} from '../../src';
import { newStack } from '../support/stacks';

const NUM_RUNS = 60;

// ---------------------------------------------------------------------------------------------
// Valid values
// ---------------------------------------------------------------------------------------------

const chars = (text: string) => fc.constantFrom(...text.split(''));
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const ALNUM = LOWER + UPPER + DIGITS;

/** IAM role names: 1-64 of letters, digits and +=,.@_- */
const roleName = fc.string({ unit: chars(`${ALNUM}+=,.@_-`), minLength: 1, maxLength: 64 });

/** IAM paths: "/" or "/seg/.../" with printable ASCII segments (no "/" or space inside a segment). */
const PATH_CHARS = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).filter((c) => c !== '/').join('');
const path = fc.oneof(
  fc.constant('/'),
  fc.array(fc.string({ unit: chars(PATH_CHARS), minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}/`),
);

/** Role descriptions: tab, LF, CR, U+0020-U+007E and U+00A1-U+00FF, at most 1,000. */
const description = fc.string({ unit: chars('\t\n\r aZ09.,;:!?()[]{}<>#$%&*+-=/\\|~^`\'"@_\u00a1\u00e9\u00df\u00ff'), maxLength: 120 });

/** A role's maximum session: whole seconds from 1 to 12 hours. */
const maxSessionSeconds = fc.integer({ min: 3600, max: 43200 });

/** Tags: keys of 1-128 and values of 0-256 letters, digits, spaces and _.:/=+-@; keys not "aws:". */
const TAG_CHARS = `${ALNUM} _.:/=+-@\u00e9\u00df\u65e5`;
const tags = fc.dictionary(
  fc.string({ unit: chars(TAG_CHARS), minLength: 1, maxLength: 40 }).filter((k) => !k.toLowerCase().startsWith('aws:')),
  fc.string({ unit: chars(TAG_CHARS), maxLength: 60 }),
  { maxKeys: 8 },
);

const account = fc.stringMatching(/^\d{12}$/);
const externalId = fc.stringMatching(/^[\w+=,.@:/-]{2,40}$/);
const organizationId = fc.stringMatching(/^o-[a-z0-9]{10,32}$/);
const iamName = fc.stringMatching(/^[\w+=,.@-]{1,30}$/);
const dnsLabel = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const SERVICES = ['lambda', 'ec2', 'ecs-tasks', 'states', 'events', 'glue', 'codebuild', 'lambda.amazonaws.com', 'scheduler.amazonaws.com'];

/** Kubernetes service accounts "namespace:name", some with wildcards. */
const serviceAccount = fc.oneof(
  fc.tuple(dnsLabel, dnsLabel).map(([ns, name]) => `${ns}:${name}`),
  dnsLabel.map((ns) => `${ns}:*`),
  fc.tuple(dnsLabel, dnsLabel).map(([ns, name]) => `${ns}:${name}-?`),
);
const issuerUrl = fc.stringMatching(/^[A-F0-9]{8,32}$/).map((id) => `https://oidc.eks.eu-west-1.amazonaws.com/id/${id}`);
const gitHubRepository = fc.tuple(fc.stringMatching(/^[A-Za-z0-9-]{1,15}$/), fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/)).map(([o, n]) => `${o}/${n}`);
const gitRef = fc.stringMatching(/^[A-Za-z0-9._/-]{1,20}$/);

type TrustSpec =
  | { readonly kind: 'service'; readonly services: string[]; readonly sourceAccount: boolean }
  | { readonly kind: 'account'; readonly accounts: string[]; readonly externalIds: string[]; readonly mfaMinutes?: number }
  | { readonly kind: 'role'; readonly arns: string[]; readonly organizationId?: string }
  | { readonly kind: 'gitHub'; readonly repository: string; readonly branches: string[]; readonly environments: string[]; readonly pullRequests: boolean }
  | { readonly kind: 'eks'; readonly issuerUrl: string; readonly serviceAccounts: string[] }
  | { readonly kind: 'saml'; readonly providerArn: string }
  | { readonly kind: 'podIdentity' };

const trustSpec: fc.Arbitrary<TrustSpec> = fc.oneof(
  fc.record({ kind: fc.constant('service' as const), services: fc.subarray(SERVICES, { minLength: 1, maxLength: 3 }), sourceAccount: fc.boolean() }),
  fc.record({
    kind: fc.constant('account' as const),
    accounts: fc.uniqueArray(account, { minLength: 1, maxLength: 3 }),
    externalIds: fc.uniqueArray(externalId, { maxLength: 2 }),
    mfaMinutes: fc.option(fc.integer({ min: 1, max: 720 }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('role' as const),
    arns: fc.uniqueArray(fc.tuple(account, iamName).map(([a, n]) => `arn:aws:iam::${a}:role/${n}`), { minLength: 1, maxLength: 2 }),
    organizationId: fc.option(organizationId, { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('gitHub' as const),
    repository: gitHubRepository,
    branches: fc.uniqueArray(gitRef, { maxLength: 2 }),
    environments: fc.uniqueArray(gitRef, { maxLength: 1 }),
    pullRequests: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('eks' as const), issuerUrl, serviceAccounts: fc.uniqueArray(serviceAccount, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('saml' as const), providerArn: fc.tuple(account, fc.stringMatching(/^[\w.-]{1,20}$/)).map(([a, n]) => `arn:aws:iam::${a}:saml-provider/${n}`) }),
  fc.constant({ kind: 'podIdentity' as const }),
);

function trustOf(spec: TrustSpec): TrustRelationship {
  switch (spec.kind) {
    case 'service': {
      const t = Trust.services(spec.services);
      return spec.sourceAccount ? t.withSourceAccount() : t;
    }
    case 'account': {
      let t = Trust.accounts(spec.accounts);
      if (spec.externalIds.length > 0) t = t.withExternalIds(spec.externalIds);
      return spec.mfaMinutes === undefined ? t : t.requireMfa(Duration.minutes(spec.mfaMinutes));
    }
    case 'role': {
      const t = Trust.roles(spec.arns);
      return spec.organizationId === undefined ? t : t.withinOrganization(spec.organizationId);
    }
    case 'gitHub':
      return Trust.githubActions({
        repository: spec.repository,
        branches: spec.branches,
        environments: spec.environments,
        pullRequests: spec.pullRequests,
      });
    case 'eks':
      return Trust.eksServiceAccounts(OidcIssuer.fromIssuerUrl(spec.issuerUrl), spec.serviceAccounts);
    case 'saml':
      return Trust.saml(spec.providerArn);
    case 'podIdentity':
      return Trust.eksPodIdentity();
  }
}

/** What every construct accepts. */
interface CommonSpec {
  readonly roleName?: string;
  readonly path?: string;
  readonly description?: string;
  readonly maxSessionSeconds?: number;
  readonly tags?: { [key: string]: string };
  readonly trustPolicySizeQuota?: number;
  readonly managedPoliciesQuota?: number;
  readonly awsManagedPolicyNames?: string[];
  readonly managedPolicyArns?: string[];
  readonly inlinePolicyJson?: { [name: string]: any };
}

const inlinePolicy = fc.record({
  Version: fc.constant('2012-10-17'),
  Statement: fc.array(fc.record({
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: fc.subarray(['s3:GetObject', 's3:List*', 'sqs:SendMessage', 'logs:PutLogEvents', 'kms:Decrypt'], { minLength: 1 }),
    Resource: fc.stringMatching(/^[a-z0-9-]{3,20}$/).map((bucket) => `arn:{partition}:s3:::${bucket}/*`),
  }), { minLength: 1, maxLength: 2 }),
});

const common: fc.Arbitrary<CommonSpec> = fc.record({
  roleName: fc.option(roleName, { nil: undefined }),
  path: fc.option(path, { nil: undefined }),
  description: fc.option(description, { nil: undefined }),
  maxSessionSeconds: fc.option(maxSessionSeconds, { nil: undefined }),
  tags: fc.option(tags, { nil: undefined }),
  trustPolicySizeQuota: fc.option(fc.integer({ min: 2048, max: 4096 }), { nil: undefined }),
  managedPoliciesQuota: fc.option(fc.integer({ min: 10, max: 20 }), { nil: undefined }),
  awsManagedPolicyNames: fc.option(fc.subarray(['ReadOnlyAccess', 'SecurityAudit', 'service-role/AWSLambdaBasicExecutionRole']), { nil: undefined }),
  managedPolicyArns: fc.option(fc.uniqueArray(iamName.map((n) => `arn:{partition}:iam::{account}:policy/${n}`), { maxLength: 2 }), { nil: undefined }),
  // Names of Object.prototype members ("valueOf", "constructor") are rejected today: see the report.
  inlinePolicyJson: fc.option(
    fc.dictionary(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/).filter((n) => !(n in Object.prototype)), inlinePolicy, { minKeys: 1, maxKeys: 2 }),
    { nil: undefined },
  ),
});

/** A permissions boundary by policy name (valid ones are generated) or by ARN (used to corrupt it). */
type BoundarySpec = { readonly name: string } | { readonly arn: string };

type RoleSpec =
  | { readonly construct: 'AssumableRole'; readonly common: CommonSpec; readonly trust: TrustSpec[] }
  | { readonly construct: 'BoundedRole'; readonly common: CommonSpec; readonly trust: TrustSpec[]; readonly boundary: BoundarySpec }
  | {
    readonly construct: 'ServiceRole';
    readonly common: CommonSpec;
    readonly services: string[];
    readonly restrictToSourceAccount: boolean;
    readonly sourceArns: string[];
    readonly instanceProfile: boolean;
  }
  | {
    readonly construct: 'CrossAccountRole';
    readonly common: CommonSpec;
    readonly trustedAccounts: string[];
    readonly trustedRoleArns: string[];
    readonly externalIds: string[];
    readonly requireMfa: boolean;
    readonly organizationId?: string;
    readonly principalArnPatterns: string[];
  }
  | { readonly construct: 'IrsaRole'; readonly common: CommonSpec; readonly issuerUrls: string[]; readonly serviceAccounts: string[] };

const roleSpec: fc.Arbitrary<RoleSpec> = fc.oneof(
  fc.record({ construct: fc.constant('AssumableRole' as const), common, trust: fc.array(trustSpec, { minLength: 1, maxLength: 3 }) }),
  fc.record({
    construct: fc.constant('BoundedRole' as const),
    common,
    trust: fc.array(trustSpec, { minLength: 1, maxLength: 2 }),
    boundary: fc.oneof(iamName, fc.tuple(dnsLabel, iamName).map(([dir, n]) => `${dir}/${n}`)).map((name): BoundarySpec => ({ name })),
  }),
  fc.record({
    construct: fc.constant('ServiceRole' as const),
    common,
    services: fc.subarray(SERVICES, { minLength: 1, maxLength: 3 }),
    restrictToSourceAccount: fc.boolean(),
    sourceArns: fc.uniqueArray(fc.tuple(account, iamName).map(([a, n]) => `arn:{partition}:events:{region}:${a}:rule/${n}`), { maxLength: 2 }),
    instanceProfile: fc.boolean(),
  }).map((spec) => ({ ...spec, instanceProfile: spec.instanceProfile && spec.services.includes('ec2') })),
  fc.record({
    construct: fc.constant('CrossAccountRole' as const),
    common,
    trustedAccounts: fc.uniqueArray(account, { minLength: 1, maxLength: 2 }),
    trustedRoleArns: fc.uniqueArray(fc.tuple(account, iamName).map(([a, n]) => `arn:{partition}:iam::${a}:role/${n}`), { maxLength: 2 }),
    externalIds: fc.uniqueArray(externalId, { maxLength: 2 }),
    requireMfa: fc.boolean(),
    organizationId: fc.option(organizationId, { nil: undefined }),
    principalArnPatterns: fc.uniqueArray(fc.tuple(account, iamName).map(([a, n]) => `arn:aws:iam::${a}:role/${n}*`), { maxLength: 2 }),
  }),
  fc.record({
    construct: fc.constant('IrsaRole' as const),
    common,
    issuerUrls: fc.uniqueArray(issuerUrl, { minLength: 1, maxLength: 2 }),
    serviceAccounts: fc.uniqueArray(serviceAccount, { minLength: 1, maxLength: 3 }),
  }),
);

function commonProps(c: CommonSpec): AssumableRoleProps {
  return {
    roleName: c.roleName,
    path: c.path,
    description: c.description,
    maxSessionDuration: c.maxSessionSeconds === undefined ? undefined : Duration.seconds(c.maxSessionSeconds),
    tags: c.tags,
    trustPolicySizeQuota: c.trustPolicySizeQuota,
    managedPoliciesQuota: c.managedPoliciesQuota,
    awsManagedPolicyNames: c.awsManagedPolicyNames,
    managedPolicyArns: c.managedPolicyArns,
    inlinePolicyJson: c.inlinePolicyJson,
  };
}

/** Builds the role `Role` of `spec` in `stack`. */
function build(spec: RoleSpec, stack: Stack): AssumableRole {
  const props = commonProps(spec.common);
  switch (spec.construct) {
    case 'AssumableRole':
      return new AssumableRole(stack, 'Role', { ...props, trust: spec.trust.map(trustOf) });
    case 'BoundedRole':
      return new BoundedRole(stack, 'Role', {
        ...props,
        trust: spec.trust.map(trustOf),
        permissionsBoundary: 'name' in spec.boundary ? PermissionsBoundary.fromName(spec.boundary.name) : PermissionsBoundary.fromArn(spec.boundary.arn),
      });
    case 'ServiceRole':
      return new ServiceRole(stack, 'Role', {
        ...props,
        services: spec.services,
        restrictToSourceAccount: spec.restrictToSourceAccount,
        sourceArns: spec.sourceArns,
        instanceProfile: spec.instanceProfile,
      });
    case 'CrossAccountRole':
      return new CrossAccountRole(stack, 'Role', {
        ...props,
        trustedAccounts: spec.trustedAccounts,
        trustedRoleArns: spec.trustedRoleArns,
        externalIds: spec.externalIds,
        requireMfa: spec.requireMfa,
        organizationId: spec.organizationId,
        principalArnPatterns: spec.principalArnPatterns,
      });
    case 'IrsaRole':
      return new IrsaRole(stack, 'Role', { ...props, issuers: spec.issuerUrls.map((u) => OidcIssuer.fromIssuerUrl(u)), serviceAccounts: spec.serviceAccounts });
  }
}

/** Env-agnostic, or a concrete account and region (a different partition for SAML, own-account checks). */
const stackEnv = fc.constantFrom<{ account?: string; region?: string } | undefined>(
  undefined, { account: '123456789012', region: 'eu-west-1' }, { region: 'cn-north-1' }, { region: 'us-gov-west-1' },
);

// ---------------------------------------------------------------------------------------------
// Corruptions: one field, one value outside its rule
// ---------------------------------------------------------------------------------------------

/** A field to corrupt, the value put there, and the field name the error must show. */
interface Corruption {
  /** The field as the error names it, e.g. `roleName`, `trust[1]`, `managedPolicyArns[0]`. */
  readonly field: string;
  readonly value: unknown;
  readonly apply: (spec: RoleSpec) => RoleSpec;
}

/** Any string (all of Unicode, lone surrogates included) that fails `valid`. */
function anyStringBut(valid: (s: string) => boolean, maxLength: number = 80): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme-ascii', maxLength }),
  ).filter((s) => !valid(s));
}

/** A string of valid characters made invalid by one inserted character from `bad`. */
function withBadChar(valid: fc.Arbitrary<string>, bad: string): fc.Arbitrary<string> {
  return fc.tuple(valid, chars(bad), fc.nat()).map(([s, c, at]) => {
    const i = s.length === 0 ? 0 : at % (s.length + 1);
    return s.slice(0, i) + c + s.slice(i);
  });
}

const isRoleName = (s: string) => /^[\w+=,.@-]{1,64}$/.test(s);
const isPath = (s: string) => s === '/' || (s.length <= 512 && /^\/[\x21-\x7e]+\/$/.test(s) && !s.includes('//'));
const isDescription = (s: string) => s.length <= 1000 && /^[\t\n\r\x20-\x7e\xa1-\xff]*$/.test(s);
const isTagPart = (s: string) => /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(s);
const isAccount = (s: string) => /^\d{12}$/.test(s) || s === '{account}';
const isServiceName = (s: string) => /^[a-z0-9][a-z0-9.-]*$/.test(s);
const isExternalId = (s: string) => /^[\w+=,.@:/-]{2,1224}$/.test(s);
const isOrganizationId = (s: string) => /^o-[a-z0-9]{10,32}$/.test(s);
const isPolicyArn = (s: string) => /^arn:[^:]+:iam::[^:]*:policy\/[\w+=,.@/-]+$/.test(s);
const isServiceAccount = (s: string) => /^[a-z0-9*?]([a-z0-9*?-]{0,61}[a-z0-9*?])?:[a-z0-9*?]([a-z0-9.*?-]{0,251}[a-z0-9*?])?$/.test(s);
const isIssuerHost = (s: string) => /^[a-z0-9.-]+(\/[\w./-]*)?$/i.test(s.replace(/^https:\/\//, '').replace(/\/$/, ''));

const withCommon = (patch: Partial<CommonSpec>) => (spec: RoleSpec): RoleSpec => ({ ...spec, common: { ...spec.common, ...patch } } as RoleSpec);

/** Corruptions of the props every construct has. */
function commonCorruptions(spec: RoleSpec): fc.Arbitrary<Corruption>[] {
  const field = (name: string, value: unknown, patch: Partial<CommonSpec>): Corruption => ({ field: name, value, apply: withCommon(patch) });
  const notInteger = (min: number, max: number) => fc.double({ min, max, noNaN: true }).filter((x) => !Number.isInteger(x));
  return [
    fc.oneof(
      fc.string({ unit: chars(`${ALNUM}_`), minLength: 65, maxLength: 100 }),
      withBadChar(fc.string({ unit: chars(ALNUM), maxLength: 30 }), ' !#$%&*()/:;<>?[]{}|~^"\'\\\u00e9\u65e5\t'),
      anyStringBut(isRoleName),
    ).map((v) => field('roleName', v, { roleName: v })),
    fc.oneof(
      fc.stringMatching(/^[a-z]{1,20}$/).map((s) => `/${s}`),
      fc.stringMatching(/^[a-z]{1,20}$/).map((s) => `${s}/`),
      fc.stringMatching(/^[a-z]{1,10}$/).map((s) => `/${s}//${s}/`),
      fc.stringMatching(/^[a-z]{1,10}$/).map((s) => `/${s} ${s}/`),
      fc.constant(`/${'p'.repeat(600)}/`),
      anyStringBut(isPath),
    ).map((v) => field('path', v, { path: v })),
    fc.oneof(
      fc.string({ unit: chars('abc '), minLength: 1001, maxLength: 1100 }),
      withBadChar(description, '\u0000\u0007\u007f\u0080\u00a0\u0100\u2028\u20ac\u{1f600}'),
      anyStringBut(isDescription),
    ).map((v) => field('description', v, { description: v })),
    fc.oneof(fc.integer({ min: 0, max: 3599 }), fc.integer({ min: 43201, max: 10_000_000 }))
      .map((v) => field('maxSessionDuration', v, { maxSessionSeconds: v })),
    fc.oneof(
      fc.tuple(fc.constantFrom('aws:', 'AWS:', 'Aws:'), fc.string({ unit: chars(ALNUM), maxLength: 20 })).map(([p, k]) => ({ [p + k]: 'v' })),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((k) => !isTagPart(k)).map((k) => ({ [k]: 'v' })),
      fc.string({ unit: chars(ALNUM), minLength: 129, maxLength: 160 }).map((k) => ({ [k]: 'v' })),
      fc.string({ unit: 'binary', maxLength: 30 }).filter((v) => !isTagPart(v)).map((v) => ({ team: v })),
      fc.string({ unit: chars(ALNUM), minLength: 257, maxLength: 300 }).map((v) => ({ team: v })),
      fc.dictionary(fc.stringMatching(/^k[a-z0-9]{1,8}$/), fc.constant('v'), { minKeys: 51, maxKeys: 60 }),
    ).map((bad) => {
      const merged = { ...(spec.common.tags ?? {}), ...bad };
      return field('tags', bad, { tags: merged });
    }),
    fc.oneof(fc.integer({ min: -100_000, max: 2047 }), fc.integer({ min: 4097, max: 1_000_000 }), notInteger(2048, 4096))
      .map((v) => field('trustPolicySizeQuota', v, { trustPolicySizeQuota: v })),
    fc.oneof(fc.integer({ min: -1000, max: 9 }), fc.integer({ min: 21, max: 100_000 }), notInteger(10, 20))
      .map((v) => field('managedPoliciesQuota', v, { managedPoliciesQuota: v })),
    anyStringBut(isPolicyArn).map((v) => {
      const arns = [...(spec.common.managedPolicyArns ?? []), v];
      return field(`managedPolicyArns[${arns.length - 1}]`, v, { managedPolicyArns: arns });
    }),
  ];
}

/** Corruptions of the props of the construct kind of `spec`. */
function kindCorruptions(spec: RoleSpec): fc.Arbitrary<Corruption>[] {
  const set = (name: string, value: unknown, patch: object): Corruption => ({ field: name, value, apply: (s) => ({ ...s, ...patch } as RoleSpec) });
  switch (spec.construct) {
    case 'AssumableRole':
    case 'BoundedRole': {
      const badTrust = anyStringBut(isAccount, 30)
        .map((a) => set(`trust[${spec.trust.length}]`, a, { trust: [...spec.trust, { kind: 'account', accounts: [a], externalIds: [] }] }));
      if (spec.construct === 'AssumableRole') return [badTrust];
      return [badTrust, anyStringBut(isPolicyArn).map((arn) => set('permissionsBoundary', arn, { boundary: { arn } }))];
    }
    case 'ServiceRole':
      return [
        anyStringBut(isServiceName, 30).map((v) => set('services', v, { services: [...spec.services, v] })),
        anyStringBut((s) => s.startsWith('arn:')).map((v) => set('sourceArns', v, { sourceArns: [...spec.sourceArns, v] })),
      ];
    case 'CrossAccountRole':
      return [
        anyStringBut(isAccount, 30).map((v) => set('trustedAccounts', v, { trustedAccounts: [...spec.trustedAccounts, v] })),
        anyStringBut(isExternalId, 30).map((v) => set('externalIds', [...spec.externalIds, v], { externalIds: [...spec.externalIds, v] })),
        // An empty organizationId is falsy and ignored: see the report.
        anyStringBut((s) => s === '' || isOrganizationId(s), 40).map((v) => set('organizationId', v, { organizationId: v })),
      ];
    case 'IrsaRole':
      return [
        anyStringBut(isServiceAccount, 40).map((v) => set('serviceAccounts', [...spec.serviceAccounts, v], { serviceAccounts: [...spec.serviceAccounts, v] })),
        anyStringBut(isIssuerHost, 40).map((v) => set(`issuers[${spec.issuerUrls.length}]`, v, { issuerUrls: [...spec.issuerUrls, v] })),
      ];
  }
}

const corrupted = roleSpec.chain((spec) => fc.oneof(...commonCorruptions(spec), ...kindCorruptions(spec)).map((c) => ({ spec, corruption: c })));

/** The JSON of a string value, as the error shows it, when it is short enough not to be cut. */
function shownValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const json = JSON.stringify(value);
  return json.length <= 150 ? json : undefined;
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('properties of validation', () => {
  test('(a) valid configurations of every construct never throw and get no error-level finding', () => {
    fc.assert(fc.property(roleSpec, stackEnv, (spec, env) => {
      const stack = newStack(env ? { env } : {});
      const role = build(spec, stack);
      expect(role.node.path).toBe('Stack/Role');
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::IAM::Role', 1);
      Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
    }), { numRuns: NUM_RUNS });
  });

  test('(b) one corrupted field always throws an error naming the path and that field', () => {
    fc.assert(fc.property(corrupted, ({ spec, corruption }) => {
      const bad = corruption.apply(spec);
      const stack = newStack();
      // Construction or synth: both are where a user learns of the mistake.
      const message = errorOf(() => {
        build(bad, stack);
        Template.fromStack(stack);
      });
      expect(message).toMatch(new RegExp(`^Stack/Role: invalid ${escapeRegExp(corruption.field)} `));
      const shown = shownValue(corruption.value);
      if (shown !== undefined) {
        expect(message).toContain(shown);
      }
    }), { numRuns: NUM_RUNS });
  });

  test('(b) corrupting a field of a valid configuration changes it from accepted to rejected', () => {
    // The same valid configuration, uncorrupted, builds: the error of (b) is caused by the corruption.
    fc.assert(fc.property(corrupted, ({ spec }) => {
      const stack = newStack();
      expect(() => {
        build(spec, stack);
        Template.fromStack(stack);
      }).not.toThrow();
    }), { numRuns: 25 });
  });
});
