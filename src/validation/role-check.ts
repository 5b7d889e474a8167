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
  /**
   * True when the check reads the app's trust graph (the cycle facts). Every other check is a
   * pure function of the role's documents, stack account and quota, and its findings are shared
   * by roles whose documents are equal (see `role-checks.ts`).
   *
   * @default false
   */
  readonly readsTheApp?: boolean;
  /** One message per fault found. */
  check(role: RoleFacts): string[];
}
