import { PolicyDocument } from 'aws-cdk-lib/aws-iam';
import { PolicyKind } from './policy-kind';
import { jsonSyntaxProblem, policyDocumentOf, readIdentityPolicy, renderTemplates } from './private/policy-input';
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
    const { problem } = readIdentityPolicy(document);
    if (problem) {
      throw new Error(problem);
    }
    return policyDocumentOf(document);
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
    const { value, problem } = jsonSyntaxProblem(text);
    if (problem) {
      throw new Error(problem);
    }
    return value;
  }

  /**
   * Renders ARN template placeholders in every string of a JSON value.
   *
   * @param value a parsed JSON value
   */
  public static renderTemplates(value: any): any {
    return renderTemplates(value);
  }

  private constructor() {}
}
