import { PolicyDocument } from 'aws-cdk-lib/aws-iam';
import { FieldStep } from './errors';
import { parseJson } from './json-syntax';
import { ArnTemplate } from '../arn-template';
import { PolicyKind } from '../policy-kind';
import { policyProblemText, policyProblems } from '../validation/policy-validator';

/** A policy document read from JSON text or a parsed object, or why it cannot be used. */
export interface PolicyInput {
  /** The parsed document, when it parses. */
  readonly document?: any;
  /** The one-line reason the document cannot be used, as the constructs report it. */
  readonly problem?: string;
  /** The faults inside the document, with paths relative to it. */
  readonly documentProblems: ReadonlyArray<{ readonly path: FieldStep[]; readonly message: string }>;
}

/** Why JSON text does not parse, in the words `PolicyJson.parse` uses, or `undefined`. */
export function jsonSyntaxProblem(text: string): { value?: unknown; problem?: string } {
  const parsed = parseJson(text);
  if (parsed.error) {
    const { line, column, problem } = parsed.error;
    return { problem: `policy JSON does not parse at line ${line}, column ${column}: ${problem} (comments and trailing commas are not JSON)` };
  }
  return { value: parsed.value };
}

/**
 * Reads an identity policy given as JSON text or as a parsed object: the JSON syntax, the IAM
 * policy grammar and the ARN template placeholders in its strings. The one check behind
 * `PolicyJson.fromText`, `PolicyJson.fromObject`, `inlinePolicyJson` and the catalog's policies.
 */
export function readIdentityPolicy(json: unknown): PolicyInput {
  return readPolicy(json, PolicyKind.IDENTITY);
}

/** `readIdentityPolicy` for a policy of either kind (`Trust.fromPolicyJson` reads trust policies). */
export function readPolicy(json: unknown, kind: PolicyKind): PolicyInput {
  let document = json;
  if (typeof json === 'string') {
    const { value, problem } = jsonSyntaxProblem(json);
    if (problem) {
      return { problem, documentProblems: [{ path: [], message: problem }] };
    }
    document = value;
  }
  const grammar = policyProblems(document, kind);
  if (grammar.length > 0) {
    return {
      problem: `policy JSON is not a valid IAM ${kind} policy: ${grammar.map(policyProblemText).join('; ')}`,
      documentProblems: grammar,
    };
  }
  const placeholders = placeholderProblems(document, []);
  if (placeholders.length > 0) {
    // Rendering stops at the first unknown placeholder; the constructs report that one.
    const [first] = placeholders;
    return {
      problem: `invalid ARN template ${JSON.stringify(first.value)}: ${first.problem}`,
      documentProblems: placeholders.map(({ path, value, problem }) => ({ path, message: `${problem} (found ${JSON.stringify(value)})` })),
    };
  }
  return { document, documentProblems: [] };
}

/** Strings that use placeholders must use known ones: they are rendered. */
function placeholderProblems(value: unknown, path: FieldStep[]): Array<{ path: FieldStep[]; value: string; problem: string }> {
  if (typeof value === 'string') {
    const problem = ArnTemplate.hasPlaceholders(value) ? ArnTemplate.problemOf(value) : undefined;
    return problem ? [{ path, value, problem }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => placeholderProblems(v, [...path, i]));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => placeholderProblems(v, [...path, k]));
  }
  return [];
}

/**
 * A valid identity policy (see `readIdentityPolicy`) as a `PolicyDocument`, with ARN template
 * placeholders rendered. IAM accepts a single statement object; aws-cdk-lib's `fromJson`
 * wants a list.
 */
export function policyDocumentOf(document: any): PolicyDocument {
  const normalized = document && typeof document === 'object' && document.Statement && !Array.isArray(document.Statement)
    ? { ...document, Statement: [document.Statement] }
    : document;
  return PolicyDocument.fromJson(renderTemplates(normalized));
}

/** Renders ARN template placeholders in every string of a JSON value. */
export function renderTemplates(value: any): any {
  if (typeof value === 'string') {
    return ArnTemplate.hasPlaceholders(value) ? ArnTemplate.render(value) : value;
  }
  if (Array.isArray(value)) {
    return value.map(renderTemplates);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderTemplates(v)]));
  }
  return value;
}
