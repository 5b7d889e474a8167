/**
 * Whether a value conforms to a JSON Schema, and nothing more: the fast first pass of the policy
 * grammar check (src/validation/policy-validator.ts). ajv's validators, generated at build time
 * (policy-grammar.generated.ts), stay the check that explains a fault; they are 125 KB of code
 * that a cold `cdk synth` parsed, compiled and ran in V8's interpreter for every app (about 6 ms
 * of the library's cold cost, issue 14), though nearly every document conforms. This pass is
 * written by hand because it must be small; it reads the same schema (policy-schema.ts), decides
 * as ajv decides (test/validation/schema-conformance.test.ts compares them on generated
 * documents), and ajv runs only for a document it rejects.
 *
 * It knows the keywords the policy grammar uses, with ajv's meaning (JSON Schema draft-07, ajv's
 * defaults: patterns with the `u` flag, any `typeof` number a number), and throws on any other,
 * so a keyword added to the grammar cannot be silently ignored.
 */

/** A check of one value against one (sub)schema. */
type Conforms = (value: unknown) => boolean;

/** The keywords this pass decides, and those that only annotate. */
const DECIDED = new Set([
  'type', 'enum', 'pattern', 'minItems', 'minProperties', 'maxProperties',
  'required', 'properties', 'additionalProperties', 'propertyNames', 'items',
]);
const ANNOTATIONS = new Set(['x-rule', '$comment', 'description', 'title']);

/** What `typeof`-like test each JSON Schema type is, as ajv generates it. */
const TYPE_TESTS: Record<string, Conforms> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  object: (v) => !!v && typeof v === 'object' && !Array.isArray(v),
  array: (v) => Array.isArray(v),
  null: (v) => v === null,
};

const isObject = TYPE_TESTS.object;

/**
 * The check of `schema`, made once: each keyword becomes a small test, and a value conforms when
 * it passes all of them. Throws on a keyword this pass does not know.
 */
export function conformanceCheck(schema: object): Conforms {
  const s = schema as Record<string, any>;
  for (const keyword of Object.keys(s)) {
    if (!DECIDED.has(keyword) && !ANNOTATIONS.has(keyword)) {
      throw new Error(`schema-conformance: keyword "${keyword}" is not supported; decide it here or validate with ajv alone`);
    }
  }
  const tests: Conforms[] = [];
  if (s.type !== undefined) {
    const types: Conforms[] = (Array.isArray(s.type) ? s.type : [s.type]).map((t: string) => {
      const test = TYPE_TESTS[t];
      if (!test) throw new Error(`schema-conformance: type "${t}" is not supported`);
      return test;
    });
    tests.push(types.length === 1 ? types[0] : (v) => types.some((test) => test(v)));
  }
  if (s.enum !== undefined) {
    const allowed: unknown[] = s.enum;
    if (!allowed.every((a) => a === null || typeof a !== 'object')) {
      throw new Error('schema-conformance: only enums of strings, numbers, booleans and null are supported');
    }
    tests.push((v) => allowed.includes(v));
  }
  if (s.pattern !== undefined) {
    // ajv compiles patterns with the `u` flag (its default unicodeRegExp), and tests strings only.
    const pattern = new RegExp(s.pattern, 'u');
    tests.push((v) => typeof v !== 'string' || pattern.test(v));
  }
  if (s.minItems !== undefined) {
    const min: number = s.minItems;
    tests.push((v) => !Array.isArray(v) || v.length >= min);
  }
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) throw new Error('schema-conformance: tuple "items" is not supported');
    const item = conformanceCheck(s.items);
    tests.push((v) => {
      if (!Array.isArray(v)) return true;
      for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
      return true;
    });
  }
  if (s.minProperties !== undefined) {
    const min: number = s.minProperties;
    tests.push((v) => !isObject(v) || Object.keys(v as object).length >= min);
  }
  if (s.maxProperties !== undefined) {
    const max: number = s.maxProperties;
    tests.push((v) => !isObject(v) || Object.keys(v as object).length <= max);
  }
  if (s.required !== undefined) {
    const required: string[] = s.required;
    // As ajv: a property is missing when reading it gives undefined.
    tests.push((v) => !isObject(v) || required.every((name) => (v as any)[name] !== undefined));
  }
  if (s.propertyNames !== undefined) {
    const name = conformanceCheck(s.propertyNames);
    tests.push((v) => {
      if (!isObject(v)) return true;
      // for...in, as ajv's generated code iterates keys.
      for (const key in v as object) if (!name(key)) return false;
      return true;
    });
  }
  if (s.properties !== undefined || s.additionalProperties !== undefined) {
    const properties = new Map<string, Conforms>();
    for (const [name, sub] of Object.entries<object>(s.properties ?? {})) properties.set(name, conformanceCheck(sub));
    const additional: Conforms | false | undefined = s.additionalProperties === false ? false
      : s.additionalProperties === undefined || s.additionalProperties === true ? undefined
        : conformanceCheck(s.additionalProperties);
    tests.push((v) => {
      if (!isObject(v)) return true;
      const o = v as Record<string, unknown>;
      for (const [name, check] of properties) {
        const value = o[name];
        if (value !== undefined && !check(value)) return false;
      }
      if (additional !== undefined) {
        for (const key in o) {
          if (properties.has(key)) continue;
          if (additional === false || !additional(o[key])) return false;
        }
      }
      return true;
    });
  }
  return (v) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](v)) return false;
    return true;
  };
}
