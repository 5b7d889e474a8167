import { IConstruct } from 'constructs';

/**
 * Renders a value for an error message: strings quoted, objects as JSON, and
 * anything that cannot be shown shortened rather than dumped.
 */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/**
 * Describes a value found in a document, for messages that say what was expected and what
 * was found: `an empty list`, `a map`, `the number 5`, or a string quoted (shortened).
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) {
    return 'an empty value';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty list' : 'a list';
  }
  if (typeof value === 'object') {
    return 'a map';
  }
  if (typeof value === 'number') {
    return `the number ${value}`;
  }
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * The one shape of every input error this library raises:
 * `<construct path>: invalid <field> <value>: <rule>`.
 *
 * Naming the path, the field, the value and the rule lets a user find and fix the
 * input without reading our source.
 */
export function invalidInput(scope: IConstruct | string | undefined, field: string, value: unknown, rule: string): Error {
  const path = typeof scope === 'string' ? scope : scope?.node.path;
  const where = path ? `${path}: ` : '';
  return new Error(`${where}invalid ${field} ${showValue(value)}: ${rule}`);
}

/** One step of a path into props or a document: a key or a list index. */
export type FieldStep = string | number;

/**
 * One fault of a construct's input, found by a pure validator: the constructs throw the first
 * (`throwFirst`), the role catalog reports all of them at the file, line and path of the entry.
 */
export interface InputProblem {
  /** The prop as the construct's message names it, e.g. `managedPolicyArns[0]`. */
  readonly field: string;
  /** Where exactly, as steps from the props, e.g. `['trustedRoleArns', 1]`. */
  readonly path: FieldStep[];
  /** The value shown in the message. */
  readonly value: unknown;
  /** What is wrong and what is expected. */
  readonly message: string;
  /** For a policy document: the faults inside it, with paths relative to the document. */
  readonly documentProblems?: ReadonlyArray<{ readonly path: FieldStep[]; readonly message: string }>;
}

/** `['inlinePolicyJson', 'Reports']` -> `inlinePolicyJson.Reports`; `['sourceArns', 0]` -> `sourceArns[0]`. */
export function fieldText(path: FieldStep[]): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : `${i === 0 ? '' : '.'}${step}`)).join('');
}

/** A problem of the value at `path`; `field` is the name the message uses (by default the path). */
export function inputProblem(path: FieldStep[], value: unknown, message: string, field: string = fieldText(path)): InputProblem {
  return { field, path, value, message };
}

/** Throws the first problem in the one shape of input errors, naming the construct path. */
export function throwFirst(scope: IConstruct | string, problems: InputProblem[]): void {
  if (problems.length > 0) {
    const [first] = problems;
    throw invalidInput(scope, first.field, first.value, first.message);
  }
}
