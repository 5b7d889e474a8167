import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { policySchema } from './policy-schema';
import { PolicyKind } from '../policy-kind';


const validators: Partial<Record<PolicyKind, ValidateFunction>> = {};

function validator(kind: PolicyKind): ValidateFunction {
  if (!validators[kind]) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    ajv.addKeyword({ keyword: 'x-rule', schemaType: 'string' });
    validators[kind] = ajv.compile(policySchema(kind));
  }
  return validators[kind]!;
}

/** `/Statement/0/Action` -> `$.Statement[0].Action` */
export function jsonPath(instancePath: string): string {
  return '$' + instancePath.split('/').slice(1).map((p) => {
    const key = p.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_][\w]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }).join('');
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
 * its kind. Returns one message per fault, each starting with the JSON path of the fault.
 */
export function validatePolicy(document: unknown, kind: PolicyKind): string[] {
  const validate = validator(kind);
  const problems: string[] = [];
  if (!validate(document)) {
    for (const error of relevantErrors(validate.errors ?? [])) {
      problems.push(describe(error, kind));
    }
  }
  if (problems.length === 0 && document && typeof document === 'object') {
    problems.push(...statementRules(document as any, kind), ...characterRules(document, '$'));
  }
  return [...new Set(problems)];
}

/** Drops the follow-on errors ajv reports for the branches of a type union. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => !(e.keyword === 'type' && errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'type')));
}

function describe(error: ErrorObject, kind: PolicyKind): string {
  const path = jsonPath(error.instancePath);
  const rule = (error.parentSchema as any)?.['x-rule'];
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = (error.params as any).additionalProperty as string;
      const hint = WRONG_FIELD[kind][field];
      return `${path}: field "${field}" is not allowed here${hint ? `: ${hint}` : ` (${rule ?? 'unknown field'})`}`;
    }
    case 'required':
      return `${path}: missing "${(error.params as any).missingProperty}"`;
    case 'propertyNames':
      return `${path}: ${JSON.stringify((error.params as any).propertyName)} ${propertyNameRule(error)}`;
    case 'pattern': {
      const itemRule = (error.parentSchema as any)?.items?.['x-rule'];
      return `${path}: ${JSON.stringify(error.data)} ${itemRule ?? rule ?? `must match ${(error.params as any).pattern}`}`;
    }
    default:
      return `${path}: ${rule ?? error.message}${error.keyword === 'enum' ? ` (found ${JSON.stringify(error.data)})` : ''}`;
  }
}

function propertyNameRule(error: ErrorObject): string {
  const schema = (error.parentSchema as any)?.propertyNames;
  return schema?.['x-rule'] ?? 'is not a CloudFormation intrinsic (Ref or Fn::...)';
}

function statementRules(document: any, kind: PolicyKind): string[] {
  const problems: string[] = [];
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  statements.forEach((s: any, i: number) => {
    const path = Array.isArray(document.Statement) ? `$.Statement[${i}]` : '$.Statement';
    const pairs: Array<[string, string, string]> = [['Action', 'NotAction', 'an action']];
    pairs.push(kind === PolicyKind.IDENTITY ? ['Resource', 'NotResource', 'a resource'] : ['Principal', 'NotPrincipal', 'a principal']);
    for (const [a, b, what] of pairs) {
      if (s[a] === undefined && s[b] === undefined) {
        problems.push(`${path}: missing "${a}" (or "${b}"): every ${kind} policy statement names ${what}`);
      } else if (s[a] !== undefined && s[b] !== undefined) {
        problems.push(`${path}: has both "${a}" and "${b}"; use one`);
      }
    }
  });
  return problems;
}

/** IAM accepts only tab, LF, CR and U+0020-U+00FF in policy documents. */
function characterRules(value: unknown, path: string): string[] {
  if (typeof value === 'string') {
    const bad = [...value].find((c) => !/[\t\n\r\u0020-\u00FF]/.test(c));
    return bad ? [`${path}: character ${JSON.stringify(bad)} (U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not allowed in IAM policies (only tab, LF, CR and U+0020-U+00FF)`] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => characterRules(v, `${path}[${i}]`));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...characterRules(k, `${path} key`), ...characterRules(v, `${path}.${k}`)]);
  }
  return [];
}
