import { Construct } from 'constructs';
import { AssumableRole, AssumableRoleOptions } from './assumable-role';
import { PermissionsBoundary } from './permissions-boundary';
import { throwFirst } from '../private/errors';
import { boundedRoleProblems } from '../private/role-input';

/**
 * Props of `BoundedRole`.
 */
export interface BoundedRoleProps extends AssumableRoleOptions {
  /**
   * The permissions boundary; required, since it is the point of this role.
   */
  readonly permissionsBoundary: PermissionsBoundary;
}

/**
 * A role whose permissions boundary is required: whatever policies are added to it later,
 * its sessions can never do more than the boundary allows. The usual building block of
 * delegated administration, where teams manage their own roles inside a boundary set by a
 * platform team.
 *
 * @example
 * new BoundedRole(this, 'TeamDeployer', {
 *   trust: [Trust.role('arn:{partition}:iam::{account}:role/ci')],
 *   permissionsBoundary: PermissionsBoundary.fromName('team-boundary'),
 *   awsManagedPolicyNames: ['PowerUserAccess'],
 * });
 */
export class BoundedRole extends AssumableRole {
  /**
   * The boundary of the role.
   */
  public readonly permissionsBoundary: PermissionsBoundary;

  /**
   * @param scope the construct this role belongs to
   * @param id the construct ID; also the basis of the role's CloudFormation logical ID
   * @param props the role's configuration
   */
  constructor(scope: Construct, id: string, props: BoundedRoleProps) {
    // Checked before the role exists, so that no half-made role stays in the tree.
    const problems = boundedRoleProblems(props);
    // The path is written out only for an error: most roles have none.
    if (problems.length > 0) throwFirst(scope.node.path ? `${scope.node.path}/${id}` : id, problems);
    super(scope, id, props);
    this.permissionsBoundary = props.permissionsBoundary;
  }
}
