import { Stack, Token } from 'aws-cdk-lib';
import { CfnManagedPolicy, CfnPolicy, CfnRole, PolicyDocument } from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { currentTemplatePass, resolvedProperty, unwrapped } from './captured-value';
import { AmbiguousReference, PrincipalText, principalTextOf } from './principal-text';
import { conditionEntries, listOf, statementsOf } from './statements';
import { roleSettings } from '../private/role-registry';
import { TOKEN_PLACEHOLDER } from '../review/role-arn';
import { addTrustEdges } from '../review/trust-edges';
import { DEPLOY_TIME_ACCOUNT, RoleCycleFacts, RoleNode, TrustGraph } from '../review/trust-graph';

/** What the app knows about one role resource. */
export interface AppRole {
  readonly index: number;
  /** The construct findings about the role are reported at. */
  readonly target: IConstruct;
  /** `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources of the app attached to the role. */
  attachedPolicies: (CfnPolicy | CfnManagedPolicy)[];
}

/**
 * Every role of an app, with its trust graph: built once per template pass (see
 * `captured-value.ts`), in one walk over the construct tree. The graph reads only the principals
 * of each trust policy (most are not resolved yet when the first stack is checked), resolving
 * just those values.
 */
export class AppRoles {
  /**
   * The model of the app `role` belongs to, for this template pass: built on first use in each
   * pass, and again if the role is not in it (a role added later).
   */
  public static of(role: CfnRole): AppRoles {
    let model = current;
    // A model that has the role is of the role's app (a construct stays in its tree), so the
    // root (a list of the role's scopes, made on each read) is read only to build one.
    if (!model || model.pass !== currentTemplatePass() || !model.roles.has(role)) {
      model = new AppRoles(role.node.root);
      current = model;
    }
    return model;
  }

  public readonly roles = new Map<CfnRole, AppRole>();
  public readonly graph = new TrustGraph();
  private readonly pass = currentTemplatePass();
  /** Principal values as principal text, by stack and value. */
  private readonly principalCache = new Map<string, unknown>();
  private cycles?: RoleCycleFacts[];
  private readonly byConstruct = new Map<IConstruct, number>();
  /** Role indexes by logical ID (several when stacks reuse one), made when a document first refers to a resource. */
  private byLogicalId?: Map<string, number[]>;
  private readonly cfnRoles: CfnRole[];
  /** What the graph reads of each stack, and the principal text of its values. */
  private readonly stacks = new Map<Stack, { path: string; account: string; text: PrincipalText }>();

  private constructor(root: IConstruct) {
    // Indexed loops over lists made here: this runs once per synthesis, in code V8 has not
    // optimized, where a for...of allocates a result object per element (8 or so per role).
    const cfnRoles: CfnRole[] = [];
    const policies: Array<CfnPolicy | CfnManagedPolicy> = [];
    collectResources(root, cfnRoles, policies);
    this.cfnRoles = cfnRoles;
    for (let i = 0; i < cfnRoles.length; i++) {
      const role = cfnRoles[i];
      const { path, account } = this.stackOf(role.stack);
      const target = reportTarget(role);
      // Named when a trust policy first names a role by name (see nameRolesWhenNeeded below);
      // labelled only when a finding names the role.
      const index = this.graph.addRole(new UnnamedRoleNode(target, path, account));
      this.byConstruct.set(role, index);
      this.roles.set(role, { index, target, attachedPolicies: NO_POLICIES });
    }
    // Attached policies: `roles` of each policy resource, read as role markers.
    for (let p = 0; p < policies.length; p++) {
      const policy = policies[p];
      const values = listOf(this.principalText(policy, 'roles'));
      for (let v = 0; v < values.length; v++) {
        const value = values[v];
        const m = typeof value === 'string' ? /^\u0001role:(\d+):Ref\u0001$/.exec(value) : null;
        const appRole = m ? this.roles.get(cfnRoles[Number(m[1])]) : undefined;
        if (appRole) {
          if (appRole.attachedPolicies === NO_POLICIES) appRole.attachedPolicies = [];
          appRole.attachedPolicies.push(policy);
        }
      }
    }
    this.graph.nameRolesWhenNeeded(() => cfnRoles.forEach((role, index) => {
      const { text } = this.stackOf(role.stack);
      const name = role.roleName === undefined ? undefined : text.resolve(role.roleName);
      const path = role.path === undefined ? '/' : text.resolve(role.path) ?? '/';
      this.graph.nameRole(index, typeof name === 'string' && !/[{}\u0001]/.test(name) ? name : undefined, typeof path === 'string' ? path : TOKEN_PLACEHOLDER);
    }));
    for (let index = 0; index < cfnRoles.length; index++) {
      const principals = this.trustPrincipals(cfnRoles[index]);
      if (principals !== undefined) addTrustEdges(this.graph, index, principals);
    }
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

  /** The path, account and principal text of a stack, made once per stack. */
  private stackOf(stack: Stack): { path: string; account: string; text: PrincipalText } {
    let known = this.stacks.get(stack);
    if (!known) {
      known = { path: stack.node.path, account: accountOf(stack), text: new PrincipalText(stack, this.byConstruct) };
      this.stacks.set(stack, known);
    }
    return known;
  }

  /**
   * The parts of a role's trust policy the graph reads, as principal text: each Allow
   * statement's AWS principals and `aws:PrincipalArn` conditions, read from the document before
   * it is resolved and resolving only those values; undefined when no statement has any (a
   * service or a web identity cannot be a role of the app). A document that is not plain JSON
   * (a token) is resolved whole.
   */
  private trustPrincipals(role: CfnRole): unknown {
    const { path, text } = this.stackOf(role.stack);
    const document = unresolvedTrustPolicy(role);
    const statements = isPlainObject(document) ? statementsOf(document) : [];
    if (!isPlainObject(document) || !statements.every(isPlainObject)) {
      return text.resolve(document);
    }
    const naming = statements.filter(mayNameRole);
    if (naming.length === 0) {
      // Most roles trust a service or a web identity: they need none of what follows.
      return undefined;
    }
    // Roles of a stack often name the same principals (one account, one partition token). The
    // stack's path is the one kept by `stackOf` (a construct's path is computed on each read).
    const resolve = (value: unknown) => {
      if (value === undefined) return undefined;
      if (typeof value !== 'string') return text.resolve(value);
      const key = `${path}\u0000${value}`;
      if (!this.principalCache.has(key)) this.principalCache.set(key, text.resolve(value));
      return this.principalCache.get(key);
    };
    const resolveEach = (value: unknown) => (Array.isArray(value) ? value.map(resolve) : resolve(value));
    return {
      Statement: naming.map((statement) => {
        const principal = statement.Principal;
        const arnConditions = isPlainObject(statement.Condition)
          ? conditionEntries(statement).filter(({ key }) => key.toLowerCase() === 'aws:principalarn')
          : [];
        return {
          Effect: statement.Effect,
          Principal: isPlainObject(principal) ? { AWS: resolveEach(principal.AWS) } : resolve(principal),
          Condition: Object.fromEntries(arnConditions.map(({ operator, key, values }) => [operator, { [key]: values.map(resolve) }])),
        };
      }),
    };
  }

  /** Role indexes by logical ID. */
  private logicalIds(): Map<string, number[]> {
    if (!this.byLogicalId) {
      this.byLogicalId = new Map();
      this.cfnRoles.forEach((role, index) => {
        const logicalId = role.stack.resolve(role.logicalId);
        this.byLogicalId!.set(logicalId, [...(this.byLogicalId!.get(logicalId) ?? []), index]);
      });
    }
    return this.byLogicalId;
  }

  /**
   * A property of a role or policy resource as principal text: from its resolved value when a
   * logical ID names one role only, else resolved again by construct (exact across stacks).
   */
  private principalText(resource: CfnRole | CfnPolicy | CfnManagedPolicy, key: string): any {
    try {
      return principalTextOf(resolvedProperty(resource, key), (logicalId) => {
        const indexes = this.logicalIds().get(logicalId);
        if (indexes && indexes.length > 1) throw new AmbiguousReference();
        return indexes?.[0];
      });
    } catch (e) {
      if (!(e instanceof AmbiguousReference)) throw e;
      return this.stackOf(resource.stack).text.resolve(unwrapped((resource as any)[key]));
    }
  }
}

/**
 * The model of the current template pass: one at a time, as a model is never read in a later
 * pass. A model per app would live as long as the app, and CDK keeps every synthesized app
 * reachable (its token map holds their tokens).
 */
let current: AppRoles | undefined;

/** A role's attached policies while it has none (replaced by a list of its own at the first). */
const NO_POLICIES: (CfnPolicy | CfnManagedPolicy)[] = [];

/** A role of the graph before it is named: its label is the path of the construct findings go to, read when a finding names it. */
class UnnamedRoleNode implements RoleNode {
  public readonly path = '/';
  constructor(private readonly target: IConstruct, public readonly stack: string, public readonly account: string) {}
  public get label(): string {
    return this.target.node.path;
  }
}

/** The role and policy resources under `scope`, in the order of `node.findAll()` (pre-order), without a list of every construct. */
function collectResources(scope: IConstruct, roles: CfnRole[], policies: Array<CfnPolicy | CfnManagedPolicy>): void {
  if (scope instanceof CfnRole) roles.push(scope);
  else if (scope instanceof CfnPolicy || scope instanceof CfnManagedPolicy) policies.push(scope);
  const children = scope.node.children;
  for (let i = 0; i < children.length; i++) collectResources(children[i], roles, policies);
}

/** A role's trust policy as given: by the library's construct, by `iam.Role`, or as the resource holds it. */
function unresolvedTrustPolicy(role: CfnRole): unknown {
  const render = roleSettings(role)?.renderTrustPolicy;
  if (render) return render();
  const value = unwrapped(role.assumeRolePolicyDocument);
  return value instanceof PolicyDocument ? value.toJSON() : value;
}

/**
 * Whether a trust statement may name a role, as the graph reads it (`review/trust-edges.ts`): an
 * Allow statement whose principal has AWS principals (or is not an object, e.g. `"*"`) or that
 * has an `aws:PrincipalArn` condition. Services and web identities are never roles of the app.
 */
function mayNameRole(statement: Record<string, any>): boolean {
  if (statement.Effect !== 'Allow') return false;
  const principal = statement.Principal;
  if (!isPlainObject(principal) || principal.AWS !== undefined) return true;
  const condition = statement.Condition;
  if (!isPlainObject(condition)) return false;
  for (const operator in condition) {
    const block = condition[operator];
    if (!isPlainObject(block)) continue;
    for (const key in block) {
      if (key.toLowerCase() === 'aws:principalarn') return true;
    }
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, any> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

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
