/**
 * src/private/json-content.ts: content equality, its hash and copies, as the checks' shared
 * findings rely on them (equal content, same JSON text; same hash for equal content).
 */
import * as fc from 'fast-check';
import { contentCopy, contentHash, sameContent } from '../../src/private/json-content';

/** JSON values, and pairs of them that are often equal (a value and its copy through JSON text). */
const json = fc.jsonValue({ maxDepth: 4 });
const pair = fc.oneof(
  fc.tuple(json, json),
  json.map((v) => [v, JSON.parse(JSON.stringify(v))] as [unknown, unknown]),
);

describe('sameContent and contentHash', () => {
  test('values with equal content have the same JSON text and the same hash', () => {
    let equal = 0;
    fc.assert(fc.property(pair, ([a, b]) => {
      if (!sameContent(a, b)) return;
      equal++;
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(contentHash(a)).toBe(contentHash(b));
    }), { numRuns: 2000, seed: 14 });
    expect(equal).toBeGreaterThan(500);
  });

  test('values read from the same JSON text have equal content', () => {
    fc.assert(fc.property(json, (v) => {
      const text = JSON.stringify(v);
      expect(sameContent(JSON.parse(text), JSON.parse(text))).toBe(true);
    }), { numRuns: 1000, seed: 14 });
  });

  test('tells apart what JSON text tells apart: key order, types, lengths, nesting', () => {
    expect(sameContent({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameContent({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameContent({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameContent([1], ['1'])).toBe(false);
    expect(sameContent([1], { 0: 1 })).toBe(false);
    expect(sameContent([[1]], [1])).toBe(false);
    expect(sameContent('', null)).toBe(false);
    expect(sameContent({ Statement: [{ Effect: 'Allow' }] }, { Statement: [{ Effect: 'Allow' }] })).toBe(true);
    expect(contentHash([1])).not.toBe(contentHash(['1']));
    expect(contentHash({ a: [] })).not.toBe(contentHash({ a: {} }));
  });

  test('is stricter than JSON text where JSON text loses something (undefined, -0), never looser', () => {
    expect(sameContent({ a: undefined }, {})).toBe(false);
    expect(sameContent([-0], [0])).toBe(false);
    expect(sameContent(NaN, NaN)).toBe(true);
    expect(contentHash(-0)).toBe(contentHash(-0));
  });

  test('compares other objects (not arrays or object literals) by identity', () => {
    const date = new Date(0);
    expect(sameContent(date, date)).toBe(true);
    expect(sameContent(new Date(0), new Date(0))).toBe(false);
    const f = () => 1;
    expect(sameContent({ f }, { f })).toBe(true);
    expect(sameContent({ f }, { f: () => 1 })).toBe(false);
  });
});

describe('contentCopy', () => {
  test('copies arrays and object literals, so later changes to the value do not reach the copy', () => {
    fc.assert(fc.property(json, (v) => {
      const copy = contentCopy(v);
      expect(sameContent(copy, v)).toBe(true);
      if (v && typeof v === 'object') expect(copy).not.toBe(v);
    }), { numRuns: 500, seed: 14 });
    const document = { Statement: [{ Condition: { StringEquals: { 'sts:ExternalId': 'a' } } }] };
    const copy = contentCopy(document);
    // As CDK merges a property override into a resolved value.
    document.Statement[0].Condition.StringEquals['sts:ExternalId'] = 'b';
    expect(copy.Statement[0].Condition.StringEquals['sts:ExternalId']).toBe('a');
  });

  test('keeps objects without a prototype without one, and other objects as they are', () => {
    const bare = Object.assign(Object.create(null), { a: 1 });
    expect(Object.getPrototypeOf(contentCopy(bare))).toBeNull();
    const date = new Date(0);
    expect(contentCopy({ date }).date).toBe(date);
  });
});
