import { PolicyDocument } from 'aws-cdk-lib/aws-iam';
import { ArnTemplate } from './arn-template';
import { PolicyKind } from './policy-kind';
import { parseJson } from './private/json-syntax';
import { validatePolicy } from './validation/policy-validator';

/**
 * IAM policy documents written as JSON, the way AWS documentation and consoles show them.
 *
 * String values may use ARN template placeholders (`{partition}`, `{account}`, `{region}`,
 * `{urlSuffix}`); IAM policy variables (`${aws:username}`) are kept as written.
 */
export class PolicyJson {
  /**
   * Parses JSON text into a policy document.
   *
   * @param text the policy as JSON text
   */
  public static fromText(text: string): PolicyDocument {
    return PolicyJson.fromObject(PolicyJson.parse(text));
  }

  /**
   * Builds a policy document from an already parsed JSON object.
   *
   * @param document the policy object, e.g. `{ Version: '2012-10-17', Statement: [...] }`
   */
  public static fromObject(document: any): PolicyDocument {
    const problems = PolicyJson.validate(document, PolicyKind.IDENTITY);
    if (problems.length > 0) {
      throw new Error(`policy JSON is not a valid IAM identity policy: ${problems.join('; ')}`);
    }
    // IAM accepts a single statement object; aws-cdk-lib's fromJson wants an array.
    const normalized = document && typeof document === 'object' && document.Statement && !Array.isArray(document.Statement)
      ? { ...document, Statement: [document.Statement] }
      : document;
    return PolicyDocument.fromJson(PolicyJson.renderTemplates(normalized));
  }

  /**
   * Checks a parsed policy document against the IAM policy grammar (a JSON Schema checked
   * with ajv) and the rules of its kind. Returns one message per fault, each starting with
   * the JSON path of the fault; an empty list when the document is valid.
   *
   * @param document the parsed policy
   * @param kind identity or trust policy
   */
  public static validate(document: any, kind: PolicyKind): string[] {
    return validatePolicy(document, kind);
  }

  /**
   * Parses JSON text, with an error that says where the text is broken.
   *
   * @param text JSON text
   */
  public static parse(text: string): any {
    const parsed = parseJson(text);
    if (parsed.error) {
      const { line, column, problem } = parsed.error;
      throw new Error(`policy JSON does not parse at line ${line}, column ${column}: ${problem} (comments and trailing commas are not JSON)`);
    }
    return parsed.value;
  }

  /**
   * Renders ARN template placeholders in every string of a JSON value.
   *
   * @param value a parsed JSON value
   */
  public static renderTemplates(value: any): any {
    if (typeof value === 'string') {
      return ArnTemplate.hasPlaceholders(value) ? ArnTemplate.render(value) : value;
    }
    if (Array.isArray(value)) {
      return value.map((v) => PolicyJson.renderTemplates(v));
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PolicyJson.renderTemplates(v)]));
    }
    return value;
  }

  private constructor() {}
}
