import { Token } from 'aws-cdk-lib';
import { matches, POLICY_NAME, ROLE_DESCRIPTION, ROLE_LIMITS, ROLE_NAME, ROLE_PATH, TAG_KEY, TAG_VALUE } from '../private/rules';

/**
 * IAM's limits on roles, from the IAM API reference and the IAM quotas page. Each check is
 * a pure function returning the broken rule, or `undefined`; values that are CDK tokens are
 * skipped (they are only known at deploy time). The rules themselves are those of
 * `private/rules` (shared with the catalog schema); these functions say in detail which part
 * of a rule a value breaks.
 */
export const LIMITS = {
  roleNameMax: 64,
  pathMax: ROLE_PATH.maxLength!,
  descriptionMax: ROLE_DESCRIPTION.maxLength!,
  minSessionSeconds: ROLE_LIMITS.minSessionSeconds,
  maxSessionSeconds: ROLE_LIMITS.maxSessionSeconds,
  policyNameMax: 128,
  tagsMax: ROLE_LIMITS.tagsMax,
  tagKeyMax: 128,
  tagValueMax: 256,
  trustPolicyDefaultQuota: 2048,
  trustPolicyMaxQuota: 4096,
  inlinePoliciesTotal: 10240,
  managedPoliciesDefaultQuota: 10,
  managedPoliciesMaxQuota: 20,
};

export function roleNameRule(name: string): string | undefined {
  if (Token.isUnresolved(name)) return undefined;
  if (name.length < 1 || name.length > LIMITS.roleNameMax) {
    return `must be 1-${LIMITS.roleNameMax} characters (it has ${name.length})`;
  }
  if (matches(ROLE_NAME, name)) return undefined;
  const bad = [...name].filter((c) => !matches(ROLE_NAME, c));
  return bad.length ? `may contain only letters, digits and +=,.@_- (found ${[...new Set(bad)].map((c) => JSON.stringify(c)).join(', ')})` : undefined;
}

export function pathRule(path: string): string | undefined {
  if (Token.isUnresolved(path)) return undefined;
  if (path.length < 1 || path.length > LIMITS.pathMax) {
    return `must be 1-${LIMITS.pathMax} characters (it has ${path.length})`;
  }
  if (path === '/') return undefined;
  if (!path.startsWith('/') || !path.endsWith('/')) {
    return 'must be "/" or begin and end with "/", e.g. "/service-roles/"';
  }
  return matches(ROLE_PATH, path)
    ? undefined
    : 'may contain only printable ASCII characters without spaces between its slashes, and no empty segment ("//")';
}

export function descriptionRule(description: string): string | undefined {
  if (Token.isUnresolved(description)) return undefined;
  if (description.length > LIMITS.descriptionMax) {
    return `must be at most ${LIMITS.descriptionMax} characters (it has ${description.length})`;
  }
  if (matches(ROLE_DESCRIPTION, description)) return undefined;
  const bad = [...description].find((c) => !matches(ROLE_DESCRIPTION, c));
  return bad ? `may contain only tab, LF, CR and the characters U+0020-U+007E and U+00A1-U+00FF (found ${JSON.stringify(bad)})` : undefined;
}

/** An inline policy's name (PolicyName of AWS::IAM::Role Policies): 1-128 of `[\w+=,.@-]`. */
export function policyNameRule(name: string): string | undefined {
  if (Token.isUnresolved(name)) return undefined;
  if (name.length < 1 || name.length > LIMITS.policyNameMax) {
    return `an inline policy name must be 1-${LIMITS.policyNameMax} characters (it has ${name.length})`;
  }
  if (matches(POLICY_NAME, name)) return undefined;
  const bad = [...name].find((c) => !matches(POLICY_NAME, c));
  return bad ? `an inline policy name may contain only letters, digits and +=,.@_- (found ${JSON.stringify(bad)})` : undefined;
}

export function maxSessionRule(seconds: number): string | undefined {
  if (Token.isUnresolved(seconds)) return undefined;
  if (!Number.isInteger(seconds)) {
    return `must be a whole number of seconds (it is ${seconds}), between ${LIMITS.minSessionSeconds} and ${LIMITS.maxSessionSeconds}`;
  }
  if (seconds < LIMITS.minSessionSeconds || seconds > LIMITS.maxSessionSeconds) {
    return `must be between 1 hour and 12 hours (${LIMITS.minSessionSeconds}-${LIMITS.maxSessionSeconds} seconds, it is ${seconds}); 900 seconds is the minimum of one session's DurationSeconds, not of a role's maximum`;
  }
  return undefined;
}

export function tagRules(tags: { [key: string]: string }): string[] {
  const problems: string[] = [];
  const keys = Object.keys(tags);
  if (keys.length > LIMITS.tagsMax) {
    problems.push(`a role has at most ${LIMITS.tagsMax} tags (${keys.length} given)`);
  }
  for (const key of keys) {
    const value = tags[key];
    const reserved = key.toLowerCase().startsWith('aws:');
    // The key rule includes the reserved prefix; a reserved key with valid characters gets the one message that applies.
    if (!Token.isUnresolved(key) && !matches(TAG_KEY, key) && !(reserved && matches(TAG_KEY, `xxx${key.slice(3)}`))) {
      problems.push(`tag key ${JSON.stringify(key)} must be 1-${LIMITS.tagKeyMax} letters, digits, spaces and _.:/=+-@`);
    }
    if (reserved) {
      problems.push(`tag key ${JSON.stringify(key)} uses the prefix "aws:", which is reserved for AWS`);
    }
    if (!Token.isUnresolved(value) && !matches(TAG_VALUE, value)) {
      problems.push(`tag value ${JSON.stringify(value)} of ${JSON.stringify(key)} must be 0-${LIMITS.tagValueMax} letters, digits, spaces and _.:/=+-@`);
    }
  }
  return problems;
}

export function quotaRule(value: number, min: number, max: number, what: string): string | undefined {
  if (!Number.isInteger(value) || value < min || value > max) {
    return `the ${what} quota is ${min} by default and can be raised to at most ${max} (given ${value})`;
  }
  return undefined;
}

/**
 * The size IAM counts for a policy: its JSON without whitespace. Values only known at deploy
 * time are estimated at their longest (partition `aws-us-gov`, 12-digit account, the longest
 * region name), so an estimate that passes is safe.
 */
export function policySize(resolved: unknown): number {
  const known = resolved && typeof resolved === 'object' ? SIZES.get(resolved) : undefined;
  if (known !== undefined) return known;
  const size = sizeOf(resolved, false);
  if (resolved && typeof resolved === 'object') SIZES.set(resolved, size);
  return size;
}

/** Sizes by document: the size limits and the near-quota check measure the same resolved trust policy. */
const SIZES = new WeakMap<object, number>();

/**
 * Whitespace that JSON.stringify leaves as it is inside strings (it escapes tab, LF, CR, VT and FF):
 * what `\s` matches in JSON text.
 */
const RAW_WHITESPACE = /[ \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/** Characters JSON.stringify escapes (quote, backslash, control characters, lone surrogates). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Characters of a string in JSON, without whitespace. */
function stringSize(text: string): number {
  // Most strings need no escape: their JSON is the text and two quotes (no string is built).
  const json = ESCAPED.test(text) ? JSON.stringify(text).length : text.length + 2;
  RAW_WHITESPACE.lastIndex = 0;
  return RAW_WHITESPACE.test(text) ? json - (text.match(RAW_WHITESPACE)?.length ?? 0) : json;
}

/**
 * The length of `JSON.stringify(estimate(value))` without whitespace, counted without building
 * either (the checks measure every role's trust policy). `inArray`: undefined is `null` there.
 */
function sizeOf(value: any, inArray: boolean): number {
  if (typeof value === 'string') return stringSize(value);
  if (Array.isArray(value)) {
    let size = 2 + Math.max(0, value.length - 1);
    for (let i = 0; i < value.length; i++) size += sizeOf(value[i], true);
    return size;
  }
  if (value && typeof value === 'object') {
    if (soleIntrinsicKey(value) !== undefined) {
      const estimated = estimate(value);
      return typeof estimated === 'string' ? stringSize(estimated) : sizeOf(estimated, inArray);
    }
    // Own keys by for...in (as Object.keys lists them, in its order), with no list of keys made.
    let size = 2;
    let members = 0;
    for (const key in value) {
      if (!hasOwn.call(value, key)) continue;
      const v = value[key];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      size += stringSize(key) + 1 + sizeOf(v, false);
      members++;
    }
    return size + Math.max(0, members - 1);
  }
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return inArray ? 4 : 0;
  return (JSON.stringify(value) ?? '').length;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `Ref` or `Fn::...` when it is the object's only own key (a CloudFormation intrinsic), else undefined. */
function soleIntrinsicKey(value: object): string | undefined {
  let sole: string | undefined;
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    if (sole !== undefined) return undefined;
    sole = key;
  }
  return sole !== undefined && (sole === 'Ref' || sole.startsWith('Fn::')) ? sole : undefined;
}

const PSEUDO_LONGEST: Record<string, string> = {
  'AWS::Partition': 'aws-us-gov',
  'AWS::AccountId': '123456789012',
  'AWS::Region': 'ap-southeast-5x',
  'AWS::URLSuffix': 'amazonaws.com.cn',
  'AWS::StackName': 'x'.repeat(128),
};

function estimate(value: any): any {
  if (Array.isArray(value)) return value.map(estimate);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Ref') {
      return PSEUDO_LONGEST[value.Ref] ?? 'x'.repeat(64);
    }
    if (keys.length === 1 && keys[0] === 'Fn::Join') {
      const [sep, parts] = value['Fn::Join'];
      return Array.isArray(parts) ? parts.map((p: any) => { const e = estimate(p); return typeof e === 'string' ? e : JSON.stringify(e); }).join(sep) : 'x'.repeat(128);
    }
    if (keys.length === 1 && keys[0].startsWith('Fn::')) {
      // GetAtt of a role ARN, ImportValue, Select...: assume a long ARN.
      return 'x'.repeat(128);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, estimate(v)]));
  }
  return value;
}
