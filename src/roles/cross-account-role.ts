import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AssumableRole, AssumableRoleProps } from './assumable-role';
import type { CallerPolicy } from './caller-policy';
import { invalidInput, throwFirst } from '../private/errors';
import { callerActions, callerPolicy } from '../private/lazy-features';
import { crossAccountRoleInput } from '../private/role-input';

/**
 * Props of `CrossAccountRole`.
 */
export interface CrossAccountRoleProps extends AssumableRoleProps {
  /**
   * Accounts whose principals may assume the role (their own policies must allow it).
   *
   * @default - none
   */
  readonly trustedAccounts?: string[];

  /**
   * Roles that may assume the role, as ARNs or ARN templates.
   *
   * @default - none
   */
  readonly trustedRoleArns?: string[];

  /**
   * Users that may assume the role, as ARNs or ARN templates.
   *
   * @default - none
   */
  readonly trustedUserArns?: string[];

  /**
   * ExternalIds, one of which the caller must pass (`sts:ExternalId`).
   *
   * @default - no ExternalId required
   */
  readonly externalIds?: string[];

  /**
   * Whether callers must have signed in with MFA (`aws:MultiFactorAuthPresent`).
   *
   * `false` together with `mfaMaxAge` is an error: `aws:MultiFactorAuthAge` is absent from
   * requests of callers who did not sign in with MFA, so a maximum age always requires MFA
   * (IAM User Guide, "Configuring MFA-protected API access").
   *
   * @default - false, or true when `mfaMaxAge` is given
   */
  readonly requireMfa?: boolean;

  /**
   * The longest time since the caller's MFA sign-in (`aws:MultiFactorAuthAge`), a whole number
   * of seconds. Implies `requireMfa`; contradicts `requireMfa: false`.
   *
   * @default - any age
   */
  readonly mfaMaxAge?: Duration;

  /**
   * Only callers whose ARN matches one of these patterns (`aws:PrincipalArn`, `ArnLike`). Each
   * pattern has the six colon-separated parts of an ARN: `ArnLike` compares part by part, so
   * a pattern with fewer parts would match no caller.
   *
   * @default - no restriction by caller ARN
   */
  readonly principalArnPatterns?: string[];

  /**
   * Only callers from this AWS Organizations organization (`aws:PrincipalOrgID`).
   *
   * @default - no restriction by organization
   */
  readonly organizationId?: string;

  /**
   * Whether callers may pass session tags (`sts:TagSession`).
   *
   * @default false
   */
  readonly sessionTags?: boolean;

  /**
   * Whether callers may set a source identity (`sts:SetSourceIdentity`).
   *
   * @default false
   */
  readonly sourceIdentity?: boolean;
}

/**
 * A role that principals of other accounts (or of this one) assume.
 *
 * The conditions of the props (ExternalId, MFA, principal ARN, organization) apply to the
 * trusted accounts, roles and users of the props. The caller's account needs its side too:
 * `callerPolicyStatement()` is the statement to grant there.
 *
 * @example
 * new CrossAccountRole(this, 'PartnerRole', {
 *   trustedAccounts: ['111122223333'],
 *   externalIds: ['partner-7d1f'],
 *   awsManagedPolicyNames: ['ReadOnlyAccess'],
 * });
 */
export class CrossAccountRole extends AssumableRole {
  private readonly props: CrossAccountRoleProps;

  /**
   * @param scope the construct this role belongs to
   * @param id the construct ID; also the basis of the role's CloudFormation logical ID
   * @param props the role's configuration
   */
  constructor(scope: Construct, id: string, props: CrossAccountRoleProps) {
    super(scope, id, props);
    this.props = props;
    const { trusts, problems } = crossAccountRoleInput(props);
    throwFirst(this, problems);
    for (const [field, trust] of trusts) {
      this.addTrustFor(field, trust);
    }
  }

  /**
   * The statement the caller's side needs: `sts:AssumeRole` (plus `sts:TagSession` /
   * `sts:SetSourceIdentity` when enabled) on this role. Add it to the identity policy of the
   * user, group or role that assumes this role.
   */
  public callerPolicyStatement(): iam.PolicyStatement {
    return new iam.PolicyStatement({ actions: callerActions().callerActions(this.props), resources: [this.roleArn] });
  }

  /**
   * The role's ARN as the other account writes it, for a stack in another environment:
   * `arn:{partition}:iam::<account>:role<path><roleName>`. Needs `roleName` and a stack with an
   * explicit account, because a generated name or a deploy-time account cannot cross accounts.
   */
  public get crossEnvironmentArn(): string {
    const account = this.stack.account;
    const name = this.props.roleName;
    if (name === undefined || Token.isUnresolved(name)) {
      throw invalidInput(this, 'roleName', name, 'set roleName so that callers in another account or region can name the role');
    }
    if (Token.isUnresolved(account)) {
      throw invalidInput(this, 'env.account', account, "give the role's stack an explicit env.account so that callers in another account can name the role");
    }
    return `arn:{partition}:iam::${account}:role${this.props.path ?? '/'}${name}`;
  }

  /**
   * Lets a user, group or role assume this role, from this stack or from a stack of another
   * environment of the same app: adds a `CallerPolicy` next to the grantee. Across
   * environments the role needs `roleName` and an explicit account.
   *
   * @param grantee the identity that assumes the role
   */
  public grantAssumeFrom(grantee: iam.IIdentity): CallerPolicy {
    const granteeStack = Stack.of(grantee);
    // Env-agnostic stacks share the same account token, so they count as one environment.
    const sameEnvironment = granteeStack.account === this.stack.account && granteeStack.region === this.stack.region;
    const roleArn = granteeStack === this.stack || sameEnvironment ? this.roleArn : this.crossEnvironmentArn;
    const id = `Assume${this.node.id}`;
    return new (callerPolicy().CallerPolicy)(grantee, id, {
      roleArns: [roleArn],
      grantees: [grantee],
      sessionTags: this.props.sessionTags,
      sourceIdentity: this.props.sourceIdentity,
    });
  }
}
