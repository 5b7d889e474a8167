import { CfnResource, DefaultTokenResolver, IPostProcessor, IResolvable, IResolveContext, Reference, Stack, StringConcat, Token, Tokenization } from 'aws-cdk-lib';
import { CfnManagedPolicy, CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { listOf } from './statements';
import { roleSettings } from '../private/role-registry';
import { ACCOUNT_PLACEHOLDER, roleMarker, TOKEN_PLACEHOLDER } from '../review/role-arn';
import { addTrustEdges } from '../review/trust-edges';
import { DEPLOY_TIME_ACCOUNT, RoleCycleFacts, TrustGraph } from '../review/trust-graph';

/** What the app knows about one role resource. */
export interface AppRole {
  readonly index: number;
  /** The construct findings about the role are reported at. */
  readonly target: IConstruct;
  /** `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources of the app attached to the role. */
  readonly attachedPolicies: (CfnPolicy | CfnManagedPolicy)[];
}

/** Every role of an app, with its trust graph, built in one pass over the construct tree. */
export class AppRoles {
  /** Builds the model of the app `scope` belongs to. */
  public static of(role: CfnRole): AppRoles {
    const root = role.node.root;
    let model = MODELS.get(root);
    // A role added after the model was built (e.g. between two syntheses): build it again.
    if (!model || !model.roles.has(role)) {
      model = new AppRoles(root);
      MODELS.set(root, model);
    }
    return model;
  }

  public readonly roles = new Map<CfnRole, AppRole>();
  public readonly graph = new TrustGraph();
  private cycles?: RoleCycleFacts[];

  private constructor(root: IConstruct) {
    const all = root.node.findAll();
    const cfnRoles = all.filter((c): c is CfnRole => c instanceof CfnRole);
    const byConstruct = new Map<IConstruct, number>();
    for (const role of cfnRoles) {
      const stack = Stack.of(role);
      const text = new PrincipalText(stack, byConstruct);
      const target = reportTarget(role);
      const name = text.resolve(role.roleName);
      const path = text.resolve(role.path) ?? '/';
      const index = this.graph.addRole({
        label: target.node.path,
        stack: stack.node.path,
        account: accountOf(stack),
        path: typeof path === 'string' ? path : TOKEN_PLACEHOLDER,
        name: typeof name === 'string' && !/[{}\u0001]/.test(name) ? name : undefined,
      });
      byConstruct.set(role, index);
      this.roles.set(role, { index, target, attachedPolicies: [] });
    }
    // Attached policies: `roles` of each policy resource, read with role references as markers
    // (exact across stacks, where logical IDs alone could collide).
    for (const policy of all) {
      if (policy instanceof CfnPolicy || policy instanceof CfnManagedPolicy) {
        const text = new PrincipalText(Stack.of(policy), byConstruct);
        for (const value of listOf(text.resolve(policy.roles))) {
          const m = typeof value === 'string' ? /^\u0001role:(\d+):Ref\u0001$/.exec(value) : null;
          const role = m ? cfnRoles[Number(m[1])] : undefined;
          this.roles.get(role!)?.attachedPolicies.push(policy);
        }
      }
    }
    cfnRoles.forEach((role, index) => this.addEdges(role, index, byConstruct));
  }

  /** What the trust graph says about the role. */
  public cycleFacts(role: CfnRole): RoleCycleFacts {
    this.cycles ??= this.graph.cycleFacts();
    return this.cycles[this.roles.get(role)!.index];
  }

  /** The labels (construct paths) of roles given by index. */
  public labels(indexes: number[]): string[] {
    return indexes.map((i) => this.graph.nodes[i].label);
  }

  private addEdges(role: CfnRole, from: number, byConstruct: Map<IConstruct, number>): void {
    addTrustEdges(this.graph, from, new PrincipalText(Stack.of(role), byConstruct).resolve(role.assumeRolePolicyDocument));
  }
}

const MODELS = new WeakMap<IConstruct, AppRoles>();

function accountOf(stack: Stack): string {
  return Token.isUnresolved(stack.account) ? DEPLOY_TIME_ACCOUNT : stack.account;
}

/**
 * The construct findings about a role resource are reported at: the library construct that
 * owns it, the `iam.Role` whose default child it is, or the resource itself (a plain `CfnRole`).
 */
export function reportTarget(role: CfnRole): IConstruct {
  const owner = roleSettings(role)?.owner;
  if (owner) return owner;
  const scope = role.node.scope;
  return scope && scope.node.defaultChild === role ? scope : role;
}

/**
 * Resolves values the way CloudFormation will see them, but as plain text: references to roles
 * of the app become role markers, the partition and account become `{partition}` / `{account}`,
 * and any other deploy-time value `{token}`. Only used to read which roles a policy names.
 */
class PrincipalText extends DefaultTokenResolver {
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
  if (value.Ref === 'AWS::Partition') return '{partition}';
  const join = value['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1]) && join[1].every((p: unknown) => typeof p === 'string')) {
    return join[1].join(join[0]);
  }
  return TOKEN_PLACEHOLDER;
}
