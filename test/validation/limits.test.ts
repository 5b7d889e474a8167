import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as fc from 'fast-check';
import { cfnRoleOf, errorOf, expectFinding, expectNoFinding, inlinePoliciesSize, roleWithTrustSize } from './validation-support';
import { AssumableRole, AssumableRoleProps, CrossAccountRole, PolicyJson, PolicyKind, Trust } from '../../src';
import {
  descriptionRule, LIMITS, maxSessionRule, pathRule, policySize, quotaRule, roleNameRule, tagRules,
} from '../../src/validation/limits';
import { lazyNumber, lazyString, newStack, stringParameter } from '../support/stacks';

const LAMBDA = Trust.service('lambda');

/** A role with `Trust.service('lambda')` and the given props in a fresh stack. */
function role(props: AssumableRoleProps = {}, stack: Stack = newStack()): AssumableRole {
  return new AssumableRole(stack, 'Role', { trust: [LAMBDA], ...props });
}

/** The message of the error thrown when building a role with `props`. */
function roleError(props: AssumableRoleProps): string {
  return errorOf(() => role(props));
}

/** Builds the role and synthesizes its stack. */
function synthesized(props: AssumableRoleProps): AssumableRole {
  const r = role(props);
  Template.fromStack(r.stack);
  return r;
}

describe('the limits table', () => {
  test('holds the numbers of the IAM quotas page and API reference', () => {
    expect(LIMITS).toEqual({
      roleNameMax: 64,
      pathMax: 512,
      descriptionMax: 1000,
      minSessionSeconds: 3600,
      maxSessionSeconds: 43200,
      policyNameMax: 128,
      tagsMax: 50,
      tagKeyMax: 128,
      tagValueMax: 256,
      trustPolicyDefaultQuota: 2048,
      trustPolicyMaxQuota: 4096,
      inlinePoliciesTotal: 10240,
      managedPoliciesDefaultQuota: 10,
      managedPoliciesMaxQuota: 20,
    });
  });
});

describe('roleName', () => {
  test('64 characters pass, 65 throw with path, field, value and rule', () => {
    expect(synthesized({ roleName: 'a'.repeat(64) }).node.path).toBe('Stack/Role');
    expect(roleError({ roleName: 'a'.repeat(65) }))
      .toBe(`Stack/Role: invalid roleName "${'a'.repeat(65)}": must be 1-64 characters (it has 65)`);
  });

  test('an empty name throws', () => {
    expect(roleError({ roleName: '' })).toBe('Stack/Role: invalid roleName "": must be 1-64 characters (it has 0)');
  });

  test('every allowed character passes', () => {
    expect(() => synthesized({ roleName: 'Az09+=,.@_-' })).not.toThrow();
  });

  test.each([
    ['a space', 'my role', '" "'],
    ['a slash', 'team/role', '"/"'],
    ['a colon', 'team:role', '":"'],
    ['a non-ASCII letter', 'rôle', '"ô"'],
  ])('%s throws and names the character', (_what, name, shown) => {
    expect(roleError({ roleName: name }))
      .toBe(`Stack/Role: invalid roleName ${JSON.stringify(name)}: may contain only letters, digits and +=,.@_- (found ${shown})`);
  });

  test('each bad character is named once', () => {
    expect(roleError({ roleName: 'a b c!' })).toContain('(found " ", "!")');
  });

  test('a Lazy token is skipped without a crash', () => {
    const r = synthesized({ roleName: lazyString('x'.repeat(100)) });
    expect(Template.fromStack(r.stack).toJSON().Resources).toBeDefined();
  });

  test('a CfnParameter is skipped without a crash', () => {
    const stack = newStack();
    role({ roleName: stringParameter(stack, 'Name') }, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { RoleName: { Ref: 'Name' } });
  });
});

describe('path', () => {
  test.each([
    ['"/"', '/'],
    ['one segment', '/service-roles/'],
    ['nested segments', '/teams/platform/'],
    ['printable ASCII punctuation', '/a!"#$%&\'()*+,-.:;<=>?@[\\]^_`{|}~/'],
    ['512 characters', `/${'p'.repeat(510)}/`],
  ])('%s passes', (_what, path) => {
    expect(path.length).toBeLessThanOrEqual(512);
    expect(() => synthesized({ path })).not.toThrow();
  });

  test('513 characters throw', () => {
    const path = `/${'p'.repeat(511)}/`;
    expect(roleError({ path })).toMatch(/^Stack\/Role: invalid path "\/p+\.\.\.: must be 1-512 characters \(it has 513\)$/);
  });

  test('an empty path throws', () => {
    expect(roleError({ path: '' })).toBe('Stack/Role: invalid path "": must be 1-512 characters (it has 0)');
  });

  test.each([
    ['no leading slash', 'service-roles/'],
    ['no trailing slash', '/service-roles'],
    ['no slash at all', 'service-roles'],
  ])('%s throws', (_what, path) => {
    expect(roleError({ path }))
      .toBe(`Stack/Role: invalid path ${JSON.stringify(path)}: must be "/" or begin and end with "/", e.g. "/service-roles/"`);
  });

  test.each([
    ['an empty segment', '/a//b/'],
    ['"//" alone', '//'],
    ['a space', '/my roles/'],
    ['a tab', '/a\tb/'],
    ['a non-ASCII character', '/équipe/'],
    ['DEL', '/a\u007Fb/'],
  ])('%s throws', (_what, path) => {
    expect(roleError({ path })).toBe(`Stack/Role: invalid path ${JSON.stringify(path)}: `
      + 'may contain only printable ASCII characters without spaces between its slashes, and no empty segment ("//")');
  });

  test('a CfnParameter is skipped without a crash', () => {
    const stack = newStack();
    role({ path: stringParameter(stack, 'RolePath') }, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { Path: { Ref: 'RolePath' } });
  });
});

describe('description', () => {
  test('1000 characters pass, 1001 throw', () => {
    expect(() => synthesized({ description: 'd'.repeat(1000) })).not.toThrow();
    expect(roleError({ description: 'd'.repeat(1001) }))
      .toMatch(/^Stack\/Role: invalid description "d+\.\.\.: must be at most 1000 characters \(it has 1001\)$/);
  });

  test('tab, LF, CR, ASCII and Latin-1 letters pass', () => {
    expect(() => synthesized({ description: 'Rôle für\tdas Team\r\nçà ÿ ¡' })).not.toThrow();
  });

  test.each([
    ['an emoji', 'deploys \u{1F680}', '"\u{1F680}"'],
    ['U+2028', 'line\u2028separator', '"\u2028"'],
    ['a C0 control character', 'bell\u0007', '"\\u0007"'],
    ['a C1 control character', 'nel\u0085', '"\u0085"'],
    ['a CJK character', '役割', '"役"'],
  ])('%s throws and names the character', (_what, description, shown) => {
    expect(roleError({ description })).toBe(`Stack/Role: invalid description ${JSON.stringify(description)}: `
      + `may contain only tab, LF, CR and the characters U+0020-U+007E and U+00A1-U+00FF (found ${shown})`);
  });

  test('a CfnParameter is skipped without a crash', () => {
    const stack = newStack();
    role({ description: stringParameter(stack, 'Description') }, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { Description: { Ref: 'Description' } });
  });
});

describe('maxSessionDuration', () => {
  test.each([
    ['1 hour', Duration.seconds(3600)],
    ['12 hours', Duration.seconds(43200)],
    ['Duration.hours(12)', Duration.hours(12)],
  ])('%s passes', (_what, maxSessionDuration) => {
    const r = synthesized({ maxSessionDuration });
    Template.fromStack(r.stack).hasResourceProperties('AWS::IAM::Role', { MaxSessionDuration: maxSessionDuration.toSeconds() });
  });

  test.each([
    ['3599 seconds', Duration.seconds(3599), 3599],
    ['43201 seconds', Duration.seconds(43201), 43201],
    ['15 minutes', Duration.minutes(15), 900],
    ['13 hours', Duration.hours(13), 46800],
  ])('%s throws, explaining that 900 s is a session minimum', (_what, maxSessionDuration, seconds) => {
    expect(roleError({ maxSessionDuration })).toBe(`Stack/Role: invalid maxSessionDuration ${JSON.stringify(maxSessionDuration.toHumanString())}: `
      + `must be between 1 hour and 12 hours (3600-43200 seconds, it is ${seconds}); `
      + "900 seconds is the minimum of one session's DurationSeconds, not of a role's maximum");
  });
});

describe('tags', () => {
  const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`key${i}`, `value${i}`]));

  test('50 tags pass and are all applied', () => {
    const r = synthesized({ tags: tags(50) });
    const resource = Object.values(Template.fromStack(r.stack).findResources('AWS::IAM::Role'))[0] as any;
    expect(resource.Properties.Tags).toHaveLength(50);
  });

  test('51 tags throw', () => {
    const message = roleError({ tags: tags(51) });
    expect(message).toMatch(/^Stack\/Role: invalid tags \{"key0":"value0",/);
    expect(message).toMatch(/: a role has at most 50 tags \(51 given\)$/);
  });

  test('a key of 128 characters passes, 129 throws', () => {
    expect(() => synthesized({ tags: { ['k'.repeat(128)]: 'v' } })).not.toThrow();
    expect(roleError({ tags: { ['k'.repeat(129)]: 'v' } }))
      .toContain(`: tag key "${'k'.repeat(129)}" must be 1-128 letters, digits, spaces and _.:/=+-@`);
  });

  test('a value of 256 characters passes, 257 throws', () => {
    expect(() => synthesized({ tags: { team: 'v'.repeat(256) } })).not.toThrow();
    expect(roleError({ tags: { team: 'v'.repeat(257) } }))
      .toContain(`: tag value "${'v'.repeat(257)}" of "team" must be 0-256 letters, digits, spaces and _.:/=+-@`);
  });

  test('an empty value passes, an empty key throws', () => {
    expect(() => synthesized({ tags: { team: '' } })).not.toThrow();
    expect(roleError({ tags: { '': 'v' } })).toBe('Stack/Role: invalid tags {"":"v"}: tag key "" must be 1-128 letters, digits, spaces and _.:/=+-@');
  });

  test('letters of any script, digits, spaces and _.:/=+-@ pass', () => {
    expect(() => synthesized({ tags: { 'Équipe dévelopement_1.2:3/4=5+6-7@8': 'チーム 42' } })).not.toThrow();
  });

  test.each([
    ['a key with "#"', { 'team#1': 'v' }, 'tag key "team#1" must be 1-128 letters'],
    ['a key with "*"', { 'team*': 'v' }, 'tag key "team*" must be 1-128 letters'],
    ['a value with "<"', { team: 'a<b' }, 'tag value "a<b" of "team" must be 0-256 letters'],
    ['a value with a comma', { team: 'a,b' }, 'tag value "a,b" of "team" must be 0-256 letters'],
  ])('%s throws', (_what, bad, rule) => {
    const message = roleError({ tags: bad });
    expect(message).toBe(`Stack/Role: invalid tags ${JSON.stringify(bad)}: ${rule}, digits, spaces and _.:/=+-@`);
  });

  test.each(['aws:team', 'AWS:team', 'Aws:cost-center'])('the reserved prefix of %s throws', (key) => {
    expect(roleError({ tags: { [key]: 'v' } }))
      .toBe(`Stack/Role: invalid tags {${JSON.stringify(key)}:"v"}: tag key ${JSON.stringify(key)} uses the prefix "aws:", which is reserved for AWS`);
  });

  test('every problem of the tags is listed', () => {
    const message = roleError({ tags: { 'aws:a': 'v', 'b#': 'x>' } });
    expect(message).toContain('tag key "aws:a" uses the prefix "aws:"');
    expect(message).toContain('tag key "b#" must be');
    expect(message).toContain('tag value "x>" of "b#" must be');
  });

  test('a token value is skipped without a crash', () => {
    const stack = newStack();
    role({ tags: { owner: stringParameter(stack, 'Owner') } }, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { Tags: [{ Key: 'owner', Value: { Ref: 'Owner' } }] });
  });
});

describe('ExternalId', () => {
  const ACCOUNT = '111122223333';
  const trustWith = (externalId: string) => role({ trust: [Trust.account(ACCOUNT).withExternalId(externalId)] });

  test.each([
    ['2 characters', 'ab'],
    ['1224 characters', 'e'.repeat(1224)],
    ['every allowed character', 'aZ09_+=,.@:/-'],
  ])('%s pass, in a trust value and in CrossAccountRole.externalIds', (_what, externalId) => {
    const r = trustWith(externalId);
    Template.fromStack(r.stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Condition: { StringEquals: { 'sts:ExternalId': externalId } } }] },
    });
    const stack = newStack();
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [ACCOUNT], externalIds: [externalId] });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test.each([
    ['1 character', 'a'],
    ['1225 characters', 'e'.repeat(1225)],
    ['a space', 'partner 1'],
    ['"#"', 'partner#1'],
    ['"*"', 'partner-*'],
    ['a non-ASCII letter', 'partnér'],
  ])('%s throw, naming the trust value and the ExternalId', (_what, externalId) => {
    const rule = `ExternalId ${JSON.stringify(externalId)} must be 2-1,224 characters of letters, digits and +=,.@:/-_ (sts:ExternalId)`;
    expect(errorOf(() => trustWith(externalId)))
      .toBe(`Stack/Role: invalid trust[0] "Trust.accounts(arn:{partition}:iam::${ACCOUNT}:root)": ${rule}`);
    expect(errorOf(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: [ACCOUNT], externalIds: [externalId] })))
      .toContain(`Stack/Role: invalid externalIds [${JSON.stringify(externalId).slice(0, 150)}`);
    expect(errorOf(() => new CrossAccountRole(newStack(), 'Role', { trustedAccounts: [ACCOUNT], externalIds: [externalId] })))
      .toContain(`: ${rule}`);
  });

  test('a CfnParameter is skipped without a crash', () => {
    const stack = newStack();
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [ACCOUNT], externalIds: [stringParameter(stack, 'ExternalId')] });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } } }] },
    });
  });
});

describe('trust policy size', () => {
  const tooLarge = (size: number, quota: number) => new RegExp(`Stack/Role: invalid trust policy of about ${size} characters `
    + `\\(counted without whitespace, deploy-time values at their longest\\): IAM allows ${quota} \\(trustPolicySizeQuota\\); `
    + 'merge principals that share conditions, or raise the quota in Service Quotas \\(up to 4096\\) and set trustPolicySizeQuota');

  test('is counted as JSON without whitespace, with deploy-time values at their longest', () => {
    expect(policySize({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }))
      .toBe('{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}'.length);
    expect(policySize({ a: 'x y z' })).toBe('{"a":"xyz"}'.length);
    expect(policySize({ a: 'x\ty' })).toBe('{"a":"x\\ty"}'.length);
    expect(policySize({ a: { Ref: 'AWS::Partition' } })).toBe('{"a":"aws-us-gov"}'.length);
    expect(policySize({ a: { Ref: 'AWS::AccountId' } })).toBe('{"a":"123456789012"}'.length);
    expect(policySize({ a: { Ref: 'SomeParameter' } })).toBe(`{"a":"${'x'.repeat(64)}"}`.length);
    expect(policySize({ a: { 'Fn::GetAtt': ['Role', 'Arn'] } })).toBe(`{"a":"${'x'.repeat(128)}"}`.length);
    expect(policySize({ a: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111122223333:root']] } }))
      .toBe('{"a":"arn:aws-us-gov:iam::111122223333:root"}'.length);
  });

  test('counts what the JSON text of the estimate counts, without building it (property)', () => {
    // The definition, as policySize computed it before it counted without building the text.
    const longest: Record<string, string> = { 'AWS::Partition': 'aws-us-gov', 'AWS::AccountId': '123456789012' };
    const estimate = (value: any): any => {
      if (Array.isArray(value)) return value.map(estimate);
      if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length === 1 && keys[0] === 'Ref') return longest[value.Ref] ?? 'x'.repeat(64);
        if (keys.length === 1 && keys[0] === 'Fn::Join') {
          const [sep, parts] = value['Fn::Join'];
          return Array.isArray(parts) ? parts.map((p: any) => { const e = estimate(p); return typeof e === 'string' ? e : JSON.stringify(e); }).join(sep) : 'x'.repeat(128);
        }
        if (keys.length === 1 && keys[0].startsWith('Fn::')) return 'x'.repeat(128);
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, estimate(v)]));
      }
      return value;
    };
    const reference = (value: unknown) => (JSON.stringify(estimate(value)) ?? '').replace(/\s/g, '').length;
    const text = fc.string({ unit: 'binary', maxLength: 6 });
    const intrinsic = fc.oneof(
      fc.constantFrom({ Ref: 'AWS::Partition' }, { Ref: 'AWS::AccountId' }, { Ref: 'P' }, { 'Fn::GetAtt': ['R', 'Arn'] }, { 'Fn::ImportValue': 'x' }),
      fc.tuple(fc.constantFrom('', ':', ' '), fc.array(fc.oneof(text, fc.constant({ Ref: 'AWS::Partition' }), fc.constant({ a: 1 })), { maxLength: 3 }))
        .map(([sep, parts]) => ({ 'Fn::Join': [sep, parts] })),
    );
    const leaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), intrinsic);
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(text, tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(fc.property(value, (v) => {
      expect(policySize(v)).toBe(reference(v));
    }), { numRuns: 1000, seed: 14 });
  });

  test('2048 characters pass at synth, 2049 fail naming the path, the size and the quota', () => {
    expect(() => Template.fromStack(roleWithTrustSize(2048).stack)).not.toThrow();
    expect(() => Template.fromStack(roleWithTrustSize(2049).stack)).toThrow(tooLarge(2049, 2048));
  });

  test('trustPolicySizeQuota 4096 allows 4096 characters, not 4097', () => {
    expect(() => Template.fromStack(roleWithTrustSize(4096, { trustPolicySizeQuota: 4096 }).stack)).not.toThrow();
    expect(() => Template.fromStack(roleWithTrustSize(4097, { trustPolicySizeQuota: 4096 }).stack)).toThrow(tooLarge(4097, 4096));
  });

  test('a raised quota in between is honoured too', () => {
    expect(() => Template.fromStack(roleWithTrustSize(3000, { trustPolicySizeQuota: 3000 }).stack)).not.toThrow();
    expect(() => Template.fromStack(roleWithTrustSize(3001, { trustPolicySizeQuota: 3000 }).stack)).toThrow(tooLarge(3001, 3000));
  });

  test.each([2047, 4097, 0, 2048.5])('trustPolicySizeQuota %d is rejected at construction', (quota) => {
    expect(roleError({ trustPolicySizeQuota: quota })).toBe(`Stack/Role: invalid trustPolicySizeQuota ${quota}: `
      + `the trust policy size quota is 2048 by default and can be raised to at most 4096 (given ${quota})`);
  });

  test('trustPolicySizeQuota 2048 and 4096 are accepted', () => {
    expect(() => synthesized({ trustPolicySizeQuota: 2048 })).not.toThrow();
    expect(() => synthesized({ trustPolicySizeQuota: 4096 })).not.toThrow();
  });

  test('statements added to assumeRolePolicy directly count too', () => {
    const addStatement = (r: AssumableRole) => r.role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new iam.ArnPrincipal('arn:aws:iam::444455556666:role/extra')],
      actions: ['sts:AssumeRole'],
      conditions: { StringEquals: { 'sts:ExternalId': 'extra-statement' } },
    }));
    const fits = roleWithTrustSize(2048, {}, addStatement);
    expect(Template.fromStack(fits.stack).toJSON().Resources.Role1ABCC5F0.Properties.AssumeRolePolicyDocument.Statement).toHaveLength(2);
    expect(() => Template.fromStack(roleWithTrustSize(2049, {}, addStatement).stack)).toThrow(tooLarge(2049, 2048));
  });
});

describe('aggregate inline policy size', () => {
  const statement = (resources: string[]) => new iam.PolicyStatement({ actions: ['s3:GetObject'], resources });
  const buckets = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::${prefix}-${String(i).padStart(4, '0')}/*`);

  /** A role with two inline policies whose sizes add up to exactly `size`. */
  function roleWithInlineSize(size: number): AssumableRole {
    const build = (pad: number) => role({
      inlinePolicies: {
        First: new iam.PolicyDocument({ statements: [statement(buckets('first', 170))] }),
        Second: new iam.PolicyDocument({ statements: [statement([...buckets('second', 160), `arn:aws:s3:::${'b'.repeat(pad)}/*`])] }),
      },
    });
    const pad = 1 + size - inlinePoliciesSize(build(1));
    expect(pad).toBeGreaterThanOrEqual(1);
    const r = build(pad);
    expect(inlinePoliciesSize(r)).toBe(size);
    return r;
  }

  test('10240 characters in total pass, 10241 fail at synth', () => {
    expect(() => Template.fromStack(roleWithInlineSize(10240).stack)).not.toThrow();
    expect(() => Template.fromStack(roleWithInlineSize(10241).stack))
      .toThrow('Stack/Role: invalid inline policies of about 10241 characters in total: IAM allows 10240 per role; '
        + 'move statements into managed policies (managedPolicies), each up to 6,144 characters');
  });

  test('policies given as JSON count too', () => {
    const resources = buckets('json', 400);
    const r = role({ inlinePolicyJson: { Big: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resources }] } } });
    expect(inlinePoliciesSize(r)).toBeGreaterThan(10240);
    expect(() => Template.fromStack(r.stack)).toThrow(`Stack/Role: invalid inline policies of about ${inlinePoliciesSize(r)} characters in total`);
  });
});

describe('managed policies attached', () => {
  const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::111122223333:policy/policy-${i}`);
  const tooMany = (n: number, quota: number) => `Stack/Role: invalid managedPolicyArns with ${n} policies: IAM attaches at most ${quota} `
    + '(managedPoliciesQuota) to a role; combine policies, or raise the quota in Service Quotas (up to 20) and set managedPoliciesQuota';

  test('10 pass by default, 11 fail at synth', () => {
    expect(() => synthesized({ managedPolicyArns: arns(10) })).not.toThrow();
    const r = role({ managedPolicyArns: arns(11) });
    expect(() => Template.fromStack(r.stack)).toThrow(tooMany(11, 10));
  });

  test('policies from managedPolicies, managedPolicyArns and awsManagedPolicyNames add up', () => {
    const stack = newStack();
    const own = new iam.ManagedPolicy(stack, 'Own', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] });
    role({ managedPolicies: [own], managedPolicyArns: arns(5), awsManagedPolicyNames: ['ReadOnlyAccess', 'SecurityAudit', 'AWSSupportAccess', 'ViewOnlyAccess', 'job-function/Billing'] }, stack);
    expect(() => Template.fromStack(stack)).toThrow(tooMany(11, 10));
  });

  test('policies attached after construction count too', () => {
    const r = role({ managedPolicyArns: arns(10) });
    r.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'));
    expect(() => Template.fromStack(r.stack)).toThrow(tooMany(11, 10));
  });

  test('managedPoliciesQuota 20 allows 20, not 21', () => {
    expect(() => synthesized({ managedPolicyArns: arns(20), managedPoliciesQuota: 20 })).not.toThrow();
    const r = role({ managedPolicyArns: arns(21), managedPoliciesQuota: 20 });
    expect(() => Template.fromStack(r.stack)).toThrow(tooMany(21, 20));
  });

  test.each([9, 21, 10.5])('managedPoliciesQuota %d is rejected at construction', (quota) => {
    expect(roleError({ managedPoliciesQuota: quota })).toBe(`Stack/Role: invalid managedPoliciesQuota ${quota}: `
      + `the managed policies per role quota is 10 by default and can be raised to at most 20 (given ${quota})`);
  });
});

describe('policy document characters', () => {
  const withResource = (resource: string) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }],
  });

  test('U+2028 in a Resource is reported with its JSON path', () => {
    expect(PolicyJson.validate(withResource('arn:aws:s3:::bucket/\u2028'), PolicyKind.IDENTITY)).toEqual([
      '$.Statement[0].Resource: character "\u2028" (U+2028) is not allowed in IAM policies (only tab, LF, CR and U+0020-U+00FF)',
    ]);
  });

  test('Latin-1 characters, tab, LF and CR are allowed', () => {
    expect(PolicyJson.validate(withResource('arn:aws:s3:::bücket/ÿ\t\n\r'), PolicyKind.IDENTITY)).toEqual([]);
  });

  test.each([
    ['U+0100', '\u0100'],
    ['an emoji', '\u{1F600}'],
    ['a C0 control character', '\u0001'],
    ['backspace (JSON escapes it as \\b)', '\b'],
    ['form feed (JSON escapes it as \\f)', '\f'],
    ['a lone surrogate (JSON escapes it as \\ud800)', '\ud800'],
  ])('%s is rejected', (_what, c) => {
    expect(PolicyJson.validate(withResource(`arn:aws:s3:::b/${c}`), PolicyKind.IDENTITY)[0])
      .toMatch(/^\$\.Statement\[0\]\.Resource: character .* \(U\+[0-9A-F]{4,5}\) is not allowed in IAM policies/);
  });

  test('a character is reported exactly when IAM rejects it, whatever the rest of the text (property)', () => {
    const allowed = (c: string) => /[\t\n\r\u0020-\u00FF]/.test(c);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('', '\\', '\\b', 'b'), (text, prefix) => {
      const problems = PolicyJson.validate(withResource(`arn:aws:s3:::b/${prefix}${text}`), PolicyKind.IDENTITY);
      const firstBad = [...text].find((c) => !allowed(c));
      expect(problems).toEqual(firstBad === undefined ? [] : [expect.stringContaining(`character ${JSON.stringify(firstBad)}`)]);
    }), { numRuns: 300, seed: 14 });
  });

  test('U+2028 in a condition key is reported at the key', () => {
    const doc = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:\u2028': 'x' } } }] };
    expect(PolicyJson.validate(doc, PolicyKind.IDENTITY)).toEqual([
      '$.Statement[0].Condition.StringEquals key: character "\u2028" (U+2028) is not allowed in IAM policies (only tab, LF, CR and U+0020-U+00FF)',
    ]);
  });

  test('U+2028 in inlinePolicyJson throws at construction, naming the path and the policy', () => {
    expect(roleError({ inlinePolicyJson: { Reports: withResource('arn:aws:s3:::reports/\u2028') } }))
      .toMatch(/^Stack\/Role: invalid inlinePolicyJson\.Reports [\s\S]*: policy JSON is not a valid IAM identity policy: \$\.Statement\[0\]\.Resource: character "\u2028" \(U\+2028\)/);
  });

  test('U+2028 in an iam.PolicyDocument is a PolicyGrammar error at synth', () => {
    const r = role({
      inlinePolicies: { Reports: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/\u2028'] })] }) },
    });
    expectFinding(r.stack, 'PolicyGrammar', 'error');
  });

  test('a clean iam.PolicyDocument has no PolicyGrammar error', () => {
    const r = role({
      inlinePolicies: { Reports: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] })] }) },
    });
    expectNoFinding(r.stack, 'PolicyGrammar', 'error');
  });
});

describe('the rule functions', () => {
  test('return undefined for valid values and for tokens', () => {
    const token = lazyString('');
    expect(roleNameRule('a'.repeat(64))).toBeUndefined();
    expect(roleNameRule(token)).toBeUndefined();
    expect(pathRule('/')).toBeUndefined();
    expect(pathRule(token)).toBeUndefined();
    expect(descriptionRule('')).toBeUndefined();
    expect(descriptionRule(token)).toBeUndefined();
    expect(maxSessionRule(3600)).toBeUndefined();
    expect(maxSessionRule(lazyNumber(1))).toBeUndefined();
    expect(tagRules({ [token]: token })).toEqual([]);
    expect(quotaRule(10, 10, 20, 'x')).toBeUndefined();
  });

  test('reject fractional session durations', () => {
    expect(maxSessionRule(3600.5)).toContain('it is 3600.5');
  });

  test('the role resource gets the limits checked values unchanged', () => {
    const r = synthesized({ roleName: 'n'.repeat(64), path: `/${'p'.repeat(510)}/`, description: 'd'.repeat(1000) });
    const cfn = cfnRoleOf(r);
    expect(r.stack.resolve(cfn.roleName)).toBe('n'.repeat(64));
    expect(r.stack.resolve(cfn.path)).toHaveLength(512);
    expect(r.stack.resolve(cfn.description)).toHaveLength(1000);
  });
});
