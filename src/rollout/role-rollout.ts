import { Annotations, CfnStackSet, ISynthesisSession, Lazy, Names, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cxschema from 'aws-cdk-lib/cloud-assembly-schema';
import { Construct, IConstruct } from 'constructs';
import { MemberStack, MemberStackSynthesizer } from './member-stack';
import { bootstrapReferences, memberTemplateErrors } from './member-template';
import { roleArnTemplate, roleIdentity } from './role-identity';
import { ineffectiveConcurrency, rolloutProblems } from './rollout-input';
import {
  HubAccessOptions, HubTrustStyle, RolloutAccountFilter, RolloutCallAs, RolloutOperationPreferences,
} from './rollout-options';
import { RolloutTargets, sharedRoleNames, sharedTargets } from './rollout-overlap';
import { ArnTemplate } from '../arn-template';
import { callerActions } from '../private/caller-actions';
import { invalidInput, throwFirst } from '../private/errors';
import { FINDING_PREFIX } from '../private/finding-ids';
import { resourceScopeConditions } from '../private/resource-scope';
import { AssumableRole } from '../roles/assumable-role';
import { CallerPolicy } from '../roles/caller-policy';
import { Trust } from '../trust/trust';
import { TrustRelationship } from '../trust/trust-relationship';

/**
 * Props of `RoleRollout`.
 */
export interface RoleRolloutProps {
  /**
   * The AWS Organizations organization the target accounts belong to, e.g. `o-a1b2c3d4e5`.
   * The hub's policy admits only roles of its accounts (`aws:ResourceOrgID`), and the member
   * roles trust only a hub role of it (`aws:PrincipalOrgID`).
   */
  readonly organizationId: string;

  /**
   * The organizational units (`ou-ab12-11111111`) or the root (`r-ab12`) whose accounts get
   * the roles: every account in them and in the OUs below them, now and when it joins later
   * (automatic deployment). The management account never gets them: service-managed StackSets
   * do not deploy to it, even when it is in a target OU (AWS CloudFormation API reference,
   * DeploymentTargets). At most 50.
   */
  readonly organizationalUnitIds: string[];

  /**
   * The one Region the stack instances are created in. IAM roles are global: a second Region
   * would create the same named roles twice in every account, which IAM refuses.
   */
  readonly region: string;

  /**
   * Accounts that narrow the OUs, as `accountFilter` says.
   *
   * @default - every account of the OUs
   */
  readonly accounts?: string[];

  /**
   * How `accounts` narrow the OUs; required with `accounts`.
   *
   * @default - no filter (every account of the OUs)
   */
  readonly accountFilter?: RolloutAccountFilter;

  /**
   * The StackSet's name: letters, digits and hyphens, starting with a letter, unique in the
   * Region of the stack that holds the rollout.
   *
   * @default - a unique name derived from the construct path
   */
  readonly stackSetName?: string;

  /**
   * The StackSet's description (1-1,024 characters).
   *
   * @default - a description naming the construct path
   */
  readonly description?: string;

  /**
   * Whether the stack holding the rollout is deployed to the organization's management account
   * or to a delegated administrator account of CloudFormation StackSets.
   *
   * @default RolloutCallAs.SELF (the management account)
   */
  readonly callAs?: RolloutCallAs;

  /**
   * Whether the roles stay in an account that leaves the target OUs (they are no longer
   * managed by the StackSet). When false, they are deleted.
   *
   * @default false
   */
  readonly retainStacksOnAccountRemoval?: boolean;

  /**
   * How create, update and delete operations proceed across the accounts.
   *
   * @default - CloudFormation's defaults: one account at a time, stop at the first failure
   */
  readonly operationPreferences?: RolloutOperationPreferences;
}

/**
 * The same IAM roles in every account of some organizational units, trusted from a hub account:
 * a service-managed CloudFormation StackSet with automatic deployment, so an account that joins
 * an OU gets the roles, and one that leaves loses them.
 *
 * Put the roles in `memberStack` (any of this library's role constructs, a `RoleCatalog`, or
 * anything else a CloudFormation template can hold), then let a hub role assume them with
 * `grantAssumeFromHub`, which writes both sides: the member roles trust the hub role, and the
 * hub role's policy allows `sts:AssumeRole` on those roles in every account of the OUs without
 * listing any (`arn:{partition}:iam::*:role/<path><name>` narrowed by `aws:ResourceOrgID` and
 * `aws:ResourceOrgPaths`).
 *
 * The rollout's own stack is deployed to the organization's management account, or a delegated
 * administrator account (`callAs`), with trusted access between CloudFormation StackSets and
 * AWS Organizations enabled. The member stack's template becomes the StackSet's TemplateBody
 * (at most 51,200 bytes, CloudFormation API reference, CreateStackSet): it is checked at
 * synthesis, together with everything a StackSet cannot deploy (parameters without default,
 * exports and imports, assets).
 *
 * @example
 * declare const hubRole: iam.IRole;
 * const rollout = new RoleRollout(this, 'MemberRoles', {
 *   organizationId: 'o-a1b2c3d4e5',
 *   organizationalUnitIds: ['ou-ab12-11111111'],
 *   region: 'us-east-1',
 * });
 * const auditor = new CrossAccountRole(rollout.memberStack, 'Auditor', {
 *   roleName: 'auditor',
 *   awsManagedPolicyNames: ['SecurityAudit'],
 * });
 * rollout.grantAssumeFromHub(hubRole, [auditor]);
 */
export class RoleRollout extends Construct {
  /**
   * The stack whose template every target account gets: add the roles here. It is not a stack
   * the cdk CLI deploys (it has no artifact of its own); its template is the StackSet's
   * TemplateBody, and is also written to the cloud assembly for inspection.
   */
  public readonly memberStack: Stack;

  /**
   * The `AWS::CloudFormation::StackSet`.
   */
  public readonly stackSet: CfnStackSet;

  /**
   * The StackSet's name.
   */
  public readonly stackSetName: string;

  /**
   * The organization of the target accounts.
   */
  public readonly organizationId: string;

  /**
   * The target organizational units or root.
   */
  public readonly organizationalUnitIds: string[];

  /**
   * The Region of the stack instances.
   */
  public readonly region: string;

  private readonly props: RoleRolloutProps;
  private readonly synthesizer: MemberStackSynthesizer;
  private forwarded: boolean;

  /**
   * @param scope the construct the rollout belongs to, in the stack of the management or
   * delegated administrator account
   * @param id the construct ID
   * @param props the targets and the StackSet's options
   */
  constructor(scope: Construct, id: string, props: RoleRolloutProps) {
    throwFirst(scope.node.path ? `${scope.node.path}/${id}` : id, rolloutProblems(props));
    super(scope, id);
    this.props = props;
    this.forwarded = false;
    this.organizationId = props.organizationId;
    this.organizationalUnitIds = [...props.organizationalUnitIds];
    this.region = props.region;
    this.stackSetName = props.stackSetName ?? defaultStackSetName(this);

    this.synthesizer = new MemberStackSynthesizer((session) => this.memberSynthesized(session));
    this.memberStack = new MemberStack(this, 'Members', this.synthesizer, {
      description: `Roles of ${this.node.path}, deployed by the StackSet ${this.stackSetName} (cdk-assumable-roles)`,
    });

    const prefs = props.operationPreferences;
    this.stackSet = new CfnStackSet(this, 'Resource', {
      stackSetName: this.stackSetName,
      description: props.description ?? `IAM roles of ${this.node.path} for the accounts of ${this.organizationalUnitIds.join(', ')} (cdk-assumable-roles)`,
      permissionModel: 'SERVICE_MANAGED',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: props.retainStacksOnAccountRemoval ?? false },
      callAs: props.callAs ?? RolloutCallAs.SELF,
      capabilities: ['CAPABILITY_NAMED_IAM'],
      templateBody: Lazy.uncachedString({ produce: () => this.templateBody() }),
      stackInstancesGroup: [{
        deploymentTargets: {
          organizationalUnitIds: this.organizationalUnitIds,
          accounts: props.accounts,
          accountFilterType: props.accountFilter,
        },
        regions: [props.region],
      }],
      operationPreferences: prefs === undefined ? undefined : {
        failureToleranceCount: prefs.failureToleranceCount,
        failureTolerancePercentage: prefs.failureTolerancePercentage,
        maxConcurrentCount: prefs.maxConcurrentCount,
        maxConcurrentPercentage: prefs.maxConcurrentPercentage,
        concurrencyMode: prefs.concurrencyMode,
      },
    });
    const concurrency = ineffectiveConcurrency(prefs);
    if (concurrency) {
      Annotations.of(this).addWarningV2(`${FINDING_PREFIX}StackSetConcurrency`, concurrency);
    }
    this.node.addValidation({ validate: () => this.overlapProblems() });
  }

  /**
   * Lets a hub role assume member roles in every target account, writing both sides of the
   * trust:
   *
   * - each member role trusts the hub role, from the organization (see `HubTrustStyle`);
   * - the hub role gets a `CallerPolicy` allowing `sts:AssumeRole` on
   *   `arn:{partition}:iam::*:role/<path><name>` of each member role, only for roles of this
   *   organization (`aws:ResourceOrgID`) under the target OUs (`aws:ResourceOrgPaths`), and of
   *   the listed accounts when `accounts` narrow the OUs (`aws:ResourceAccount`).
   *
   * The member roles need a fixed `roleName`: the hub names them in accounts it does not list.
   * The hub role needs a known account and name: a role with `roleName` in a stack with an
   * explicit `env.account`, or one imported by ARN (`iam.Role.fromRoleArn`). For a hub role
   * managed outside this app, use `hubPolicyStatement` for its side.
   *
   * @param hubRole the role in the hub account that assumes the member roles
   * @param memberRoles roles of `memberStack`
   * @param options trust style, session tags, source identity, policy name
   */
  public grantAssumeFromHub(hubRole: iam.IRole, memberRoles: AssumableRole[], options: HubAccessOptions = {}): CallerPolicy {
    const hubArn = this.hubRoleArn(hubRole);
    const roleArns = this.memberRoleArns(memberRoles);
    const trust = this.hubTrust(hubArn, options);
    for (const role of memberRoles) {
      role.addTrust(trust);
    }
    let id = `Assume${this.node.id}`;
    for (let n = 2; hubRole.node.tryFindChild(id); n++) {
      id = `Assume${this.node.id}${n}`;
    }
    const scope = this.hubScope();
    return new CallerPolicy(hubRole, id, {
      roleArns,
      grantees: [hubRole],
      sessionTags: options.sessionTags,
      sourceIdentity: options.sourceIdentity,
      policyName: options.policyName,
      resourceOrganizationId: scope.organizationId,
      resourceOrganizationalUnitIds: scope.organizationalUnitIds,
      resourceAccounts: scope.accounts,
      excludedResourceAccounts: scope.excludedAccounts,
    });
  }

  /**
   * The hub's side alone, for a hub role this app does not manage: the statement allowing
   * `sts:AssumeRole` on the member roles in every target account (the same statement
   * `grantAssumeFromHub` attaches). The member roles must trust that hub role too, e.g. with
   * `Trust.account(hubAccount).withPrincipalArn(hubRoleArn).withinOrganization(organizationId)`.
   *
   * @param memberRoles roles of `memberStack`, each with a fixed `roleName`
   * @param options session tags and source identity
   */
  public hubPolicyStatement(memberRoles: AssumableRole[], options: HubAccessOptions = {}): iam.PolicyStatement {
    const roleArns = this.memberRoleArns(memberRoles);
    const conditions = resourceScopeConditions(this.hubScope());
    return new iam.PolicyStatement({
      actions: callerActions(options),
      resources: roleArns.map((arn) => ArnTemplate.render(arn)),
      conditions,
    });
  }

  /** Where the hub may assume the roles: the organization, the OUs, and the account filter. */
  private hubScope() {
    const filter = this.props.accountFilter;
    return {
      organizationId: this.organizationId,
      organizationalUnitIds: this.organizationalUnitIds,
      accounts: filter === RolloutAccountFilter.INTERSECTION ? this.props.accounts : undefined,
      excludedAccounts: filter === RolloutAccountFilter.DIFFERENCE ? this.props.accounts : undefined,
    };
  }

  /** `arn:{partition}:iam::*:role<path><name>` of each member role; throws for a role without name. */
  private memberRoleArns(memberRoles: AssumableRole[]): string[] {
    if (!Array.isArray(memberRoles) || memberRoles.length === 0) {
      throw invalidInput(this, 'memberRoles', memberRoles, 'give at least one role of memberStack');
    }
    return memberRoles.map((role, i) => {
      if (!(role instanceof AssumableRole) || Stack.of(role) !== this.memberStack) {
        throw invalidInput(this, `memberRoles[${i}]`, role?.node?.path ?? role,
          `must be a role of this rollout's memberStack (${this.memberStack.node.path}), e.g. new CrossAccountRole(rollout.memberStack, ...)`);
      }
      const identity = roleIdentity(role);
      if (identity.name === undefined) {
        throw invalidInput(this, `roleName of ${role.node.path}`, undefined,
          'member roles that the hub assumes need a fixed roleName: the hub names them in every account by ARN (arn:{partition}:iam::*:role/<path><name>), '
          + 'and an account does not know a generated name in advance');
      }
      if (identity.path === undefined) {
        throw invalidInput(this, `path of ${role.node.path}`, 'a deploy-time value', 'member roles that the hub assumes need a literal path');
      }
      return roleArnTemplate('*', identity);
    });
  }

  /** The hub role's ARN template; throws when the app cannot name the hub role literally. */
  private hubRoleArn(hubRole: iam.IRole): string {
    const path = hubRole?.node?.path;
    if (hubRole && Stack.of(hubRole) === this.memberStack) {
      throw invalidInput(this, 'hubRole', path, 'the hub role must not be a member role: it lives in the hub account, outside memberStack');
    }
    const identity = roleIdentity(hubRole);
    if (identity.name === undefined || identity.path === undefined) {
      throw invalidInput(this, 'hubRole', path,
        'give the hub role a fixed roleName (and a literal path): the member roles name it in their trust policies, in every account');
    }
    if (identity.account === undefined) {
      throw invalidInput(this, 'hubRole', path,
        'put the hub role in a stack with an explicit env.account, or import it with iam.Role.fromRoleArn: the member roles name its account in their trust policies');
    }
    return roleArnTemplate(identity.account, identity);
  }

  private hubTrust(hubArn: string, options: HubAccessOptions): TrustRelationship {
    const style = options.trustStyle ?? HubTrustStyle.PRINCIPAL_ARN_CONDITION;
    if (!Object.values(HubTrustStyle).includes(style)) {
      throw invalidInput(this, 'trustStyle', style, 'must be HubTrustStyle.PRINCIPAL_ARN_CONDITION or HubTrustStyle.ROLE_ARN');
    }
    const account = hubArn.split(':')[4];
    let trust: TrustRelationship = style === HubTrustStyle.ROLE_ARN
      ? Trust.role(hubArn).withinOrganization(this.organizationId)
      : Trust.account(account).withPrincipalArn(hubArn).withinOrganization(this.organizationId);
    if (options.sessionTags) {
      trust = trust.withSessionTags();
    }
    if (options.sourceIdentity) {
      trust = trust.withSourceIdentity();
    }
    return trust;
  }

  /** The member template as TemplateBody: compact JSON, as CloudFormation receives it. */
  private templateBody(): string {
    try {
      return JSON.stringify((this.memberStack as MemberStack).renderTemplate());
    } catch (e) {
      const message = (e as Error).message ?? String(e);
      if (/cross-stack reference/i.test(message)) {
        throw new Error(`${this.node.path}: the member stack refers to a value of another stack (${message}); `
          + 'member roles are deployed into other accounts, where that value does not exist: give it as a constant, e.g. an ARN template with its account and name');
      }
      throw e;
    }
  }

  /** Runs when the member stack is synthesized: the template checks and the findings of its constructs. */
  private memberSynthesized(_session: ISynthesisSession): void {
    if (!this.forwarded) {
      this.forwarded = true;
      forwardMessages(this.memberStack, this);
    }
    const template = (this.memberStack as MemberStack).renderTemplate();
    const errors = memberTemplateErrors(template, JSON.stringify(template));
    if (errors.length > 0) {
      const [first] = errors;
      throw invalidInput(this, first.field, first.value, errors.length === 1 ? first.message
        : `${first.message} (and ${errors.length - 1} more: ${errors.slice(1).map((e) => `${e.field} ${e.message}`).join('; ')})`);
    }
    const assets = this.synthesizer.assets;
    const references = bootstrapReferences(template);
    if (assets.length > 0 || references.length > 0) {
      const what = assets.length > 0
        ? `${assets.length} asset${assets.length === 1 ? '' : 's'} (${[...new Set(assets.map((a) => a.kind))].join(', ')})`
        : 'CDK bootstrap assets';
      Annotations.of(this).addWarningV2(`${FINDING_PREFIX}StackSetAssets`,
        `the member template uses ${what} in the CDK bootstrap bucket or repository of each member account (${references.join(', ') || 'see the member template'}); `
        + 'a StackSet deploys the template only, nothing publishes assets to the member accounts, so its stack instances fail unless the same objects are '
        + 'already there. Use inline code (lambda.Code.fromInline) or resources without assets in member stacks');
    }
  }

  /** Errors of roles created twice in an account: by this rollout, or by this and another one of the app. */
  private overlapProblems(): string[] {
    const mine = this.targets();
    const problems: string[] = [];
    const rollouts = this.node.root.node.findAll().filter((c): c is RoleRollout => c instanceof RoleRollout);
    for (const other of rollouts.slice(0, rollouts.indexOf(this))) {
      const theirs = other.targets();
      const names = sharedRoleNames(mine, theirs);
      const where = names.length > 0 ? sharedTargets(mine, theirs) : undefined;
      if (where !== undefined) {
        problems.push(invalidInput(this, 'organizationalUnitIds', this.organizationalUnitIds,
          `this rollout and ${other.node.path} both create the role${names.length === 1 ? '' : 's'} ${names.map((n) => JSON.stringify(n)).join(', ')} `
          + `in the accounts of ${where}; a role name is unique in an account (IAM), so the second StackSet's stack instances would fail. `
          + 'Deploy each role from one rollout, or target different OUs').message);
      }
    }
    return problems;
  }

  private targets(): RolloutTargets {
    const names: string[] = [];
    for (const c of this.memberStack.node.findAll()) {
      if (c instanceof iam.CfnRole && c.roleName !== undefined) {
        const name = this.memberStack.resolve(c.roleName);
        if (typeof name === 'string') {
          names.push(name);
        }
      }
    }
    return {
      organizationId: this.organizationId,
      organizationalUnitIds: this.organizationalUnitIds,
      accounts: this.props.accounts ?? [],
      accountFilter: this.props.accountFilter,
      roleNames: names,
    };
  }
}

/** A StackSet name from the construct path: letters, digits and hyphens, starting with a letter. */
function defaultStackSetName(rollout: RoleRollout): string {
  const name = Names.uniqueResourceName(rollout, { maxLength: 120, separator: '-', allowedSpecialCharacters: '-' });
  return /^[A-Za-z]/.test(name) ? name : `R-${name}`;
}

/**
 * Reports the findings (errors, warnings, infos) of the member stack's constructs at the
 * rollout, naming where each was found: the member stack has no artifact of its own, and the
 * cdk CLI reads findings from the artifacts.
 */
function forwardMessages(from: IConstruct, to: IConstruct): void {
  const { ERROR, WARN, INFO } = cxschema.ArtifactMetadataEntryType;
  const levels: string[] = [ERROR, WARN, INFO];
  for (const c of from.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (levels.includes(entry.type) && !Token.isUnresolved(entry.data)) {
        to.node.addMetadata(entry.type, `${c.node.path}: ${entry.data}`, { stackTrace: false });
      }
    }
  }
}
