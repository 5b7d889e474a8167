/**
 * Principal text: policy values with every deploy-time value rendered as a placeholder
 * (`{partition}`, `{account}`, `{token}`) and every reference to a role of the app as a role
 * marker, which is what the trust graph reads (see `review/role-arn.ts`).
 */
import { CfnResource, DefaultTokenResolver, IPostProcessor, IResolvable, IResolveContext, Reference, Stack, StringConcat, Tokenization } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACCOUNT_PLACEHOLDER, roleMarker, TOKEN_PLACEHOLDER } from '../review/role-arn';

const PARTITION_PLACEHOLDER = '{partition}';

/**
 * Resolves values the way CloudFormation will see them, but as principal text. Exact: a
 * reference is matched to its role by construct, whichever stack it is in.
 */
export class PrincipalText extends DefaultTokenResolver {
  constructor(private readonly stack: Stack, private readonly roleIndex: Map<IConstruct, number>) {
    super(new StringConcat());
  }

  public resolve(value: unknown): any {
    return Tokenization.resolve(value, { scope: this.stack, resolver: this, preparing: false });
  }

  public resolveToken(t: IResolvable, context: IResolveContext, postProcessor: IPostProcessor): any {
    if (Reference.isReference(t) && CfnResource.isCfnResource(t.target)) {
      const index = this.roleIndex.get(t.target);
      if (index !== undefined) {
        return roleMarker(index, t.displayName);
      }
    }
    return asText(super.resolveToken(t, context, postProcessor));
  }
}

function asText(value: any): any {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !/^(Ref|Fn::.+)$/.test(keys[0])) return value;
  if (value.Ref === 'AWS::AccountId') return ACCOUNT_PLACEHOLDER;
  if (value.Ref === 'AWS::Partition') return PARTITION_PLACEHOLDER;
  const join = value['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1]) && join[1].every((p: unknown) => typeof p === 'string')) {
    return join[1].join(join[0]);
  }
  return TOKEN_PLACEHOLDER;
}

/** Thrown when a resolved value names a role that cannot be told apart by its logical ID alone. */
export class AmbiguousReference extends Error {}

/**
 * Principal text of a value already resolved for CloudFormation (`{ "Ref": ... }`,
 * `{ "Fn::GetAtt": ... }`, `{ "Fn::Join": ... }`), without resolving it again.
 *
 * @param roleByLogicalId the role index of a logical ID, undefined when no role has it; it
 *   throws `AmbiguousReference` when several roles of the app have it (stacks may reuse logical
 *   IDs), and so does a value that imports a role from another stack: the caller then resolves
 *   the value with `PrincipalText`, which tells them apart by construct.
 */
export function principalTextOf(value: any, roleByLogicalId: (logicalId: string) => number | undefined): any {
  if (Array.isArray(value)) return value.map((v) => principalTextOf(v, roleByLogicalId));
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
    return intrinsicText(value, roleByLogicalId);
  }
  const out: Record<string, any> = {};
  for (const key of keys) out[key] = principalTextOf(value[key], roleByLogicalId);
  return out;
}

function intrinsicText(value: any, roleByLogicalId: (logicalId: string) => number | undefined): string {
  const ref = value.Ref;
  if (ref === 'AWS::AccountId') return ACCOUNT_PLACEHOLDER;
  if (ref === 'AWS::Partition') return PARTITION_PLACEHOLDER;
  if (typeof ref === 'string') return marker(roleByLogicalId(ref), 'Ref');
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && typeof getAtt[1] === 'string') {
    return marker(roleByLogicalId(getAtt[0]), getAtt[1]);
  }
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return join[1].map((part: any) => {
      const text = principalTextOf(part, roleByLogicalId);
      return typeof text === 'string' ? text : TOKEN_PLACEHOLDER;
    }).join(join[0]);
  }
  if (value['Fn::ImportValue'] !== undefined) {
    // An export of another stack may be a role of the app: only its construct can tell.
    throw new AmbiguousReference();
  }
  return TOKEN_PLACEHOLDER;
}

function marker(index: number | undefined, attribute: string): string {
  return index === undefined ? TOKEN_PLACEHOLDER : roleMarker(index, attribute);
}
