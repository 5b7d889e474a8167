import { FindingLevel, RoleCheck } from '../role-check';

/**
 * Trust policies of one stack that reference each other's roles (`Fn::GetAtt <role>.Arn`, or a
 * `Ref` to a role's name) in a cycle, or a role referencing itself: each role must exist before
 * the other, so CloudFormation rejects the template ("Circular dependency between resources").
 * A condition names a principal without a dependency, and IAM accepts a condition naming a role
 * that does not exist yet, while a Principal must name an existing role
 * (https://repost.aws/knowledge-center/iam-trust-policy-error).
 */
export const trustCircularReference: RoleCheck = {
  id: 'TrustCircularReference',
  level: FindingLevel.ERROR,
  trigger: 'Trust policies of one stack reference each other\'s role ARN (Fn::GetAtt or Ref) in a cycle, or a role references its own ARN: CloudFormation rejects the circular dependency and the stack cannot be deployed.',
  fix: 'Give one of the roles a fixed roleName and trust it by a condition instead of a reference: Trust.account("{account}").withPrincipalArn("arn:{partition}:iam::{account}:role/<name>") (for a role that assumes itself, use its own name).',
  readsTheApp: true,
  check(role) {
    if (!role.circularReference) return [];
    const [first] = role.circularReference;
    return role.circularReference.length === 2 && role.circularReference[1] === first
      ? ['the trust policy references the role\'s own ARN, so the role depends on itself; CloudFormation will reject the circular dependency']
      : [`trust policies reference each other's role ARN in a cycle (X -> Y: X references Y): ${role.circularReference.join(' -> ')}; CloudFormation will reject the circular dependency`];
  },
};
