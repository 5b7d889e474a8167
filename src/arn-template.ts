import { Aws, Token } from 'aws-cdk-lib';

/**
 * The placeholders an ARN template may use, and the CloudFormation pseudo parameter each
 * becomes. Deferring partition and account to deploy time is what lets one app deploy
 * unchanged to `aws`, `aws-cn` and `aws-us-gov`.
 */
const PLACEHOLDERS: Record<string, () => string> = {
  partition: () => Aws.PARTITION,
  account: () => Aws.ACCOUNT_ID,
  region: () => Aws.REGION,
  urlSuffix: () => Aws.URL_SUFFIX,
};

/** `{name}` not preceded by `$` (that would be an IAM policy variable). */
const PLACEHOLDER = /(?<!\$)\{([^{}]*)\}/g;

/** CDK encodes tokens inside strings as `${Token[...]}`; their braces are not placeholders. */
const TOKEN_MARKER = /\$\{Token\[[^\]]+\]\}/g;

/**
 * An ARN (or any string) written with `{partition}`, `{account}`, `{region}` and `{urlSuffix}`
 * placeholders, e.g. `arn:{partition}:iam::{account}:role/deployer`.
 *
 * Rendering turns each placeholder into the matching CloudFormation pseudo parameter
 * (`AWS::Partition`, `AWS::AccountId`, `AWS::Region`, `AWS::URLSuffix`), so the value resolves
 * in whichever partition, account and region the stack is deployed to. A template without
 * placeholders renders to itself. IAM policy variables such as `${aws:username}` are left
 * alone: a `{` right after `$` never starts a placeholder.
 *
 * @example
 * const arn = ArnTemplate.render('arn:{partition}:iam::{account}:policy/team-boundary');
 */
export class ArnTemplate {
  /**
   * The placeholder names that templates may use.
   */
  public static readonly PLACEHOLDER_NAMES: string[] = Object.keys(PLACEHOLDERS);

  /**
   * Parses a template, throwing a descriptive error for an unknown placeholder or an
   * unbalanced brace.
   *
   * @param template the string with placeholders; may also contain CDK tokens
   */
  public static of(template: string): ArnTemplate {
    const problem = ArnTemplate.problemOf(template);
    if (problem) {
      throw new Error(`invalid ARN template ${JSON.stringify(template)}: ${problem}`);
    }
    return new ArnTemplate(template);
  }

  /**
   * Renders a template to a string that may contain CDK tokens.
   *
   * Shorthand for `ArnTemplate.of(template).value`.
   *
   * @param template the string with placeholders
   */
  public static render(template: string): string {
    return ArnTemplate.of(template).value;
  }

  /**
   * Whether the string uses at least one placeholder.
   *
   * @param value the string to inspect
   */
  public static hasPlaceholders(value: string): boolean {
    return literalParts(value).some((part) => findPlaceholders(part).length > 0);
  }

  /**
   * What is wrong with a template, or `undefined` when it is valid.
   *
   * Used by the constructs to report the problem together with the construct path and field.
   *
   * @param template the string with placeholders
   */
  public static problemOf(template: string): string | undefined {
    if (PROBLEMS.has(template)) return PROBLEMS.get(template);
    return remember(PROBLEMS, template, problemIn(template));
  }

  /**
   * The template as written.
   */
  public readonly template: string;

  private constructor(template: string) {
    this.template = template;
  }

  /**
   * The rendered value: the template with placeholders replaced by CloudFormation pseudo
   * parameters. A plain string when the template has no placeholders.
   */
  public get value(): string {
    return RENDERED.get(this.template) ?? remember(RENDERED, this.template, rendered(this.template));
  }

  /**
   * Same as `value`, so a template can be used where a string is expected.
   */
  public toString(): string {
    return this.value;
  }
}

/**
 * Problems and rendered values by template. Both are pure functions of the string (the pseudo
 * parameters are the same tokens every time, and a CDK token in a template is kept as its
 * marker), and an app's roles repeat the same templates (one account, one partition), so each is
 * worked out once per process. Bounded, in case a process renders templates without end.
 */
const PROBLEMS = new Map<string, string | undefined>();
const RENDERED = new Map<string, string>();
const REMEMBERED_PER_MAP = 10_000;

function remember<T>(map: Map<string, T>, template: string, value: T): T {
  if (map.size >= REMEMBERED_PER_MAP) map.clear();
  map.set(template, value);
  return value;
}

function problemIn(template: string): string | undefined {
  for (const [part, offset] of literalPartsWithOffsets(template)) {
    const problem = braceProblem(part, offset);
    if (problem) {
      return problem;
    }
    for (const name of findPlaceholders(part)) {
      if (!Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name)) {
        return `unknown placeholder {${name}}; the placeholders are ${ArnTemplate.PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(', ')} (IAM policy variables are written \${...})`;
      }
    }
  }
  return undefined;
}

function rendered(template: string): string {
  if (!Token.isUnresolved(template)) {
    return renderLiteral(template);
  }
  // Keep CDK tokens intact and render only the literal text around them.
  let out = '';
  let last = 0;
  for (const match of template.matchAll(TOKEN_MARKER)) {
    out += renderLiteral(template.slice(last, match.index)) + match[0];
    last = match.index! + match[0].length;
  }
  return out + renderLiteral(template.slice(last));
}

/** The parts of a string that are not CDK token markers. */
function literalParts(value: string): string[] {
  return literalPartsWithOffsets(value).map(([part]) => part);
}

/** The literal parts with their offsets in the whole string (for error positions). */
function literalPartsWithOffsets(value: string): Array<[string, number]> {
  if (!Token.isUnresolved(value)) {
    return [[value, 0]];
  }
  const parts: Array<[string, number]> = [];
  let last = 0;
  for (const match of value.matchAll(TOKEN_MARKER)) {
    parts.push([value.slice(last, match.index), last]);
    last = match.index! + match[0].length;
  }
  parts.push([value.slice(last), last]);
  return parts;
}

/** Placeholder names in a literal part, skipping IAM policy variables `${...}`. */
function findPlaceholders(literal: string): string[] {
  const names: string[] = [];
  for (const match of literal.matchAll(PLACEHOLDER)) {
    names.push(match[1]);
  }
  return names;
}

/** Reports the first unbalanced or nested brace in a literal part. */
function braceProblem(literal: string, offset: number): string | undefined {
  let open = -1;
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i];
    if (c === '{') {
      if (open >= 0) {
        return `nested "{" at position ${offset + i}; placeholders look like {partition}`;
      }
      open = i;
    } else if (c === '}') {
      if (open < 0) {
        return `"}" at position ${offset + i} closes no placeholder`;
      }
      open = -1;
    }
  }
  return open >= 0 ? `"{" at position ${offset + open} is never closed` : undefined;
}

function renderLiteral(literal: string): string {
  return literal.replace(PLACEHOLDER, (_whole, name: string) => PLACEHOLDERS[name]());
}
