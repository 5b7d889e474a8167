import { CfnJson, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The principal element a trust statement names. */
export type PrincipalKind = 'AWS' | 'Service' | 'Federated';

/** Condition block: operator -> condition key -> values (ORed by IAM). */
export interface Conditions {
  [operator: string]: { [key: string]: string[] };
}

/** One trust-policy statement before merging and JSON rendering. */
export interface TrustStatement {
  readonly kind: PrincipalKind;
  readonly principals: string[];
  readonly actions: string[];
  readonly conditions: Conditions;
  /**
   * The rendered condition block when its keys hold tokens (wrapped in `CfnJson`, which
   * must be created while the construct tree is still open).
   */
  readonly conditionJson?: CfnJson;
  /**
   * A statement kept as its author wrote it (`Trust.fromPolicyJson`), placeholders rendered:
   * rendered as is and never merged, as its elements may be ones this model does not write
   * (Deny, NotPrincipal, a Sid). The other fields are then empty.
   */
  readonly verbatim?: Record<string, unknown>;
}

/** Adds one condition to a copy of a block, keeping values unique and in order. */
export function addCondition(conditions: Conditions, operator: string, key: string, values: string[]): Conditions {
  // Every role's trust builds its blocks with this: a new operator or key (the usual case) is
  // made without concatenating onto an empty list, and the copies are made with Object.assign,
  // a fifth of the cost of object spreads of these varied shapes in V8 (1.5 -> 0.3 us for a
  // web identity's two conditions).
  const existing = Object.prototype.hasOwnProperty.call(conditions, operator) ? conditions[operator] : undefined;
  const block = existing ? copyOf(existing) : {};
  // Own keys only: a key such as `constructor` names no inherited value here.
  const current = Object.prototype.hasOwnProperty.call(block, key) ? block[key] : undefined;
  setOwn(block, key, current ? unique([...current, ...values]) : unique(values));
  const out = copyOf(conditions);
  setOwn(out, operator, block);
  return out;
}

/** A copy of an object's own enumerable properties; `__proto__` stays an ordinary key, as in a spread. */
function copyOf<T>(source: { [key: string]: T }): { [key: string]: T } {
  return Object.prototype.hasOwnProperty.call(source, '__proto__') ? { ...source } : Object.assign({}, source);
}

/** Sets an own property; `__proto__` too, as an ordinary key (an assignment would set the prototype). */
function setOwn<T>(target: { [key: string]: T }, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** Merges two condition blocks (both must hold). */
export function mergeConditions(a: Conditions, b: Conditions): Conditions {
  let out = a;
  for (const [operator, block] of Object.entries(b)) {
    for (const [key, values] of Object.entries(block)) {
      out = addCondition(out, operator, key, values);
    }
  }
  return out;
}

/** The values without repeats (SameValueZero, as a `Set`), in order of first appearance, in a new array. */
export function unique<T>(values: T[]): T[] {
  // Lists of conditions, actions and principals are short and seldom repeat a value: when a scan
  // finds no repeat, a copy of the list is the answer (no Set, no iterator, no grown array).
  if (values.length <= UNIQUE_BY_SCAN) {
    let repeats = false;
    for (let i = 1; i < values.length && !repeats; i++) {
      // indexOf misses NaN (-1 !== i): such a list takes the Set, which finds it as it should.
      repeats = values.indexOf(values[i]) !== i;
    }
    if (!repeats) return values.slice();
  }
  return [...new Set(values)];
}

/** Up to this length `unique` looks for repeats by scanning (quadratic, but allocates nothing). */
const UNIQUE_BY_SCAN = 16;

/**
 * Merges statements whose actions and conditions are identical into one statement with
 * all their principals. Statements with any difference stay apart, so a condition meant for
 * one principal never applies to another. Order of first appearance is kept, so output is
 * stable across runs.
 */
export function mergeStatements(statements: TrustStatement[]): MergedStatement[] {
  const merged: MergedStatement[] = [];
  const byKey = new Map<string, MergedStatement>();
  for (const s of statements) {
    if (s.verbatim) {
      merged.push({ principals: {}, actions: [], conditions: {}, verbatim: s.verbatim });
      continue;
    }
    // A role's only statement (the common case) has nothing to be merged with: no key is needed.
    const key = statements.length === 1 ? '' : JSON.stringify([[...s.actions].sort(), s.conditionJson ? s.conditionJson.toString() : canonicalConditions(s.conditions)]);
    let target = byKey.get(key);
    if (!target) {
      target = { principals: {}, actions: unique(s.actions), conditions: s.conditions, conditionJson: s.conditionJson };
      byKey.set(key, target);
      merged.push(target);
    }
    target.principals[s.kind] = unique([...(target.principals[s.kind] ?? []), ...s.principals]);
  }
  return merged;
}

/** A statement after merging: principals grouped by kind. */
export interface MergedStatement {
  readonly principals: { [kind: string]: string[] };
  readonly actions: string[];
  readonly conditions: Conditions;
  readonly conditionJson?: CfnJson;
  readonly verbatim?: Record<string, unknown>;
}

function canonicalConditions(conditions: Conditions): unknown {
  return Object.keys(conditions).sort().map((op) => [op, Object.keys(conditions[op]).sort().map((k) => [k, [...conditions[op][k]].sort()])]);
}

/** IAM's compact form: one value as a string, several as an array. */
function compact(values: string[]): string | string[] {
  return values.length === 1 ? values[0] : values;
}

/** Renders a condition block as IAM JSON. */
export function renderConditions(conditions: Conditions): Record<string, Record<string, string | string[]>> {
  const condition: Record<string, Record<string, string | string[]>> = {};
  for (const [operator, block] of Object.entries(conditions)) {
    condition[operator] = {};
    for (const [key, values] of Object.entries(block)) {
      condition[operator][key] = compact(values);
    }
  }
  return condition;
}

/**
 * A condition block whose keys contain CDK tokens (an OIDC issuer known only at deploy time)
 * cannot be a CloudFormation object key, so it is wrapped in `CfnJson`, the same way
 * aws-cdk-lib's EKS module does. Statements without token keys are returned unchanged.
 */
export function wrapTokenKeys(scope: IConstruct, statement: TrustStatement, id: string): TrustStatement {
  if (statement.verbatim) {
    return statement;
  }
  const tokenKey = Object.values(statement.conditions).some((block) => Object.keys(block).some((k) => Token.isUnresolved(k)));
  if (!tokenKey) {
    return statement;
  }
  return { ...statement, conditionJson: new CfnJson(scope, id, { value: renderConditions(statement.conditions) }) };
}

/** Renders merged statements as trust-policy JSON statements. */
export function renderStatements(statements: MergedStatement[]): any[] {
  return statements.map((s) => {
    if (s.verbatim) {
      return s.verbatim;
    }
    const principal: Record<string, string | string[]> = {};
    for (const kind of ['AWS', 'Service', 'Federated']) {
      if (s.principals[kind]?.length) {
        principal[kind] = compact(s.principals[kind]);
      }
    }
    const json: Record<string, unknown> = { Effect: 'Allow', Principal: principal, Action: compact(s.actions) };
    if (s.conditionJson) {
      json.Condition = s.conditionJson;
    } else if (Object.keys(s.conditions).length > 0) {
      json.Condition = renderConditions(s.conditions);
    }
    return json;
  });
}
