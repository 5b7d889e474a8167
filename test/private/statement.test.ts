import * as fc from 'fast-check';
import { addCondition, Conditions } from '../../src/private/statement';

/**
 * `addCondition` copies blocks with Object.assign (faster than spreads in V8), which would treat
 * keys such as `__proto__` as the prototype. These properties compare it with a model built on
 * `Map`, where every key is an ordinary key, for any operators, keys and values.
 */

/** Keys that name something on Object.prototype, and ordinary ones. */
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'sts:ExternalId', 'aws:SourceAccount', '1'),
  fc.string({ maxLength: 12 }),
);
const values = fc.array(fc.constantFrom('a', 'b', 'c', 'true', '111122223333'), { maxLength: 4 });
const step = fc.record({ operator: key, key, values });

type Model = Map<string, Map<string, string[]>>;

function modelAdd(model: Model, operator: string, k: string, added: string[]): Model {
  const out: Model = new Map([...model].map(([op, block]) => [op, new Map(block)]));
  const block = out.get(operator) ?? new Map<string, string[]>();
  out.set(operator, block);
  block.set(k, [...new Set([...(block.get(k) ?? []), ...added])]);
  return out;
}

/** The own enumerable entries, as a model (what CloudFormation would be given). */
function modelOf(conditions: Conditions): Model {
  return new Map(Object.entries(conditions).map(([op, block]) => [op, new Map(Object.entries(block))]));
}

/** Entries in a fixed order: objects list integer-like keys first, maps in insertion order. */
function sorted(model: Model): Array<[string, Array<[string, string[]]>]> {
  return [...model].map(([op, block]): [string, Array<[string, string[]]>] => [op, [...block].sort(([a], [b]) => (a < b ? -1 : 1))])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('addCondition', () => {
  test('adds each condition as the Map model does, for any key, leaving its input as it was', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 6 }), (steps) => {
      let conditions: Conditions = {};
      let model: Model = new Map();
      for (const s of steps) {
        const before = sorted(modelOf(conditions));
        const next = addCondition(conditions, s.operator, s.key, s.values);
        expect(sorted(modelOf(conditions))).toEqual(before);
        conditions = next;
        model = modelAdd(model, s.operator, s.key, s.values);
        expect(sorted(modelOf(conditions))).toEqual(sorted(model));
      }
      // No key became a prototype.
      expect(Object.getPrototypeOf(conditions)).toBe(Object.prototype);
      for (const block of Object.values(conditions)) {
        expect(Object.getPrototypeOf(block)).toBe(Object.prototype);
      }
    }), { numRuns: 300, seed: 7 });
  });

  test('a block parsed from JSON keeps its __proto__ key as a condition key', () => {
    const parsed = JSON.parse('{"StringEquals":{"__proto__":["x"]}}') as Conditions;
    const added = addCondition(parsed, 'StringEquals', 'aws:SourceAccount', ['111122223333']);
    expect(JSON.stringify(added)).toBe('{"StringEquals":{"__proto__":["x"],"aws:SourceAccount":["111122223333"]}}');
  });
});
