/** Which kind of policy a document is; they follow different rules. */
export enum PolicyKind {
  /** A permissions (identity) policy: Action and Resource, no Principal. */
  IDENTITY = 'identity',
  /** A trust policy: Principal and Action, no Resource. */
  TRUST = 'trust',
}
