/**
 * Content equality of JSON-like values (resolved policy documents), and a hash consistent with
 * it, both without allocating. The checks share their findings between roles with equal
 * documents (src/validation/role-checks.ts); keying that by the documents' JSON text made a
 * string of about 1 KB per role per synthesis, a quarter of what the checks allocate, and the
 * young-generation collections that garbage set off inside the checks made their time per role
 * grow with the size of the app (issue 14).
 *
 * Equal means: the same primitives (`Object.is`, so `NaN` equals `NaN` and `-0` is not `0`), the
 * same array elements in order, and the same own enumerable keys in the same order with equal
 * values. That is stricter than equal JSON text (which drops `undefined` and reads `-0` as `0`),
 * so values found equal always have the same JSON text. Other objects (functions, class
 * instances: not in resolved documents) are equal only to themselves.
 */

/** FNV-1a, 32 bits. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Tags that keep `[1]`, `"1"` and `{"0": 1}` apart in the hash. */
const enum Tag { UNDEFINED = 1, NULL, FALSE, TRUE, NUMBER, STRING, ARRAY, OBJECT, OTHER }

function mixCode(hash: number, code: number): number {
  // eslint-disable-next-line no-bitwise -- FNV-1a mixes by exclusive or
  return Math.imul(hash ^ code, FNV_PRIME);
}

function mixString(hash: number, text: string): number {
  let h = mixCode(hash, text.length);
  for (let i = 0; i < text.length; i++) h = mixCode(h, text.charCodeAt(i));
  return h;
}

/** Whether `value` is an array or an object literal (prototype `Object.prototype` or null). */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A 32-bit hash of `value`'s content, mixed into `hash`: values `sameContent` finds equal have
 * the same hash. Other objects hash by kind only (they are equal only to themselves).
 */
export function contentHash(value: unknown, hash: number = FNV_OFFSET): number {
  switch (typeof value) {
    case 'undefined': return mixCode(hash, Tag.UNDEFINED);
    case 'boolean': return mixCode(hash, value ? Tag.TRUE : Tag.FALSE);
    case 'number': {
      const h = mixCode(hash, Tag.NUMBER);
      // Integers as they are (exclusive or keeps their low 32 bits); any other number by its text.
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? mixCode(h, value) : mixString(h, Object.is(value, -0) ? '-0' : String(value));
    }
    case 'string': return mixString(mixCode(hash, Tag.STRING), value);
    case 'object': {
      if (value === null) return mixCode(hash, Tag.NULL);
      if (!isPlain(value)) return mixCode(hash, Tag.OTHER);
      if (Array.isArray(value)) {
        let h = mixCode(mixCode(hash, Tag.ARRAY), value.length);
        for (let i = 0; i < value.length; i++) h = contentHash(value[i], h);
        return h;
      }
      let h = mixCode(hash, Tag.OBJECT);
      const o = value as Record<string, unknown>;
      for (const key in o) {
        if (!hasOwn.call(o, key)) continue;
        h = contentHash(o[key], mixString(h, key));
      }
      return h;
    }
    default: return mixCode(hash, Tag.OTHER);
  }
}

/** Whether `a` and `b` have equal content (see the module's comment). */
export function sameContent(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (!isPlain(a) || !isPlain(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // The same own enumerable keys in the same order, with equal values (objects in documents
  // have a few keys: finding y's n-th key by walking it again costs less than a list of keys).
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const key in x) {
    if (!hasOwn.call(x, key)) continue;
    if (nthOwnKey(y, n) !== key || !sameContent(x[key], y[key])) return false;
    n++;
  }
  return nthOwnKey(y, n) === undefined;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The n-th own enumerable key of `o` in for...in order (own keys in insertion order), if any. */
function nthOwnKey(o: Record<string, unknown>, n: number): string | undefined {
  let i = 0;
  for (const key in o) {
    if (!hasOwn.call(o, key)) continue;
    if (i++ === n) return key;
  }
  return undefined;
}

/**
 * A copy of `value`'s arrays and object literals (primitives and other objects as they are):
 * content kept to compare later must not change with the value it came from (CDK merges
 * property overrides into resolved values in place).
 */
export function contentCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null || !isPlain(value)) return value;
  if (Array.isArray(value)) return value.map(contentCopy) as unknown as T;
  const copy: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  for (const key in value) {
    if (hasOwn.call(value, key)) copy[key] = contentCopy((value as Record<string, unknown>)[key]);
  }
  return copy as T;
}
