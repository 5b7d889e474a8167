import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole } from '../roles/assumable-role';

/** What another account needs to name a role: its account, path and name, where literal. */
export interface RoleIdentity {
  readonly account?: string;
  readonly path?: string;
  readonly name?: string;
}

/**
 * The account, path and name of a role as literals, as far as the app knows them: from the ARN
 * of an imported role (`iam.Role.fromRoleArn`, also with an ARN template rendered for the stack's
 * partition), or from the `roleName`, `path` and stack account of a role defined in the app.
 */
export function roleIdentity(role: iam.IRole): RoleIdentity {
  const inner = role instanceof AssumableRole ? role.role : role;
  const fromArn = parseRoleArn(literalArn(inner));
  if (fromArn) {
    return fromArn;
  }
  if (inner instanceof iam.Role) {
    const cfn = inner.node.defaultChild as iam.CfnRole;
    const literal = (value: string | undefined) => (value === undefined || Token.isUnresolved(value) ? undefined : value);
    return {
      account: literal(inner.env.account),
      path: cfn.path === undefined ? '/' : literal(cfn.path),
      name: literal(cfn.roleName),
    };
  }
  return {};
}

/** The ARN template `arn:{partition}:iam::<account>:role<path><name>`. */
export function roleArnTemplate(account: string, identity: RoleIdentity): string {
  return `arn:{partition}:iam::${account}:role${identity.path ?? '/'}${identity.name}`;
}

/**
 * A role's ARN as text with `{partition}` for the partition, when it is literal apart from the
 * partition (an imported ARN, or one rendered from an ARN template); otherwise `undefined`.
 */
function literalArn(role: iam.IRole): string | undefined {
  const arn = role.roleArn;
  if (!Token.isUnresolved(arn)) {
    return arn;
  }
  const resolved = Stack.of(role).resolve(arn);
  const join = resolved?.['Fn::Join'];
  if (!Array.isArray(join) || join[0] !== '' || !Array.isArray(join[1])) {
    return undefined;
  }
  const parts = (join[1] as unknown[]).map((p) => (typeof p === 'string' ? p : (p as any)?.Ref === 'AWS::Partition' ? '{partition}' : undefined));
  return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
}

function parseRoleArn(arn: string | undefined): RoleIdentity | undefined {
  const m = arn === undefined ? null : /^arn:[^:]+:iam::(\d{12}):role(\/(?:[^:]*\/)?)([\w+=,.@-]+)$/.exec(arn);
  return m ? { account: m[1], path: m[2], name: m[3] } : undefined;
}
