/** How serious a finding is. */
export enum FindingLevel {
  /** Fails `cdk synth`: the role is unsafe or will not work. */
  ERROR = 'error',
  /** Shown by `cdk synth`; acknowledge it if the risk is intended. */
  WARNING = 'warning',
  /** A suggestion. */
  INFO = 'info',
}

/** What a check sees of one role, with CloudFormation intrinsics as `{ Ref }` / `{ Fn::... }`. */
export interface RoleFacts {
  /** The resolved trust policy document. */
  readonly trustPolicy: any;
  /** Identity policies attached to the role: inline ones and policy resources of the same stack. */
  readonly identityPolicies: { name: string; document: any }[];
  /** Managed policy ARNs, resolved. */
  readonly managedPolicyArns: any[];
  /** The stack's account, or undefined when it is only known at deploy time. */
  readonly stackAccount?: string;
  /** The trust policy size quota in force. */
  readonly trustPolicyQuota: number;
  /** The role's CloudFormation logical ID. */
  readonly logicalId: string;
  /**
   * A cycle of same-stack references between trust policies (construct paths, the first
   * repeated at the end), which CloudFormation rejects as a circular dependency.
   */
  readonly circularReference?: string[];
  /** A cycle of trust through this role, across the app (construct paths). */
  readonly trustCycle?: string[];
  /** Every role in the same trust cycle as this one (construct paths). */
  readonly trustCycleMembers?: string[];
}

/** A check: a pure function over one role's facts, with a stable id. */
export interface RoleCheck {
  readonly id: string;
  readonly level: FindingLevel;
  /** What triggers it. */
  readonly trigger: string;
  /** How to fix it. */
  readonly fix: string;
  /** One message per fault found. */
  check(role: RoleFacts): string[];
}

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

export function describeValue(value: any): string {
  return typeof value === 'string' ? JSON.stringify(value) : literalText(value);
}
