import { Stack, Stage, Token } from 'aws-cdk-lib';
import { CfnManagedPolicy, CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { AmbiguousReference, PrincipalText, principalTextOf } from './principal-text';
import { resolvedProperty, startValidationPass } from './resolved-properties';
import { listOf } from './statements';
import { roleSettings } from '../private/role-registry';
import { TOKEN_PLACEHOLDER } from '../review/role-arn';
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

/**
 * Every role of an app, with its trust graph: built once per validation of the app (after CDK
 * has prepared it: cross-stack references are imports by then), in one walk over the construct
 * tree, from documents resolved once (`resolved-properties.ts`).
 */
export class AppRoles {
  /**
   * The model of the app `role` belongs to, for this synthesis. Built on first use in each
   * validation (`resetEachValidation`), and again if the role is not in it (a role added later).
   */
  public static of(role: CfnRole): AppRoles {
    const root = role.node.root;
    let model = MODELS.get(root);
    if (!model || !model.roles.has(role)) {
      model = new AppRoles(root);
      MODELS.set(root, model);
    }
    return model;
  }

  /**
   * Makes the next `AppRoles.of` in the app of `role` build a new model each time the stage
   * that holds it is validated: a model belongs to one synthesis.
   */
  public static resetEachValidation(role: CfnRole): void {
    const stage = Stage.of(role);
    if (stage && !RESETTING.has(stage)) {
      RESETTING.add(stage);
      // The stage is the root of its validation walk, so its validations run before any role's.
      stage.node.addValidation({
        validate: () => {
          MODELS.delete(role.node.root);
          startValidationPass();
          return [];
        },
      });
    }
  }

  public readonly roles = new Map<CfnRole, AppRole>();
  public readonly graph = new TrustGraph();
  private cycles?: RoleCycleFacts[];
  private readonly byConstruct = new Map<IConstruct, number>();
  /** Role indexes by logical ID (several when stacks reuse one), made when a document first refers to a resource. */
  private byLogicalId?: Map<string, number[]>;
  private readonly cfnRoles: CfnRole[];

  private constructor(root: IConstruct) {
    const all = root.node.findAll();
    const cfnRoles = all.filter((c): c is CfnRole => c instanceof CfnRole);
    this.cfnRoles = cfnRoles;
    for (const role of cfnRoles) {
      const stack = Stack.of(role);
      const text = new PrincipalText(stack, this.byConstruct);
      const target = reportTarget(role);
      const name = role.roleName === undefined ? undefined : text.resolve(role.roleName);
      const path = role.path === undefined ? '/' : text.resolve(role.path) ?? '/';
      const index = this.graph.addRole({
        label: target.node.path,
        stack: stack.node.path,
        account: accountOf(stack),
        path: typeof path === 'string' ? path : TOKEN_PLACEHOLDER,
        name: typeof name === 'string' && !/[{}\u0001]/.test(name) ? name : undefined,
      });
      this.byConstruct.set(role, index);
      this.roles.set(role, { index, target, attachedPolicies: [] });
    }
    // Attached policies: `roles` of each policy resource, read as role markers.
    for (const policy of all) {
      if (policy instanceof CfnPolicy || policy instanceof CfnManagedPolicy) {
        for (const value of listOf(this.principalText(policy, 'roles'))) {
          const m = typeof value === 'string' ? /^\u0001role:(\d+):Ref\u0001$/.exec(value) : null;
          const role = m ? cfnRoles[Number(m[1])] : undefined;
          this.roles.get(role!)?.attachedPolicies.push(policy);
        }
      }
    }
    cfnRoles.forEach((role, index) => addTrustEdges(this.graph, index, this.principalText(role, 'assumeRolePolicyDocument')));
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

  /** Role indexes by logical ID. */
  private logicalIds(): Map<string, number[]> {
    if (!this.byLogicalId) {
      this.byLogicalId = new Map();
      this.cfnRoles.forEach((role, index) => {
        const logicalId = Stack.of(role).resolve(role.logicalId);
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
      return new PrincipalText(Stack.of(resource), this.byConstruct).resolve((resource as any)[key]);
    }
  }
}

const MODELS = new WeakMap<IConstruct, AppRoles>();
const RESETTING = new WeakSet<IConstruct>();

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
