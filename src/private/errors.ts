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

/**
 * A problem with a relationship's input found only when it is rendered for a role (it depends
 * on the role's stack); the role reports it in the usual shape, naming the trust field.
 */
export class TrustInputProblem extends Error {}
