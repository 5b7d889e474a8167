import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import * as fc from 'fast-check';
import { policy } from './policy-documents';
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
