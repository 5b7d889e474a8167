/* eslint-disable @typescript-eslint/no-require-imports */
import type { ErrorObject } from 'ajv';
import type * as Grammar from './policy-grammar.generated';
import { policySchema } from './policy-schema';
import { conformanceCheck } from './schema-conformance';
import { PolicyKind } from '../policy-kind';

/** A validator ajv generated: true when valid, else its `errors` say why. */
interface GrammarValidator {
  (document: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Whether a document conforms to the grammar of its kind (schema-conformance.ts), made on first use. */
const CONFORMS: Partial<Record<PolicyKind, (document: unknown) => boolean>> = {};

function conforms(document: unknown, kind: PolicyKind): boolean {
  return (CONFORMS[kind] ??= conformanceCheck(policySchema(kind)))(document);
}

/**
 * The grammars of src/validation/policy-schema.ts as ajv validators, compiled at build time
 * (scripts/write-policy-validators.ts: compiling them at synth cost every cold process about
 * 140 ms), and loaded only to explain a document that does not conform: they are 125 KB of code.
 */
function grammarValidator(kind: PolicyKind): GrammarValidator {
  const grammar: typeof Grammar = require('./policy-grammar.generated');
  return kind === PolicyKind.IDENTITY ? grammar.identity : grammar.trust;
}

/** One step of a path in a JSON value: an object key or a list index. */
export type PathStep = string | number;

/** One fault of a policy document: where it is and what is wrong. */
export interface PolicyProblem {
  /** The path of the faulty value, e.g. `['Statement', 0, 'Action']`. */
  readonly path: PathStep[];
  /** Whether the fault is in a key of the object at `path`, not in its value. */
  readonly key?: boolean;
  /** What is wrong and what was expected. */
  readonly message: string;
}

/** `['Statement', 0, 'Action']` -> `$.Statement[0].Action` */
export function pathText(path: PathStep[]): string {
  return '$' + path.map((step) => typeof step === 'number'
    ? `[${step}]`
    : /^[A-Za-z_][\w]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`).join('');
}

/** `/Statement/0/Action` -> `['Statement', 0, 'Action']` (numbers for digits, as IAM has no numeric keys). */
function pointerSteps(instancePath: string): PathStep[] {
  return instancePath.split('/').slice(1).map((p) => {
    const key = p.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}

/** `/Statement/0/Action` -> `$.Statement[0].Action` */
export function jsonPath(instancePath: string): string {
  return pathText(pointerSteps(instancePath));
}

/** A problem as one line: `$.Statement[0].Action: <message>`. */
export function policyProblemText(problem: PolicyProblem): string {
  return `${pathText(problem.path)}${problem.key ? ' key' : ''}: ${problem.message}`;
}

const WRONG_FIELD: Record<PolicyKind, Record<string, string>> = {
  identity: {
    Principal: 'an identity policy names no principal (the principal is the role itself); Principal belongs in a trust policy',
    NotPrincipal: 'an identity policy names no principal; NotPrincipal belongs in resource policies',
  },
  trust: {
    Resource: 'a trust policy has no Resource (the resource is the role itself); Resource belongs in an identity policy',
    NotResource: 'a trust policy has no NotResource',
  },
};

/**
 * Checks a policy document (already parsed) against the IAM policy grammar and the rules of
 * its kind. Returns one problem per fault, with the path of the fault.
 */
export function policyProblems(document: unknown, kind: PolicyKind): PolicyProblem[] {
  return uncachedPolicyProblems(document, kind, undefined);
}

/**
 * `validatePolicy` for documents resolved for a template (plain JSON: no `undefined`, `NaN` or
 * functions, so the JSON text identifies the document). Apps repeat documents (every Lambda
 * role trusts the same service), so each text is checked once.
 */
export function validateResolvedPolicy(document: unknown, kind: PolicyKind): string[] {
  const text = document && typeof document === 'object' ? JSON.stringify(document) : undefined;
  if (text === undefined) {
    return validatePolicy(document, kind);
  }
  const key = `${kind}\u0000${text}`;
  let lines = CHECKED.get(key);
  if (!lines) {
    if (CHECKED.size >= CHECKED_MAX) CHECKED.clear();
    lines = uncachedPolicyProblems(document, kind, text).map(policyProblemText);
    CHECKED.set(key, lines);
  }
  return [...lines];
}

/** Problem lines by policy kind and JSON text (bounded: cleared when full). */
const CHECKED = new Map<string, string[]>();
const CHECKED_MAX = 10_000;

function uncachedPolicyProblems(document: unknown, kind: PolicyKind, text: string | undefined): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (!conforms(document, kind)) {
    const validate = grammarValidator(kind);
    if (!validate(document)) {
      for (const error of relevantErrors(validate.errors ?? [])) {
        problems.push(describe(error, kind));
      }
    }
  }
  if (problems.length === 0 && document && typeof document === 'object') {
    problems.push(...statementRules(document as any, kind), ...characterProblems(document, text));
  }
  if (problems.length === 0) {
    // Most documents (and the checks read every role's): nothing to de-duplicate.
    return problems;
  }
  const seen = new Set<string>();
  return problems.filter((p) => {
    const line = policyProblemText(p);
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
}

/** The problems of a policy document as lines, each starting with the JSON path of the fault. */
export function validatePolicy(document: unknown, kind: PolicyKind): string[] {
  return policyProblems(document, kind).map(policyProblemText);
}

/** Drops the follow-on errors ajv reports for the branches of a type union. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => !(e.keyword === 'type' && errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'type')));
}

function describe(error: ErrorObject, kind: PolicyKind): PolicyProblem {
  const path = pointerSteps(error.instancePath);
  const rule = (error.parentSchema as any)?.['x-rule'];
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = (error.params as any).additionalProperty as string;
      const hint = WRONG_FIELD[kind][field];
      return { path, message: `field "${field}" is not allowed here${hint ? `: ${hint}` : ` (${rule ?? 'unknown field'})`}` };
    }
    case 'required':
      return { path, message: `missing "${(error.params as any).missingProperty}"` };
    case 'propertyNames':
      return { path, message: `${JSON.stringify((error.params as any).propertyName)} ${propertyNameRule(error)}` };
    case 'pattern': {
      const itemRule = (error.parentSchema as any)?.items?.['x-rule'];
      return { path, message: `${JSON.stringify(error.data)} ${itemRule ?? rule ?? `must match ${(error.params as any).pattern}`}` };
    }
    default:
      return { path, message: `${rule ?? error.message}${error.keyword === 'enum' ? ` (found ${JSON.stringify(error.data)})` : ''}` };
  }
}

function propertyNameRule(error: ErrorObject): string {
  const schema = (error.parentSchema as any)?.propertyNames;
  return schema?.['x-rule'] ?? 'is not a CloudFormation intrinsic (Ref or Fn::...)';
}

/** The elements a statement names exactly one of, by policy kind. */
const ONE_OF: Record<PolicyKind, Array<[string, string, string]>> = {
  [PolicyKind.IDENTITY]: [['Action', 'NotAction', 'an action'], ['Resource', 'NotResource', 'a resource']],
  [PolicyKind.TRUST]: [['Action', 'NotAction', 'an action'], ['Principal', 'NotPrincipal', 'a principal']],
};

function statementRules(document: any, kind: PolicyKind): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  statements.forEach((s: any, i: number) => {
    const path: PathStep[] = Array.isArray(document.Statement) ? ['Statement', i] : ['Statement'];
    for (const [a, b, what] of ONE_OF[kind]) {
      if (s[a] === undefined && s[b] === undefined) {
        problems.push({ path, message: `missing "${a}" (or "${b}"): every ${kind} policy statement names ${what}` });
      } else if (s[a] !== undefined && s[b] !== undefined) {
        problems.push({ path, message: `has both "${a}" and "${b}"; use one` });
      }
    }
  });
  return problems;
}

/**
 * Whether the JSON text of a document may hold a character IAM rejects: one above U+00FF, or one
 * JSON.stringify escapes as \uXXXX (control characters, lone surrogates), \b or \f. A match may be
 * a false alarm (an escaped backslash before "b"); `characterRules` then decides exactly.
 */
const MAYBE_BAD_CHARACTER = /[^\u0000-\u00FF]|\\u|\\[bf]/;

/** IAM accepts only tab, LF, CR and U+0020-U+00FF in policy documents. */
function characterProblems(document: unknown, text: string | undefined): PolicyProblem[] {
  // One regular expression over the JSON text instead of a walk over every string: most documents pass.
  return MAYBE_BAD_CHARACTER.test(text ?? JSON.stringify(document)) ? characterRules(document, []) : [];
}

function characterRules(value: unknown, path: PathStep[], key?: boolean): PolicyProblem[] {
  if (typeof value === 'string') {
    const bad = [...value].find((c) => !/[\t\n\r\u0020-\u00FF]/.test(c));
    return bad ? [{ path, key, message: `character ${JSON.stringify(bad)} (U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not allowed in IAM policies (only tab, LF, CR and U+0020-U+00FF)` }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => characterRules(v, [...path, i]));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...characterRules(k, path, true), ...characterRules(v, [...path, k])]);
  }
  return [];
}
