import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import * as fc from 'fast-check';
import { POLICY_VALIDATORS_FILE, policyValidatorsSource } from '../../scripts/policy-validators-source';
import { PolicyKind } from '../../src/policy-kind';
import * as generated from '../../src/validation/policy-grammar.generated';
import { policySchema } from '../../src/validation/policy-schema';

const ROOT = path.join(__dirname, '..', '..');

/** The grammar compiled the way it was before build-time generation: by ajv, in this process. */
function compiledAtRuntime(kind: PolicyKind) {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
  ajv.addKeyword({ keyword: 'x-rule', schemaType: 'string' });
  return ajv.compile(policySchema(kind));
}

/** What matters of ajv's errors: where, which rule, which sentence. */
function errorsOf(validate: { (d: unknown): boolean; errors?: any[] | null }, document: unknown) {
  const valid = validate(document);
  return {
    valid,
    errors: (validate.errors ?? []).map((e) => [e.instancePath, e.keyword, e.parentSchema?.['x-rule'], JSON.stringify(e.data)]),
  };
}

/** Mostly what IAM accepts, sometimes not: each part is valid about nine times in ten. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: invalid });
const bad = fc.constantFrom<unknown>('not an arn', '', { Bad: 1 }, {}, 12, true, null, []);
const oneOrMany = (valid: fc.Arbitrary<unknown>) => mostly(fc.oneof(valid, fc.array(valid, { minLength: 1, maxLength: 3 })), bad);
const action = mostly(fc.constantFrom('*', 's3:GetObject', 'sts:AssumeRole', 'sts:TagSession', { Ref: 'Action' }), bad);
const principal = mostly(fc.constantFrom('*', '111122223333', 'arn:aws:iam::111122223333:root', { 'Fn::GetAtt': ['R', 'Arn'] }), bad);
const resource = mostly(fc.constantFrom('*', 'arn:aws:s3:::b/*', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::b']] }), bad);
const condition = mostly(
  fc.dictionary(mostly(fc.constantFrom('StringEquals', 'StringLikeIfExists', 'ForAnyValue:StringLike', 'Bool', 'Null'), fc.constant('StringEqual')),
    fc.dictionary(fc.constantFrom('aws:SourceAccount', 'sts:ExternalId'), oneOrMany(fc.constantFrom('x', 1, true, { Ref: 'P' }))), { minKeys: 1, maxKeys: 2 }),
  bad);
const statement = (kind: PolicyKind) => fc.record<Record<string, unknown>>({
  Sid: mostly(fc.constantFrom('S1', 'Read'), fc.constantFrom('bad sid', 3)),
  Effect: mostly(fc.constantFrom('Allow', 'Deny'), fc.constant('allow')),
  Action: oneOrMany(action),
  ...(kind === PolicyKind.TRUST
    ? { Principal: mostly(fc.oneof(fc.constant('*'), fc.record({ AWS: oneOrMany(principal), Service: oneOrMany(fc.constant('lambda.amazonaws.com')) }, { requiredKeys: [] })), bad) }
    : { Resource: oneOrMany(resource) }),
  Condition: condition,
} as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: ['Effect', 'Action', kind === PolicyKind.TRUST ? 'Principal' : 'Resource'] });
const policy = (kind: PolicyKind) => fc.record({
  Version: mostly(fc.constant('2012-10-17'), fc.constant('2020-01-01')),
  Statement: fc.oneof(statement(kind), fc.array(statement(kind), { minLength: 1, maxLength: 3 })),
}, { requiredKeys: ['Statement'] });

describe('src/validation/policy-grammar.generated.ts', () => {
  test('is the grammar of src/validation/policy-schema.ts as ajv generates it now', () => {
    const committed = fs.readFileSync(path.join(ROOT, POLICY_VALIDATORS_FILE), 'utf-8');
    // When this fails, run `npx projen schema:policy` (every build runs it) and commit the file.
    expect(committed).toBe(policyValidatorsSource());
  });

  test.each([PolicyKind.TRUST, PolicyKind.IDENTITY])('decides and explains every %s policy as a runtime compile of the schema does', (kind) => {
    const runtime = compiledAtRuntime(kind);
    const buildTime = generated[kind];
    let invalid = 0;
    fc.assert(fc.property(policy(kind), (document) => {
      const expected = errorsOf(runtime, document);
      invalid += expected.valid ? 0 : 1;
      expect(errorsOf(buildTime, document)).toEqual(expected);
    }), { numRuns: 400, seed: 14 });
    // The generated documents exercise both outcomes.
    expect(invalid).toBeGreaterThan(0);
    expect(invalid).toBeLessThan(400);
  });

  test('accepts a trust policy the constructs write and rejects a misspelled operator at its path', () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] };
    expect(generated.trust(trust)).toBe(true);
    const misspelled = { ...trust, Statement: [{ ...trust.Statement[0], Condition: { StringEqual: { 'sts:ExternalId': 'x' } } }] };
    expect(generated.trust(misspelled)).toBe(false);
    expect((generated.trust as unknown as { errors?: Array<{ instancePath: string }> }).errors?.map((e) => e.instancePath)).toContain('/Statement/0/Condition');
  });
});
