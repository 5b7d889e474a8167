/**
 * src/validation/schema-conformance.ts decides whether a document conforms to the policy grammar
 * exactly as ajv does: the policy check runs ajv only when this pass says no, so any document it
 * accepts and ajv rejects would be a fault no one is told about.
 */
import Ajv from 'ajv';
import * as fc from 'fast-check';
import { policy } from './policy-documents';
import { PolicyKind } from '../../src/policy-kind';
import * as generated from '../../src/validation/policy-grammar.generated';
import { policySchema } from '../../src/validation/policy-schema';
import { conformanceCheck } from '../../src/validation/schema-conformance';

const KINDS = [PolicyKind.TRUST, PolicyKind.IDENTITY];

/** ajv compiling `schema` as the build does (all errors, verbose), in this process. */
function ajvCheck(schema: object): (value: unknown) => boolean {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
  ajv.addKeyword({ keyword: 'x-rule', schemaType: 'string' });
  const validate = ajv.compile(schema);
  return (value) => validate(value);
}

/** Every path to a value inside `value` (the root is `[]`). */
function pathsOf(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...at, i])));
  if (value && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...at, k])));
  return here;
}

/** `value` with the value at `path` replaced (copied; `value` is not changed). */
function replaced(value: unknown, path: Array<string | number>, by: unknown): unknown {
  if (path.length === 0) return by;
  const [step, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[step] = replaced(copy[step], rest, by);
  return copy;
}

/** Keys that are names of `Object.prototype` members, as JSON.parse makes them (own properties). */
const prototypeKeyed = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')
  .chain((key) => fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(v)}}`)));

/** CloudFormation intrinsics, well formed or not (none, one or several keys). */
const intrinsicLike = fc.dictionary(fc.constantFrom('Ref', 'Fn::Join', 'Fn::GetAtt', 'Fn::Sub', 'Fn:Bad', 'ref'),
  fc.constantFrom<unknown>('x', ['', ['a', 'b']], 1), { minKeys: 0, maxKeys: 3 });

/** Strings at the edges of the grammar's patterns. */
const edgeString = fc.constantFrom('*', '**', 's3:GetObject', 's3:', ':Get', 's3:Get Object', '111122223333', '11112222333',
  'arn:aws:iam::111122223333:root', 'ARN:aws', 'x${Token[A.1]}', 'StringEquals', 'Null', 'NullIfExists', 'ForAnyValue:StringLike',
  'Allow', 'allow', '2012-10-17', 'Sid1', 'Sid 1', '', '\u2028', 'ü');

/** A grammar document with one of its values (or its root) replaced by another value. */
const mutated = (kind: PolicyKind) => fc.tuple(policy(kind),
  fc.oneof(fc.jsonValue({ maxDepth: 2 }), prototypeKeyed, intrinsicLike, edgeString, fc.array(fc.oneof(intrinsicLike, edgeString), { maxLength: 2 })),
  fc.nat())
  .map(([document, by, n]) => {
    const paths = pathsOf(document);
    return replaced(document, paths[n % paths.length], by);
  });

describe('conformanceCheck', () => {
  test.each(KINDS)('decides every generated %s policy as ajv does, at build time and at run time', (kind) => {
    const ours = conformanceCheck(policySchema(kind));
    const runtime = ajvCheck(policySchema(kind));
    const buildTime = generated[kind];
    let valid = 0;
    fc.assert(fc.property(fc.oneof(policy(kind), mutated(kind)), (document) => {
      const expected = runtime(document);
      valid += expected ? 1 : 0;
      expect(buildTime(document)).toBe(expected);
      expect(ours(document)).toBe(expected);
    }), { numRuns: 3000, seed: 14 });
    // Both outcomes, many times each.
    expect(valid).toBeGreaterThan(300);
    expect(valid).toBeLessThan(2700);
  });

  test.each(KINDS)('decides any JSON value as a %s policy as ajv does', (kind) => {
    const ours = conformanceCheck(policySchema(kind));
    const runtime = ajvCheck(policySchema(kind));
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
      expect(ours(value)).toBe(runtime(value));
    }), { numRuns: 1000, seed: 14 });
  });

  test('accepts the trust policy the constructs write and rejects a misspelled operator', () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] };
    const check = conformanceCheck(policySchema(PolicyKind.TRUST));
    expect(check(trust)).toBe(true);
    expect(check({ ...trust, Statement: [{ ...trust.Statement[0], Condition: { StringEqual: { 'sts:ExternalId': 'x' } } }] })).toBe(false);
    // One statement as an object, not a list, is valid too; an empty list is not.
    expect(check({ ...trust, Statement: trust.Statement[0] })).toBe(true);
    expect(check({ ...trust, Statement: [] })).toBe(false);
  });

  test('reads patterns as ajv does, with the u flag (one emoji is one character)', () => {
    const schema = { type: 'string', pattern: '^.$' };
    expect(conformanceCheck(schema)('😀')).toBe(true);
    expect(ajvCheck(schema)('😀')).toBe(true);
    expect(conformanceCheck(schema)('ab')).toBe(false);
  });

  test('throws on a keyword it does not decide, so a grammar that uses one is not half checked', () => {
    expect(() => conformanceCheck({ type: 'string', maxLength: 3 })).toThrow(/keyword "maxLength" is not supported/);
    expect(() => conformanceCheck({ properties: { A: { $ref: '#/definitions/a' } } })).toThrow(/keyword "\$ref" is not supported/);
    expect(() => conformanceCheck({ type: 'integer' })).toThrow(/type "integer" is not supported/);
    expect(() => conformanceCheck({ enum: [{ a: 1 }] })).toThrow(/only enums of strings/);
  });
});
