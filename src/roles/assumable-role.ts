import { Annotations, CfnOutput, Duration, Lazy, RemovalPolicy, ResourceEnvironment, Stack, Tags, Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PermissionsBoundary } from './permissions-boundary';
import { PodIdentityAssociationOptions } from './pod-identity-association';
import { ArnTemplate } from '../arn-template';
import { CliProfileOptions } from './cli-profile-options';
import { invalidInput, throwFirst } from '../private/errors';
import { cliProfileHandoff, kubernetesHandoff, podIdentityAssociationInput, policyInput, precreatedReport, roleOutputs, selfAssume } from '../private/lazy-features';
import { assumableRoleProblems } from '../private/role-input';
import type { SwitchRoleTarget } from '../private/role-outputs';
import { registerRole } from '../private/role-registry';
import { stackEnvOf } from '../private/stack-env';
import { TrustPolicy } from '../trust/trust-policy';
import { TrustRelationship } from '../trust/trust-relationship';
import { keepRenderedProperties, keptLazyValue, resolvedProperty, unwrapped } from '../validation/captured-value';
import { LIMITS, policySize } from '../validation/limits';
import { checkWithItsTemplate } from '../validation/role-checks';

/**
 * What every assumable role accepts: identity, session, permissions, tags, lifecycle and
 * extra trust.
 */
export interface AssumableRoleOptions {
  /**
   * The role's name. Fix it only when something outside this app refers to the role by name:
   * a named role cannot be replaced without a new name.
   *
   * @default - CloudFormation generates a unique name
   */
  readonly roleName?: string;

  /**
   * What the role is for, shown in the IAM console.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The IAM path of the role, e.g. `/service-roles/`.
   *
   * @default '/'
   */
  readonly path?: string;

  /**
   * The longest session that callers may request, 1 to 12 hours.
   *
   * @default Duration.hours(1)
   */
  readonly maxSessionDuration?: Duration;

  /**
   * Managed policies to attach.
   *
   * @default - none
   */
  readonly managedPolicies?: iam.IManagedPolicy[];

  /**
   * Managed policies to attach, by ARN or ARN template, e.g.
   * `arn:{partition}:iam::{account}:policy/read-reports`.
   *
   * @default - none
   */
  readonly managedPolicyArns?: string[];

  /**
   * AWS managed policies to attach, by name, e.g. `ReadOnlyAccess` or
   * `service-role/AWSLambdaBasicExecutionRole`. Their ARNs follow the stack's partition.
   *
   * @default - none
   */
  readonly awsManagedPolicyNames?: string[];

  /**
   * Inline policies, by policy name. They are part of the `AWS::IAM::Role` resource itself.
   *
   * @default - none
   */
  readonly inlinePolicies?: { [name: string]: iam.PolicyDocument };

  /**
   * Inline policies given as JSON text or as parsed JSON objects, by policy name, the way
   * they are pasted from AWS documentation. Strings in them may use ARN template
   * placeholders such as `{partition}`.
   *
   * @default - none
   */
  readonly inlinePolicyJson?: { [name: string]: any };

  /**
   * Tags for the role.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * What happens to the role when it leaves the stack or the stack is deleted.
   *
   * @default - the role is deleted with the stack (no DeletionPolicy, as for a plain `iam.Role`)
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Further trust relationships, in addition to those the construct's own props define.
   *
   * @default - none
   */
  readonly trust?: TrustRelationship[];

  /**
   * Whether to add stack outputs: the role's ARN (`RoleArn`), name (`RoleName`) and unique ID
   * (`RoleId`, `AROA...`, what IAM reports as the role's ID; not for roles pre-created under
   * `iam.Role.customizeRoles`), and, for a role people assume by
   * hand, the console link that switches to it (`SwitchRoleUrl`).
   *
   * A role is assumed by hand when its trust allows AWS principals (accounts, roles, users) or
   * the principals of an organization without an ExternalId, which the console cannot pass; not
   * services, web identities, SAML users, nor the role itself (`allowSelfAssume`). The link is
   * `https://<sign-in host>/switchrole?account=<account>&roleName=<path/name>` for the stack's
   * partition (`aws`, `aws-cn`, `aws-us-gov`; in other partitions the output is left out), and
   * is not added when path and name together are longer than the console's 64 characters.
   *
   * @default false
   */
  readonly outputs?: boolean;

  /**
   * The account's quota for the size of a trust policy, in characters without whitespace.
   * 2,048 unless raised through Service Quotas (up to 4,096); set it when you raised it.
   *
   * @default 2048
   */
  readonly trustPolicySizeQuota?: number;

  /**
   * The account's quota for managed policies attached to one role. 10 unless raised through
   * Service Quotas (up to 20); set it when you raised it.
   *
   * @default 10
   */
  readonly managedPoliciesQuota?: number;

  /**
   * Whether the role may assume itself, e.g. to pass session tags or a session policy to a
   * session of its own. Since 2023 IAM requires the role's trust policy to allow this
   * explicitly (https://aws.amazon.com/blogs/security/announcing-an-update-to-iam-role-trust-policy-behavior/).
   *
   * The trust names the role's own account with `aws:PrincipalArn` equal to the role's ARN
   * (built from `path` and the name), and the role gets the inline policy `AssumeSelf` allowing
   * `sts:AssumeRole` on that ARN: no reference to the role in its own properties, so no circular
   * dependency. The name must be known before the role exists: without `roleName`, the role is
   * named like CDK's generated physical names, the construct's unique name (stack name, path and
   * a hash, at most 47 characters), `-` and the stack's Region, e.g.
   * `StackDeployerA1B2C3D4-eu-west-1`. Turning this on for a role without `roleName` replaces the
   * role (it gets a name).
   *
   * @default false
   */
  readonly allowSelfAssume?: boolean;

  /**
   * EKS Pod Identity associations to create for the role: service accounts of clusters in the
   * stack's account and Region that get the role's credentials (see `addPodIdentityAssociation`).
   *
   * @default - none
   */
  readonly podIdentityAssociations?: PodIdentityAssociationOptions[];
}

/**
 * Props of `AssumableRole`.
 */
export interface AssumableRoleProps extends AssumableRoleOptions {
  /**
   * A permissions boundary that caps what the role's policies can grant.
   *
   * @default - no permissions boundary
   */
  readonly permissionsBoundary?: PermissionsBoundary;
}

/**
 * An IAM role that others assume, built from typed trust relationships.
 *
 * It wraps one `iam.Role` (`role`) and can be used wherever an `iam.IRole` is expected. The
 * role's CloudFormation logical ID is the one a plain `new iam.Role(scope, id)` would get, so
 * an existing role can move under this construct without being replaced.
 *
 * @example
 * new AssumableRole(this, 'Auditor', {
 *   trust: [Trust.account('111122223333').requireMfa()],
 *   awsManagedPolicyNames: ['SecurityAudit'],
 * });
 */
export class AssumableRole extends Construct implements iam.IRole {
  /**
   * The wrapped role.
   */
  public readonly role: iam.Role;

  /**
   * The stack the role is defined in.
   */
  public readonly stack: Stack;


  /**
   * The principal to grant permissions to: the role.
   */
  public readonly grantPrincipal: iam.IPrincipal;

  /**
   * The action used to assume the role.
   */
  public readonly assumeRoleAction: string;

  private readonly trustPolicy: TrustPolicy;
  private revokeBefore?: Date;
  /** The role `outputs` should link to, until a trust people assume by hand has been added. */
  private switchRoleTarget?: SwitchRoleTarget;

  /**
   * @param scope the construct this role belongs to
   * @param id the construct ID; also the basis of the role's CloudFormation logical ID
   * @param props the role's configuration
   */
  constructor(scope: Construct, id: string, props: AssumableRoleProps = {}) {
    super(scope, id);
    // The stack of the scope is the role's: already known for a stack or a construct in one,
    // where Stack.of(this) would look it up again and mark this construct with it. Asked of
    // this construct when the scope has none, for CDK's error naming this construct.
    this.stack = stackOfScope(scope) ?? Stack.of(this);
    this.trustPolicy = new TrustPolicy(this);
    throwFirst(this, assumableRoleProblems(props, stackEnvOf(this)));
    const trustQuota = props.trustPolicySizeQuota ?? LIMITS.trustPolicyDefaultQuota;
    const managedQuota = props.managedPoliciesQuota ?? LIMITS.managedPoliciesDefaultQuota;

    const maxSessionIsToken = props.maxSessionDuration !== undefined && Token.isUnresolved(props.maxSessionDuration.toSeconds({ integral: false }));
    // allowSelfAssume needs the name before the role exists (see private/self-assume.ts).
    const roleName = props.allowSelfAssume ? selfAssume().selfAssumeRoleName(this, props.roleName) : props.roleName;
    const selfArn = props.allowSelfAssume ? selfAssume().selfArnTemplate(roleName!, props.path) : undefined;
    // The role's id is 'Default' so its logical ID equals that of `new iam.Role(scope, id)`.
    this.role = new iam.Role(this, 'Default', {
      assumedBy: DEFERRED_TRUST,
      roleName,
      description: props.description,
      path: props.path,
      // iam.Role rejects a deploy-time duration; it is set on the CfnRole below instead.
      maxSessionDuration: maxSessionIsToken ? undefined : props.maxSessionDuration,
      permissionsBoundary: props.permissionsBoundary?.bind(this),
      managedPolicies: this.managedPolicies(props),
      inlinePolicies: this.inlinePolicies(props, selfArn),
    });
    // Undefined under `iam.Role.customizeRoles` (pre-created roles): aws-cdk-lib then makes no
    // AWS::IAM::Role, and reports the role's policies for the team that creates it instead.
    const cfnRole = this.role.node.defaultChild as iam.CfnRole | undefined;
    if (cfnRole) {
      // Produced once, as Lazy.any would: CDK writes that document. The role's properties are
      // kept as CDK resolves them for the template, so the checks and the size limits read them
      // without resolving them again.
      const trustPolicy = keptLazyValue(() => this.renderTrustPolicy());
      cfnRole.assumeRolePolicyDocument = trustPolicy;
      keepRenderedProperties(cfnRole, trustPolicy);
      if (maxSessionIsToken) {
        cfnRole.maxSessionDuration = props.maxSessionDuration!.toSeconds({ integral: false });
      }
      registerRole(cfnRole, this, trustQuota, () => unwrapped(trustPolicy));
      // The checks of RoleChecks, without an aspect per role (visiting each role's subtree at
      // every synthesis cost more than the checks), and the size limits: both when the template
      // of the stack is written, from the documents as CDK resolves them for it.
      checkWithItsTemplate(cfnRole, trustQuota, () => this.sizeProblems(cfnRole, trustQuota, managedQuota));
    } else if (!precreatedReport().reportTrustPolicy(this.role, () => this.renderTrustPolicy().Statement)) {
      Annotations.of(this).addWarningV2('cdk-assumable-roles:PrecreatedTrustNotReported',
        'Role.customizeRoles is in effect, but the trust policy could not be added to CDK\'s policy report (iam-policy-report): '
        + 'give the team that creates the role the trust policy of a synth without customizeRoles');
    }

    this.grantPrincipal = this.role;
    this.assumeRoleAction = this.role.assumeRoleAction;

    if (props.tags) {
      for (const key of Object.keys(props.tags)) {
        Tags.of(this.role).add(key, props.tags[key]);
      }
    }
    if (props.removalPolicy !== undefined) {
      // Only when asked: a plain iam.Role carries no DeletionPolicy, and neither do we by default.
      this.role.applyRemovalPolicy(props.removalPolicy);
    }
    this.switchRoleTarget = props.outputs ? { roleName: roleName ?? this.roleName, path: props.path ?? '/' } : undefined;
    // Plain loops over what is given: every role passes here, most with one trust and nothing else.
    const trust = props.trust;
    if (trust) {
      for (let i = 0; i < trust.length; i++) this.trustPolicy.add(trust[i], `trust[${i}]`);
      for (let i = 0; i < trust.length; i++) this.offerSwitchRoleUrl(trust[i]);
    }
    if (selfArn) {
      this.trustPolicy.add(selfAssume().selfAssumeTrust(selfArn), 'allowSelfAssume');
    }
    const associations = props.podIdentityAssociations;
    if (associations && associations.length > 0) {
      const { associationIdOf, createPodIdentityAssociation } = podIdentityAssociationInput();
      associations.forEach((association, i) => {
        createPodIdentityAssociation(this, associationIdOf(association, i), association, `podIdentityAssociations[${i}]`);
      });
    }

    if (props.outputs) {
      new CfnOutput(this, 'RoleArn', { value: this.roleArn, description: `ARN of ${this.node.path}` });
      new CfnOutput(this, 'RoleName', { value: this.roleName, description: `Name of ${this.node.path}` });
      if (cfnRole) {
        // A pre-created role (iam.Role.customizeRoles) has no ID in this app's template.
        new CfnOutput(this, 'RoleId', { value: this.roleId, description: `Unique ID (AROA...) of ${this.node.path}` });
      }
    }

    this.node.addValidation({
      validate: () => this.trustPolicy.isEmpty && this.role.assumeRolePolicy?.isEmpty !== false
        ? [`${this.node.path}: the role trusts no one; give it at least one trust relationship (props or addTrust(Trust...))`]
        : [],
    });
  }

  /**
   * The environment the role is defined in.
   */
  public get env(): ResourceEnvironment {
    // Read on demand: iam.Role works it out from the stack on first read, which most roles never need.
    return this.role.env;
  }

  /**
   * The role's ARN.
   */
  public get roleArn(): string {
    // Read on demand, as iam.Role computes it: most roles of an app are never referenced.
    return this.role.roleArn;
  }

  /**
   * The role's name.
   */
  public get roleName(): string {
    return this.role.roleName;
  }

  /**
   * The role's unique ID (`AROA...`), as IAM reports it.
   */
  public get roleId(): string {
    return this.role.roleId;
  }

  /**
   * Adds a trust relationship to the role's trust policy.
   *
   * @param trust the relationship, made with the `Trust` factories
   */
  public addTrust(trust: TrustRelationship): void {
    this.trustPolicy.add(trust, `addTrust(${trust})`);
    this.offerSwitchRoleUrl(trust);
  }

  /**
   * The trust relationships of the role. A trust policy given as JSON (`Trust.fromPolicyJson`)
   * is listed as the typed relationships its statements were lifted into, followed by a
   * `PolicyJsonTrust` of the statements kept verbatim, if any.
   */
  public get trusts(): TrustRelationship[] {
    return this.trustPolicy.trusts;
  }

  /**
   * A reference to the role, for constructs that take `IRoleRef`.
   */
  public get roleRef(): iam.RoleReference {
    return this.role.roleRef;
  }

  /**
   * The policy fragment that identifies the role as a principal.
   */
  public get policyFragment(): iam.PrincipalPolicyFragment {
    return this.role.policyFragment;
  }

  /**
   * The account the role belongs to.
   */
  public get principalAccount(): string | undefined {
    return this.role.principalAccount;
  }

  /**
   * Adds a statement to the role's default identity policy.
   *
   * @param statement the statement
   */
  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    return this.role.addToPrincipalPolicy(statement);
  }

  /**
   * Attaches an inline policy construct (a separate `AWS::IAM::Policy`) to the role.
   *
   * @param policy the policy
   */
  public attachInlinePolicy(policy: iam.Policy): void {
    this.role.attachInlinePolicy(policy);
  }

  /**
   * Attaches a managed policy to the role.
   *
   * @param policy the policy
   */
  public addManagedPolicy(policy: iam.IManagedPolicy): void {
    this.role.addManagedPolicy(policy);
  }

  /**
   * Grants the given principal the given actions on this role.
   *
   * @param grantee the principal
   * @param actions IAM actions
   */
  public grant(grantee: iam.IPrincipal, ...actions: string[]): iam.Grant {
    return this.role.grant(grantee, ...actions);
  }

  /**
   * Grants the principal `iam:PassRole` on this role.
   *
   * @param grantee the principal
   */
  public grantPassRole(grantee: iam.IPrincipal): iam.Grant {
    return this.role.grantPassRole(grantee);
  }

  /**
   * Grants the principal `sts:AssumeRole` on this role (the caller's side of the trust).
   *
   * @param grantee the principal
   */
  public grantAssumeRole(grantee: iam.IPrincipal): iam.Grant {
    return this.role.grantAssumeRole(grantee);
  }

  /**
   * Sets what happens to the role when it leaves the stack.
   *
   * @param policy the removal policy
   */
  public applyRemovalPolicy(policy: RemovalPolicy): void {
    this.role.applyRemovalPolicy(policy);
  }

  /**
   * Revokes the sessions issued before `time`, as the IAM console's "Revoke active sessions"
   * does: adds the inline policy `AWSRevokeOlderSessions`, which denies every action to
   * sessions whose `aws:TokenIssueTime` is earlier. Calling it again moves the time.
   *
   * @param time sessions issued before this instant lose all permissions
   */
  public revokeSessionsIssuedBefore(time: Date): void {
    if (!(time instanceof Date) || Number.isNaN(time.getTime())) {
      throw invalidInput(this, 'revokeSessionsIssuedBefore', String(time), 'must be a valid Date');
    }
    if (this.revokeBefore === undefined) {
      const cfnRole = this.role.node.defaultChild as iam.CfnRole | undefined;
      const issuedAt = Lazy.string({ produce: () => this.revokeBefore!.toISOString().replace(/\.\d{3}Z$/, 'Z') });
      if (!cfnRole) {
        // A pre-created role (iam.Role.customizeRoles): the statement goes to CDK's policy report.
        this.role.addToPrincipalPolicy(new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          actions: ['*'],
          resources: ['*'],
          conditions: { DateLessThan: { 'aws:TokenIssueTime': issuedAt } },
        }));
      } else {
        const existing = cfnRole.policies;
        cfnRole.policies = Lazy.any({
          produce: () => [...(Array.isArray(existing) ? existing : []), {
            policyName: 'AWSRevokeOlderSessions',
            policyDocument: {
              Version: '2012-10-17',
              Statement: [{
                Effect: 'Deny',
                Action: ['*'],
                Resource: ['*'],
                Condition: { DateLessThan: { 'aws:TokenIssueTime': issuedAt } },
              }],
            },
          }],
        });
      }
    }
    this.revokeBefore = time;
  }

  /**
   * Pod annotations for clusters that use kube2iam or kiam: `iam.amazonaws.com/role` and,
   * for kube2iam, `iam.amazonaws.com/external-id`. The role must trust the nodes' role.
   *
   * @param externalId the ExternalId kube2iam passes
   * @default - no ExternalId annotation
   */
  public kube2iamAnnotations(externalId?: string): { [key: string]: string } {
    const { KUBE2IAM_EXTERNAL_ID_ANNOTATION, KUBE2IAM_ROLE_ANNOTATION } = kubernetesHandoff();
    return {
      [KUBE2IAM_ROLE_ANNOTATION]: this.roleArn,
      ...(externalId ? { [KUBE2IAM_EXTERNAL_ID_ANNOTATION]: externalId } : {}),
    };
  }

  /**
   * An AWS CLI / SDK config profile that assumes this role, as config-file text, e.g. for a
   * ConfigMap or a developer's `~/.aws/config`. The role ARN is a token until deploy time.
   *
   * @param options the profile's name and where its credentials come from
   */
  public cliProfile(options: CliProfileOptions): string {
    const { text, problem } = cliProfileHandoff().renderCliProfile(this.roleArn, options);
    if (problem) {
      throw invalidInput(this, 'cliProfile', options.profileName, problem);
    }
    return text!;
  }

  /**
   * Creates an EKS Pod Identity association (`AWS::EKS::PodIdentityAssociation`) that gives
   * this role's credentials to a service account of a cluster in the stack's account and
   * Region. When the app is synthesized, the role's trust must admit the association (e.g.
   * `Trust.eksPodIdentity({ clusterNames: ['prod'], namespaces: ['payments'] })`); an
   * association the trust can never admit is an error. With `targetRoleArn`, the role is also
   * allowed to assume the target role.
   *
   * @param id the construct ID of the association, unique within the role
   * @param options the cluster, namespace and service account, and the target role
   */
  public addPodIdentityAssociation(id: string, options: PodIdentityAssociationOptions): eks.CfnPodIdentityAssociation {
    return podIdentityAssociationInput().createPodIdentityAssociation(this, id, options, `addPodIdentityAssociation(${id})`);
  }

  /**
   * Adds a relationship on behalf of a construct prop, so errors name that prop.
   *
   * @param field the prop the relationship comes from
   * @param trust the relationship
   */
  protected addTrustFor(field: string, trust: TrustRelationship): void {
    this.trustPolicy.add(trust, field);
    this.offerSwitchRoleUrl(trust);
  }

  /**
   * Adds the `SwitchRoleUrl` output once, with the first trust people assume by hand, when
   * `outputs` asks for it: trust is added by props, by subclasses and by `addTrust`.
   */
  private offerSwitchRoleUrl(trust: TrustRelationship): void {
    if (this.switchRoleTarget && roleOutputs().assumedByHand(trust)) {
      roleOutputs().addSwitchRoleUrlOutput(this, this.switchRoleTarget);
      this.switchRoleTarget = undefined;
    }
  }

  /** Limits that depend on the whole role, checked when the app is synthesized. */
  private sizeProblems(cfnRole: iam.CfnRole, trustQuota: number, managedQuota: number): string[] {
    const problems: string[] = [];
    // As CDK resolved them for the template, shared with the checks (see validation/captured-value.ts).
    const trustSize = policySize(resolvedProperty(cfnRole, 'assumeRolePolicyDocument'));
    if (trustSize > trustQuota) {
      problems.push(`${this.node.path}: invalid trust policy of about ${trustSize} characters (counted without whitespace, deploy-time values at their longest): `
        + `IAM allows ${trustQuota} (trustPolicySizeQuota); merge principals that share conditions, or raise the quota in Service Quotas (up to ${LIMITS.trustPolicyMaxQuota}) and set trustPolicySizeQuota`);
    }
    const inline = (resolvedProperty(cfnRole, 'policies') ?? []) as any[];
    const inlineSize = inline.reduce((sum, p) => sum + policySize(p.policyDocument ?? p.PolicyDocument), 0);
    if (inlineSize > LIMITS.inlinePoliciesTotal) {
      problems.push(`${this.node.path}: invalid inline policies of about ${inlineSize} characters in total: IAM allows ${LIMITS.inlinePoliciesTotal} per role; `
        + 'move statements into managed policies (managedPolicies), each up to 6,144 characters');
    }
    const managed = (resolvedProperty(cfnRole, 'managedPolicyArns') ?? []) as any[];
    if (managed.length > managedQuota) {
      problems.push(`${this.node.path}: invalid managedPolicyArns with ${managed.length} policies: IAM attaches at most ${managedQuota} (managedPoliciesQuota) to a role; `
        + `combine policies, or raise the quota in Service Quotas (up to ${LIMITS.managedPoliciesMaxQuota}) and set managedPoliciesQuota`);
    }
    return problems;
  }

  private renderTrustPolicy(): any {
    // Statements added through `role.assumeRolePolicy` directly are kept after ours.
    const extra = this.role.assumeRolePolicy?.isEmpty === false ? (this.role.assumeRolePolicy.toJSON()?.Statement ?? []) : [];
    return { Version: '2012-10-17', Statement: [...this.trustPolicy.renderStatements(), ...extra] };
  }

  private managedPolicies(props: AssumableRoleOptions): iam.IManagedPolicy[] | undefined {
    if (!props.managedPolicies && !props.managedPolicyArns && !props.awsManagedPolicyNames) return undefined;
    const policies = [...(props.managedPolicies ?? [])];
    (props.managedPolicyArns ?? []).forEach((arn, i) => {
      policies.push(iam.ManagedPolicy.fromManagedPolicyArn(this, `ManagedPolicy${i}`, ArnTemplate.render(arn)));
    });
    (props.awsManagedPolicyNames ?? []).forEach((name) => {
      policies.push(iam.ManagedPolicy.fromAwsManagedPolicyName(name));
    });
    return policies;
  }

  private inlinePolicies(props: AssumableRoleOptions, selfArn: string | undefined): { [name: string]: iam.PolicyDocument } | undefined {
    if (!props.inlinePolicies && !props.inlinePolicyJson && !selfArn) return undefined;
    // A map without prototype, so names like "valueOf" or "__proto__" are ordinary keys.
    // Validated with the other props (assumableRoleProblems) before the role was made.
    const policies: { [name: string]: iam.PolicyDocument } = Object.assign(Object.create(null), props.inlinePolicies ?? {});
    for (const [name, json] of Object.entries(props.inlinePolicyJson ?? {})) {
      const { policyDocumentOf, readIdentityPolicy } = policyInput();
      policies[name] = policyDocumentOf(readIdentityPolicy(json).document);
    }
    if (selfArn) {
      const { SELF_ASSUME_POLICY_NAME, selfAssumePolicy } = selfAssume();
      policies[SELF_ASSUME_POLICY_NAME] = selfAssumePolicy(selfArn);
    }
    return Object.keys(policies).length > 0 ? policies : undefined;
  }
}

/**
 * The principal handed to `iam.Role`: it contributes no statement, because the trust
 * policy is rendered from `Trust` values instead (see `renderTrustPolicy`).
 */
class DeferredTrustPrincipal extends iam.PrincipalBase {
  public readonly policyFragment = new iam.PrincipalPolicyFragment({});

  public addToAssumeRolePolicy(_document: iam.PolicyDocument): void {
    // Intentionally empty: the construct renders its own trust statements.
  }

  public dedupeString(): string | undefined {
    return undefined;
  }
}

/** One for every role: the principal holds nothing of its own. */
const DEFERRED_TRUST = new DeferredTrustPrincipal();

/** The stack `scope` belongs to, or `undefined` when it is not in a stack (an App or a Stage). */
function stackOfScope(scope: Construct): Stack | undefined {
  try {
    return Stack.of(scope);
  } catch {
    return undefined;
  }
}
