/**
 * Checks that each plain `iam.Role` of the scenarios synthesizes to the same
 * `AWS::IAM::Role` Properties as our construct, up to statement key order and the
 * single-value-versus-array forms IAM treats alike.
 */
import { Stack } from 'aws-cdk-lib';
import { Scenario, Variant } from './scenarios';
import { newApp, readOutput } from './template';

/** Keys whose values IAM reads as an unordered list, given as one value or an array. */
const LIST_KEYS = new Set(['Statement', 'Action', 'NotAction', 'Resource', 'NotResource', 'ManagedPolicyArns', 'Policies']);

/** The result of comparing one kind. */
export interface Equivalence {
  readonly kind: string;
  readonly equivalent: boolean;
  readonly differences: string[];
}

/** The role resource properties one variant of a scenario synthesizes to. */
export function roleProperties(scenario: Scenario, variant: Variant): any {
  const app = newApp();
  const stack = new Stack(app, 'Eq');
  scenario[variant](stack, 'Role');
  const { templates } = readOutput(app);
  const roles = Object.values(templates[0].Resources as Record<string, any>).filter((r) => r.Type === 'AWS::IAM::Role');
  if (roles.length !== 1) {
    throw new Error(`${scenario.name} (${variant}) synthesized ${roles.length} AWS::IAM::Role resources, expected 1`);
  }
  return roles[0].Properties ?? {};
}

/** A canonical form: object keys sorted, list-like values as sorted arrays. */
export function normalize(value: any, key?: string, parent?: string): any {
  const listLike = (key !== undefined && LIST_KEYS.has(key))
    || parent === 'Principal'
    // Condition -> operator -> key -> value(s)
    || parent === 'ConditionBlock';
  if (listLike && !isIntrinsic(value)) {
    const items = (Array.isArray(value) ? value : [value]).map((v) => normalize(v));
    return items.sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b)));
  }
  if (Array.isArray(value)) {
    return value.map((v) => normalize(v));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, any> = {};
    for (const k of Object.keys(value).sort()) {
      const childParent = key === 'Condition' ? 'ConditionBlock' : k === 'Principal' ? undefined : key === 'Principal' ? 'Principal' : undefined;
      out[k] = k === 'Principal' || key === 'Condition' || key === 'Principal'
        ? normalizeNested(value[k], k, key, childParent)
        : normalize(value[k], k);
    }
    return out;
  }
  return value;
}

function normalizeNested(value: any, k: string, key: string | undefined, childParent: string | undefined): any {
  if (k === 'Principal') {
    // Principal: { AWS: x | [x] } or "*"
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const out: Record<string, any> = {};
      for (const kind of Object.keys(value).sort()) {
        out[kind] = normalize(value[kind], kind, 'Principal');
      }
      return out;
    }
    return value;
  }
  if (key === 'Condition' && childParent === 'ConditionBlock') {
    // operator -> { conditionKey: value | [values] }
    if (isIntrinsic(value) || !value || typeof value !== 'object') return normalize(value);
    const out: Record<string, any> = {};
    for (const conditionKey of Object.keys(value).sort()) {
      out[conditionKey] = normalize(value[conditionKey], conditionKey, 'ConditionBlock');
    }
    return out;
  }
  return normalize(value, k);
}

function isIntrinsic(value: any): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value)
    && Object.keys(value).length === 1 && (Object.keys(value)[0] === 'Ref' || Object.keys(value)[0].startsWith('Fn::'));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Paths where two canonical values differ, with both values. */
export function differences(a: any, b: any, at = '$'): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = Array.isArray(a)
      ? [...Array(Math.max(a.length, b.length)).keys()].map(String)
      : [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => differences(a[k as any], b[k as any], Array.isArray(a) ? `${at}[${k}]` : `${at}.${k}`));
  }
  return [`${at}: ours ${JSON.stringify(a)} vs plain ${JSON.stringify(b)}`];
}

/** Compares both variants of a scenario. */
export function checkEquivalence(scenario: Scenario): Equivalence {
  const ours = normalize(roleProperties(scenario, 'ours'));
  const plain = normalize(roleProperties(scenario, 'plain'));
  const diff = differences(ours, plain);
  return { kind: scenario.name, equivalent: diff.length === 0, differences: diff };
}
