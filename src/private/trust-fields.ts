/**
 * Where a trust value keeps its fields: one object per value, under a module-private symbol,
 * read through getters on the class (`TrustRelationship` and its kinds).
 *
 * Why: a value's fields must be read-only (values are shared between roles), yet the value must
 * stay extensible (jsii tags every object it hands to Python, Java or .NET with a property of
 * its own, and fails on a frozen one). Getters without setters give both, and a copy
 * (`TrustRelationship._with`) then defines one property instead of one read-only property per
 * field, which V8 does through its slow runtime path: about a tenth of the cost per copy.
 */
const FIELDS = Symbol('cdk-assumable-roles.trustFields');

/** The fields of a trust value, by the names of their getters (`_label`, `_problems`, ...). */
export type TrustFields = Record<string, any>;

/** The fields of `value` (set by its constructor, or by `withFields` for a copy). */
export function fieldsOf(value: object): TrustFields {
  return (value as Record<symbol, TrustFields>)[FIELDS];
}

/**
 * Gives `value` its fields: a property that cannot be replaced, enumerable so that values with
 * equal fields compare equal (as in tests) and values with different fields do not.
 */
export function withFields<T extends object>(value: T, fields: TrustFields): T {
  Object.defineProperty(value, FIELDS, { value: fields, enumerable: true, writable: false, configurable: false });
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
