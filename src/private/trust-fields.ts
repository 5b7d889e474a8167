/**
 * Where a trust value keeps its fields: one object per value, under a module-private symbol,
 * read through getters on the class (`TrustRelationship` and its kinds).
 *
 * Why: a value's fields must be read-only (values are shared between roles), yet the value must
 * stay extensible (jsii tags every object it hands to Python, Java or .NET with a property of
 * its own, and fails on a frozen one). Getters without setters give both. The fields object is
 * an ordinary property under a symbol no other module can name: a property defined read-only
 * (`Object.defineProperty`) goes through V8's slow runtime path, about 0.4 µs for every value
 * made or copied (ten times an assignment), and every role makes one to three of them.
 */
const FIELDS = Symbol('cdk-assumable-roles.trustFields');

/** The fields of a trust value, by the names of their getters (`_label`, `_problems`, ...). */
export type TrustFields = Record<string, any>;

/** The fields of `value` (set by its constructor, or by `withFields` for a copy). */
export function fieldsOf(value: object): TrustFields {
  return (value as Record<symbol, TrustFields>)[FIELDS];
}

/**
 * Gives `value` its fields, once, when it is made: an enumerable property, so that values with
 * equal fields compare equal (as in tests) and values with different fields do not.
 */
export function withFields<T extends object>(value: T, fields: TrustFields): T {
  (value as Record<symbol, TrustFields>)[FIELDS] = fields;
  return value;
}

/**
 * Makes each of `names` a read-only property of the instances of `kind`, read from their fields
 * (the class declares them with `declare public readonly`, so TypeScript defines nothing of its
 * own for them).
 */
export function readFromFields(kind: Function, names: string[]): void {
  for (const name of names) {
    Object.defineProperty(kind.prototype, name, {
      get(this: object) {
        return fieldsOf(this)[name];
      },
      enumerable: false,
      configurable: false,
    });
  }
}
