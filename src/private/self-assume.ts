import { Names, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { InputProblem, inputProblem } from './errors';
import { ArnTemplate } from '../arn-template';
import { AwsPrincipalTrust } from '../trust/aws-principal-trust';
import { Trust } from '../trust/trust';

/**
 * A role that may assume itself (`allowSelfAssume`), without a circular dependency.
 *
 * Since IAM's 2022-2023 change a role no longer trusts itself implicitly: its trust policy must
 * allow it like any other principal
 * (https://aws.amazon.com/blogs/security/announcing-an-update-to-iam-role-trust-policy-behavior/).
 * Naming the role's own ARN as Principal does not work in one template: IAM turns a role ARN in a
 * Principal into the role's unique ID when the policy is saved, so the role must already exist
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles),
 * and `Fn::GetAtt` of the role in its own properties is a circular dependency. So the trust names
 * the role's own account and narrows it with `aws:PrincipalArn` = the role's ARN, built from its
 * path and name ("AWS does not convert condition key ARNs to IDs", same page); a role session's
 * `aws:PrincipalArn` is the role's ARN. Trusting the account delegates to identity policies
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts),
 * so the role also gets an inline policy allowing `sts:AssumeRole` on that same ARN, written with
 * the pseudo parameters, not a reference to the role.
 */

/** The inline policy that lets the role call `sts:AssumeRole` on itself. */
export const SELF_ASSUME_POLICY_NAME = 'AssumeSelf';

/**
 * The longest generated name before `-<region>`: 64 characters for the whole name, less the
 * dash and 16 for the Region (the longest Region names today have 15, e.g. `us-isof-south-1`).
 */
const GENERATED_NAME_PREFIX_MAX = 47;

/** What a self-assuming role needs of the common props. */
export interface SelfAssumeProps {
  readonly allowSelfAssume?: boolean;
  readonly roleName?: string;
  readonly path?: string;
  readonly inlinePolicies?: { [name: string]: unknown };
  readonly inlinePolicyJson?: { [name: string]: unknown };
}

/** The problems of `allowSelfAssume` with the other props. */
export function selfAssumeProblems(props: SelfAssumeProps): InputProblem[] {
  if (!props.allowSelfAssume) return [];
  const problems: InputProblem[] = [];
  // ArnLike treats * and ? as wildcards, and ${...} is a policy variable in a condition value:
  // a path with them would not name the role alone. Role names cannot contain them.
  if (props.path !== undefined && !Token.isUnresolved(props.path) && /[*?${}]/.test(props.path)) {
    problems.push(inputProblem(['path'], props.path, 'a self-assuming role (allowSelfAssume) is named in its own trust policy by aws:PrincipalArn, '
      + 'where *, ? are wildcards and ${...} a policy variable: use a path without *, ?, $, { and }'));
  }
  for (const field of ['inlinePolicies', 'inlinePolicyJson'] as const) {
    if (Object.prototype.hasOwnProperty.call(props[field] ?? {}, SELF_ASSUME_POLICY_NAME)) {
      problems.push(inputProblem([field, SELF_ASSUME_POLICY_NAME], SELF_ASSUME_POLICY_NAME,
        `allowSelfAssume adds the inline policy ${SELF_ASSUME_POLICY_NAME}; give your policy another name`));
    }
  }
  return problems;
}

/**
 * The role's name: the one given, or, since the trust policy must name the role before it
 * exists, one generated like CDK's physical names: the construct's unique name (stack name,
 * path and a hash; at most 47 characters), `-` and the stack's Region, so that the same stack in
 * two Regions of one account (IAM names are global to the account) gets two names. Stable for
 * the same stack and construct path.
 */
export function selfAssumeRoleName(scope: IConstruct, roleName: string | undefined): string {
  return roleName ?? `${Names.uniqueResourceName(scope, { maxLength: GENERATED_NAME_PREFIX_MAX })}-${Stack.of(scope).region}`;
}

/** The role's own ARN as an ARN template: `arn:{partition}:iam::{account}:role<path><name>`. */
export function selfArnTemplate(roleName: string, path: string | undefined): string {
  return `arn:{partition}:iam::{account}:role${path ?? '/'}${roleName}`;
}

/** The trust: the role's own account, only the role itself (`aws:PrincipalArn`). */
export function selfAssumeTrust(selfArn: string): AwsPrincipalTrust {
  return Trust.account('{account}').withPrincipalArn(selfArn);
}

/** The identity side: `sts:AssumeRole` on the role's own ARN, with no reference to the role. */
export function selfAssumePolicy(selfArn: string): iam.PolicyDocument {
  return new iam.PolicyDocument({
    statements: [new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [ArnTemplate.render(selfArn)] })],
  });
}
