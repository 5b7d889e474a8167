/**
 * The one walker over policy statements that every check, the trust graph and the review use:
 * statements normalized, principals grouped by kind, condition keys and entries listed. Values
 * are as resolved for CloudFormation: intrinsics stay `{ "Ref": ... }` / `{ "Fn::...": ... }`.
 */

/** A statement of a policy, normalized: Statement may be one object or a list. */
export function statementsOf(document: any): any[] {
  if (!document || typeof document !== 'object') return [];
  const s = document.Statement;
  return Array.isArray(s) ? s : s ? [s] : [];
}

/** Values of a policy element that may be one value or a list. */
export function listOf(value: any): any[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Principal values by kind; `"*"` as `{ AWS: ["*"] }`. */
export function principalsOf(principal: any): { [kind: string]: any[] } {
  if (principal === '*') return { AWS: ['*'] };
  if (!principal || typeof principal !== 'object') return {};
  return Object.fromEntries(Object.entries(principal).map(([k, v]) => [k, listOf(v)]));
}

/** The condition keys of a statement (lower-cased), or undefined when the block is a token. */
export function conditionKeys(statement: any): string[] | undefined {
  const c = statement.Condition;
  if (c === undefined) return [];
  if (typeof c !== 'object' || Object.keys(c).some((k) => k.startsWith('Fn::') || k === 'Ref')) return undefined;
  return Object.values(c).flatMap((block: any) => (block && typeof block === 'object' ? Object.keys(block) : [])).map((k) => k.toLowerCase());
}

/** Flattens a value with intrinsics into its literal text pieces (for pattern checks). */
export function literalText(value: any): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(literalText).join('');
  if (value && typeof value === 'object') {
    if (value['Fn::Join']) return listOf(value['Fn::Join'][1]).map(literalText).join(value['Fn::Join'][0] ?? '');
    if (value.Ref === 'AWS::AccountId') return '{account}';
    if (value.Ref === 'AWS::Partition') return 'aws';
    return '{token}';
  }
  return String(value);
}


/** An `Effect: Allow` statement of a policy, with what the checks ask of it. */
export interface AllowStatement {
  /** The statement as written. */
  readonly statement: any;
  /** Its position in the policy, for messages. */
  readonly index: number;
  /** Principal values by kind (`AWS`, `Service`, `Federated`); `"*"` as `{ AWS: ["*"] }`. */
  readonly principals: { [kind: string]: any[] };
  /** Lower-cased condition keys, or undefined when the condition block is a deploy-time value. */
  readonly conditionKeys?: string[];
  /** The actions, as written. */
  readonly actions: any[];
}

/** Allow statements by document: a role's resolved documents are read by every check and the trust graph. */
const ALLOW_STATEMENTS = new WeakMap<object, AllowStatement[]>();

/** The Allow statements of a policy document (the same list for the same document object: do not change it). */
export function allowStatements(document: any): AllowStatement[] {
  const known = document && typeof document === 'object' ? ALLOW_STATEMENTS.get(document) : undefined;
  if (known) return known;
  const out: AllowStatement[] = [];
  statementsOf(document).forEach((statement, index) => {
    if (statement?.Effect !== 'Allow') return;
    out.push({
      statement,
      index,
      principals: principalsOf(statement.Principal),
      conditionKeys: conditionKeys(statement),
      actions: listOf(statement.Action),
    });
  });
  if (document && typeof document === 'object') ALLOW_STATEMENTS.set(document, out);
  return out;
}

/** One `operator: { key: values }` entry of a statement's Condition block. */
export interface ConditionEntry {
  readonly operator: string;
  readonly key: string;
  readonly values: any[];
}

/** The condition entries of a statement (none when the block, or an operator's block, is a deploy-time value). */
export function conditionEntries(statement: any): ConditionEntry[] {
  const condition = statement?.Condition;
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return [];
  const out: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries<any>(condition)) {
    if (!block || typeof block !== 'object' || Array.isArray(block) || isIntrinsicKey(operator)) continue;
    for (const [key, values] of Object.entries(block)) {
      if (!isIntrinsicKey(key)) out.push({ operator, key, values: listOf(values) });
    }
  }
  return out;
}

/** `Ref` or `Fn::...`: the key of a CloudFormation intrinsic, not of IAM. */
export function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key.startsWith('Fn::');
}

/** An identity-policy statement that allows its actions on every resource, without conditions. */
export function allowsOnAnyResource(statement: any): boolean {
  return statement.Effect === 'Allow' && statement.NotAction === undefined
    && listOf(statement.Resource).includes('*') && statement.Condition === undefined;
}
