import { Annotations, Aws, CfnCondition, CfnMapping, CfnOutput, Fn, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { isOrganizationTrust, isPolicyJsonTrust } from './lazy-features';
import { partitionOfRegion, SIGN_IN_HOSTS } from './sign-in';
import { Conditions } from './statement';
import { AwsPrincipalTrust } from '../trust/aws-principal-trust';
import { TrustRelationship } from '../trust/trust-relationship';
import { principalsOf } from '../validation/statements';

/**
 * What `outputs: true` adds besides the role's ARN and name: its unique ID (`RoleId`, the
 * operator's `status.roleId`) and, for roles people assume by hand, the console's switch-role
 * link, `https://<sign-in host>/switchrole?account=<account ID or alias>&roleName=<optional
 * path/><role name>` (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html).
 */

/**
 * "To use a role with the Switch Role feature in the AWS Management Console, the combined Path
 * and RoleName cannot exceed 64 characters" (same page); counted as the link's `roleName` value,
 * the path without its leading `/` and the name.
 */
const SWITCH_ROLE_NAME_MAX = 64;

const MAPPING_ID = 'AssumableRolesSignInHost';
const CONDITION_ID = 'AssumableRolesSignInHostKnown';

/**
 * Whether people may assume a role through this relationship by hand, i.e. switch to it in the
 * console: a trust in AWS principals (accounts, roles, users) or in the principals of an
 * organization, without `sts:ExternalId`, which the console cannot pass
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html).
 * Services, web identities and SAML users are not: they get sessions through their own calls.
 */
export function assumedByHand(trust: TrustRelationship): boolean {
  return trust._parts().some((part) => {
    if (isOrganizationTrust(part)) {
      return !requiresExternalId(part._extraConditions);
    }
    if (part instanceof AwsPrincipalTrust) {
      return part._externalIds.length === 0 && !requiresExternalId(part._extraConditions);
    }
    if (isPolicyJsonTrust(part)) {
      return part._verbatim.some((s) => s.Effect === 'Allow' && (principalsOf(s.Principal).AWS ?? []).length > 0
        && !JSON.stringify(s.Condition ?? {}).toLowerCase().includes('"sts:externalid"'));
    }
    return false;
  });
}

function requiresExternalId(conditions: Conditions): boolean {
  return Object.values(conditions).some((block) => Object.keys(block).some((key) => key.toLowerCase() === 'sts:externalid'));
}

/** The role's name and path as the construct knows them. */
export interface SwitchRoleTarget {
  /** The name: literal when given or generated, else a deploy-time value. */
  readonly roleName: string;
  /** The path, `/` unless given. */
  readonly path: string;
}

/**
 * Adds the `SwitchRoleUrl` output to `scope`, for the partition of the stack's Region when it is
 * known at synthesis, otherwise at deploy time from a mapping keyed by `AWS::Partition` (the
 * way the SAML sign-in endpoint is chosen), or says why there is none.
 */
export function addSwitchRoleUrlOutput(scope: Construct, target: SwitchRoleTarget): void {
  const stack = Stack.of(scope);
  const roleName = `${linkPart(target.path.replace(/^\//, ''))}${linkPart(target.roleName)}`;
  const written = target.path.replace(/^\//, '') + target.roleName;
  if (!Token.isUnresolved(written) && written.length > SWITCH_ROLE_NAME_MAX) {
    Annotations.of(scope).addInfo(`no SwitchRoleUrl output: the console's Switch Role takes a path and role name of at most ${SWITCH_ROLE_NAME_MAX} characters `
      + `together, and "${written}" has ${written.length}`);
    return;
  }
  let host: string;
  let condition: CfnCondition | undefined;
  const partition = Token.isUnresolved(stack.region) ? undefined : partitionOfRegion(stack.region);
  if (partition !== undefined) {
    const known = SIGN_IN_HOSTS[partition];
    if (!known) {
      Annotations.of(scope).addInfo(`no SwitchRoleUrl output: the console sign-in host of partition ${partition} is not known`);
      return;
    }
    host = known;
  } else {
    host = signInHosts(stack).findInMap(Aws.PARTITION, 'host');
    condition = knownPartition(stack);
  }
  const output = new CfnOutput(scope, 'SwitchRoleUrl', {
    value: `https://${host}/switchrole?account=${stack.account}&roleName=${roleName}`,
    description: `Console link to switch to ${scope.node.path}`,
  });
  if (condition) {
    output.condition = condition;
  }
}

/**
 * A part of the link's `roleName` value: literal text encoded (a `+` in a name would read as a
 * space), `/` kept as the documented `path/role_name` has it; a deploy-time name as it is (names
 * CloudFormation generates are letters, digits and `-`).
 */
function linkPart(text: string): string {
  return Token.isUnresolved(text) ? text : text.split('/').map(encodeURIComponent).join('/');
}

/** The stack's mapping of partitions to sign-in hosts, shared by its roles. */
function signInHosts(stack: Stack): CfnMapping {
  const existing = stack.node.tryFindChild(MAPPING_ID);
  if (existing) return existing as CfnMapping;
  const mapping: Record<string, Record<string, string>> = {};
  for (const [partition, host] of Object.entries(SIGN_IN_HOSTS)) {
    mapping[partition] = { host };
  }
  return new CfnMapping(stack, MAPPING_ID, { mapping });
}

/**
 * The stack's condition "the partition has a known sign-in host": outputs under it are left out
 * elsewhere, so the mapping is never asked for a partition it does not hold.
 */
function knownPartition(stack: Stack): CfnCondition {
  const existing = stack.node.tryFindChild(CONDITION_ID);
  if (existing) return existing as CfnCondition;
  return new CfnCondition(stack, CONDITION_ID, {
    expression: Fn.conditionOr(...Object.keys(SIGN_IN_HOSTS).map((partition) => Fn.conditionEquals(Aws.PARTITION, partition))),
  });
}
