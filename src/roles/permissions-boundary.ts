import { IManagedPolicy, ManagedPolicy } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ArnTemplate } from '../arn-template';
import { arnProblem } from '../private/arn-values';
import { invalidInput } from '../private/errors';
import { MANAGED_POLICY_ARN } from '../private/rules';

/**
 * A permissions boundary for a role: the managed policy that caps what the role's own
 * policies can grant.
 */
export class PermissionsBoundary {
  /**
   * A managed policy construct, defined in this app or imported.
   *
   * @param policy the policy
   */
  public static fromPolicy(policy: IManagedPolicy): PermissionsBoundary {
    return new PermissionsBoundary((_scope) => policy, `policy ${policy.node.path}`);
  }

  /**
   * A managed policy by ARN or ARN template, e.g. `arn:{partition}:iam::{account}:policy/team-boundary`.
   *
   * @param arn the policy ARN or ARN template
   */
  public static fromArn(arn: string): PermissionsBoundary {
    const problem = arnProblem(arn, MANAGED_POLICY_ARN);
    return new PermissionsBoundary((scope) => {
      if (problem) {
        throw invalidInput(scope, 'permissionsBoundary', arn, problem);
      }
      return ManagedPolicy.fromManagedPolicyArn(scope, 'PermissionsBoundary', ArnTemplate.render(arn));
    }, arn, problem);
  }

  /**
   * A customer managed policy of the stack's own account, by name (and path).
   *
   * @param name the policy name, optionally with its path, e.g. `boundaries/team-boundary`
   */
  public static fromName(name: string): PermissionsBoundary {
    return PermissionsBoundary.fromArn(`arn:{partition}:iam::{account}:policy/${name}`);
  }

  /**
   * A description for messages.
   */
  public readonly description: string;

  /**
   * What is wrong with the input the boundary was made from, reported by the role that uses it.
   * @internal
   */
  public readonly _problem?: string;

  private constructor(private readonly resolve: (scope: Construct) => IManagedPolicy, description: string, problem?: string) {
    this.description = description;
    this._problem = problem;
  }

  /**
   * The managed policy for a role defined in `scope`.
   *
   * @param scope the construct that uses the boundary
   */
  public bind(scope: Construct): IManagedPolicy {
    return this.resolve(scope);
  }
}
