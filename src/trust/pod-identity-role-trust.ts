import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { EksPodIdentityTrustOptions } from './pod-identity-trust';
import { TrustRelationship } from './trust-relationship';
import { arnProblem, renderArn } from '../private/arn-values';
import {
  clusterArnAccounts, POD_IDENTITY_ACTIONS, PodIdentityRestriction, podIdentityRestriction, restrictionConditions, restrictionText,
} from '../private/pod-identity';
import { ROLE_ARN } from '../private/rules';
import { addCondition, TrustStatement } from '../private/statement';
import { fieldsOf, readFromFields } from '../private/trust-fields';

/**
 * The target role's side of EKS Pod Identity with a target role: trust in the Pod Identity
 * role (the role of the association, in the cluster's account), with `sts:AssumeRole` and
 * `sts:TagSession`, optionally restricted by the session tags EKS passes on.
 *
 * As the EKS User Guide writes it
 * (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html): the
 * principal is the Pod Identity role's account (`arn:<partition>:iam::<account>:root`) with
 * `ArnEquals` `aws:PrincipalArn` naming the role, so the target role can be created before the
 * Pod Identity role exists and keeps working when that role is recreated; the cluster, namespace
 * and service account are compared with `aws:RequestTag/...` conditions.
 */
export class EksPodIdentityRoleTrust extends TrustRelationship {
  /**
   * Made by `Trust.eksPodIdentityRole`.
   * @internal
   */
  public static _create(roleArn: string, options: EksPodIdentityTrustOptions): EksPodIdentityRoleTrust {
    const { restriction, problems } = podIdentityRestriction(options);
    // One role: the rule admits no wildcard (a role name has no * or ?).
    const arnIssue = arnProblem(roleArn, ROLE_ARN);
    if (arnIssue) {
      problems.push(`Pod Identity role: ${arnIssue}`);
    }
    const account = roleAccount(roleArn);
    for (const other of clusterArnAccounts(restriction).filter((a) => account !== undefined && a !== account)) {
      // The Pod Identity role is always in its cluster's account (EKS passes it with iam:PassRole).
      problems.push(`a cluster ARN names account ${other}, but the Pod Identity role ${roleArn} is in account ${account}; `
        + 'an association uses only a role of its cluster\'s account, so no session of that role carries this cluster');
    }
    return new EksPodIdentityRoleTrust(roleArn, restriction, problems);
  }

  /** @internal */
  declare public readonly _roleArn: string;
  /** @internal */
  declare public readonly _restriction: PodIdentityRestriction;

  private constructor(roleArn: string, restriction: PodIdentityRestriction, problems: string[]) {
    super();
    const fields = fieldsOf(this);
    fields._roleArn = roleArn;
    fields._restriction = restriction;
    this._problems.push(...problems);
  }

  /** The ARN (or ARN template) of the Pod Identity role this trust admits. */
  public get roleArn(): string {
    return this._roleArn;
  }

  public toString(): string {
    const restriction = restrictionText(this._restriction);
    return `Trust.eksPodIdentityRole(${this._roleArn}${restriction ? `; ${restriction}` : ''})`;
  }

  /** @internal */
  public _statements(_scope: IConstruct): TrustStatement[] {
    const actions = this._finish(POD_IDENTITY_ACTIONS);
    const partition = /^arn:([^:]+):iam::/.exec(this._roleArn)?.[1];
    const account = roleAccount(this._roleArn);
    if (partition === undefined || account === undefined) {
      // A deploy-time ARN (a token): the role itself is the principal, as Trust.role writes it.
      return restrictionConditions(this._restriction, this._extraConditions)
        .map((conditions) => ({ kind: 'AWS', principals: [renderArn(this._roleArn)], actions, conditions }));
    }
    const base = addCondition(this._extraConditions, 'ArnEquals', 'aws:PrincipalArn', [renderArn(this._roleArn)]);
    return restrictionConditions(this._restriction, base)
      .map((conditions) => ({ kind: 'AWS', principals: [renderArn(`arn:${partition}:iam::${account}:root`)], actions, conditions }));
  }
}

/** The account of a literal role ARN (`{account}` as written), or `undefined`. */
function roleAccount(roleArn: string): string | undefined {
  return Token.isUnresolved(roleArn) ? undefined : /^arn:[^:]+:iam::(\d{12}|\{account\}):role\//.exec(roleArn)?.[1];
}

// The declared fields above, read-only, from the value's fields (see private/trust-fields.ts).
readFromFields(EksPodIdentityRoleTrust, ['_roleArn', '_restriction']);
