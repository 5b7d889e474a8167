/**
 * An independent answer to "who may assume this role, and what may its sessions do?", for tests.
 *
 * A stack is synthesized once, its template resolved for one partition, account and region
 * (with `resolveCfn`), and each question is put to `@cloud-copilot/iam-simulate`, an IAM policy
 * evaluator that knows nothing of this library. The engine (AGPL) is a devDependency used by
 * tests only; it is never imported by `src/`.
 *
 * The helper fails loudly rather than answer a question it cannot answer faithfully:
 * - the engine reports validation errors (unknown action, malformed policy): throw;
 * - the engine ignored a context key and no documented gap explains it: throw;
 * - a policy holds an ARN of another partition, or a condition operator IAM does not have
 *   (two things the engine does not check): throw;
 * - a managed policy or boundary has no known document, or the template holds an intrinsic
 *   the resolver does not know: throw;
 * - a policy uses a key about the role's own account (`aws:ResourceAccount`, `aws:ResourceOrgID`,
 *   `aws:ResourceOrgPaths`) and the evaluation was not told whether, and where, that account is
 *   in an organization (`EvaluatorOptions.resourceOrganization`): throw.
 *
 * Resource keys: AWS puts `aws:ResourceAccount` in the context of every `sts:AssumeRole*`, and
 * `aws:ResourceOrgID` / `aws:ResourceOrgPaths` when the role's account is in an organization
 * (IAM User Guide, "AWS global condition context keys"). The engine does not derive them. They
 * are set only when `resourceOrganization` is given, so that the evaluations of policies without
 * such keys stay exactly as they were; a policy with such a key and no `resourceOrganization`
 * is refused rather than evaluated with the keys missing.
 *
 * Engine gaps worked around, and only these (see `Decision.workarounds`):
 * - `oidc-claim-keys`: the engine's data has no `<issuer>:sub` / `<issuer>:aud` keys for EKS
 *   issuers nor `token.actions.githubusercontent.com:sub/aud`, and `runSimulation` drops them.
 *   The request is then evaluated with `runUnsafeSimulation`, after `runSimulation` validated
 *   the same request and every dropped key was shown to be a claim of the caller's own issuer.
 * - `companion-action-keys`: the engine's data lists fewer keys for `sts:TagSession` and
 *   `sts:SetSourceIdentity` than for the `AssumeRole*` call they are part of (e.g. no
 *   `sts:ExternalId`), while STS authorizes them with the context of that one call. Keys the
 *   engine accepts for the primary action are then passed through the same way.
 * - `multivalued-claim-keys` (web identity providers built into STS): the engine types
 *   `cognito-identity.amazonaws.com:amr` as one string, and `runSimulation` then reads only one
 *   of its values, though AWS documents the key as multivalued (`authenticated` with the login
 *   providers used; IAM User Guide, "Available keys for AWS web identity federation"). A request
 *   whose claim key holds several values is then evaluated with `runUnsafeSimulation`, the values
 *   passed as the list they are, after `runSimulation` validated the same request. The same path
 *   takes the Cognito keys of AWS GovCloud (US) (`cognito-identity-us-gov.amazonaws.com:aud`, ...),
 *   which the engine does not know and drops (`oidc-claim-keys`).
 * - `federated-provider-principal`: the engine reads a principal that is neither an ARN nor a
 *   name ending in amazonaws.com (`accounts.google.com`, `graph.facebook.com`, `www.amazon.com`)
 *   as a principal of another account, which needs an identity policy as well as the trust
 *   policy. A web identity has none and needs none (STS decides on the role's trust policy
 *   alone), so the caller is given one that allows exactly the requested actions on the role:
 *   the outcome is then the trust policy's.
 */
import { appendFileSync } from 'fs';
import { createValidatedPolicy, lintResourcePolicy, validateIdentityPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';
import {
  allowedContextKeysForRequest, EvaluationResult, isConditionKeyArray, runSimulation, runUnsafeSimulation, Simulation, typeForContextKey,
} from '@cloud-copilot/iam-simulate';
import { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';
import { DeployEnvironment, ENVIRONMENTS, PartitionName, resolveCfn } from './resolve';
import { AssumableRole } from '../../src';

/** Request context values: one string, or several for multivalued keys. */
export type ContextValues = Record<string, string | string[]>;

/** An IAM policy document as JSON. */
export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: any[];
}

interface CallerBase {
  /** Further request context keys; they override the ones the helper derives. */
  readonly context?: ContextValues;
}

/** A session of an IAM role, or an IAM user, of some account (of the evaluated partition). */
export interface IamCaller extends CallerBase {
  readonly kind: 'role' | 'user';
  readonly account: string;
  readonly name: string;
  /** @default '/' */
  readonly path?: string;
  /** `sts:ExternalId` passed to `AssumeRole`. @default - none */
  readonly externalId?: string;
  /**
   * MFA: a number is the age in seconds of an MFA sign-in (`aws:MultiFactorAuthPresent=true`,
   * `aws:MultiFactorAuthAge`); `false` sets `aws:MultiFactorAuthPresent=false`.
   * @default - neither key present, as for a session obtained without MFA
   */
  readonly mfaAgeSeconds?: number | false;
  /** `aws:PrincipalOrgID` of the caller's account. @default - not in an organization */
  readonly organizationId?: string;
  /**
   * The caller's identity policies (`{partition}`, `{account}` placeholders allowed).
   * @default - one policy allowing the requested actions on the target role, as `CallerPolicy` grants
   */
  readonly identityPolicies?: PolicyDocument[];
}

/** An AWS service acting on behalf of a resource. */
export interface ServiceCaller extends CallerBase {
  readonly kind: 'service';
  /** Full service principal name, e.g. `lambda.amazonaws.com`. */
  readonly service: string;
  readonly sourceAccount?: string;
  /** `{partition}`, `{account}`, `{region}` placeholders allowed. */
  readonly sourceArn?: string;
}

/** A holder of an OIDC token, exchanged with `AssumeRoleWithWebIdentity`. */
export interface WebIdentityCaller extends CallerBase {
  readonly kind: 'web-identity';
  /** Host and path of the IAM OIDC provider the token is presented to, e.g. `oidc.eks.us-east-1.amazonaws.com/id/ABC`. */
  readonly issuer: string;
  /** @default - the evaluated account */
  readonly providerAccount?: string;
  readonly sub: string;
  /** @default 'sts.amazonaws.com' */
  readonly aud?: string;
}

/**
 * A user of a web identity provider built into STS (a Cognito identity pool, Google, Facebook,
 * Login with Amazon), with `AssumeRoleWithWebIdentity`: no IAM OIDC provider, the provider's name
 * is the principal and prefixes the token's claims.
 */
export interface BuiltinWebIdentityCaller extends CallerBase {
  readonly kind: 'builtin-web-identity';
  /** The provider, e.g. `cognito-identity.amazonaws.com`, `accounts.google.com`. */
  readonly provider: string;
  /** The token's claims by key name without the provider, e.g. `{ aud: 'us-east-1:...', amr: ['authenticated'] }`. */
  readonly claims: ContextValues;
}

/** A user federated through a SAML provider, with `AssumeRoleWithSAML`. */
export interface SamlCaller extends CallerBase {
  readonly kind: 'saml';
  readonly providerName: string;
  /** @default - the evaluated account */
  readonly providerAccount?: string;
  /** @default - the AWS sign-in endpoint of the evaluated partition */
  readonly aud?: string;
}

export type Caller = IamCaller | ServiceCaller | WebIdentityCaller | SamlCaller | BuiltinWebIdentityCaller;

type Options<T> = Omit<T, 'kind' | 'account' | 'name' | 'service' | 'issuer' | 'sub' | 'providerName' | 'provider' | 'claims'>;

/** Shorthands for callers. */
export const Callers = {
  role: (account: string, name: string, options: Options<IamCaller> = {}): IamCaller => ({ kind: 'role', account, name, ...options }),
  user: (account: string, name: string, options: Options<IamCaller> = {}): IamCaller => ({ kind: 'user', account, name, ...options }),
  service: (service: string, options: Options<ServiceCaller> = {}): ServiceCaller => ({ kind: 'service', service, ...options }),
  webIdentity: (issuer: string, sub: string, options: Options<WebIdentityCaller> = {}): WebIdentityCaller =>
    ({ kind: 'web-identity', issuer, sub, ...options }),
  saml: (providerName: string, options: Options<SamlCaller> = {}): SamlCaller => ({ kind: 'saml', providerName, ...options }),
  builtinWebIdentity: (provider: string, claims: ContextValues, options: Options<BuiltinWebIdentityCaller> = {}): BuiltinWebIdentityCaller =>
    ({ kind: 'builtin-web-identity', provider, claims, ...options }),
};

/** Where SAML assertions for the AWS console are addressed, per partition (AWS documentation). */
export const SAML_SIGN_IN_ENDPOINTS: Record<string, string> = {
  'aws': 'https://signin.aws.amazon.com/saml',
  'aws-cn': 'https://signin.amazonaws.cn/saml',
  'aws-us-gov': 'https://signin.amazonaws-us-gov.com/saml',
};

/** The engine's answer to one question. */
export interface Decision {
  /** Whether every requested action was allowed. */
  readonly allowed: boolean;
  /** The engine's result per action. */
  readonly results: Record<string, EvaluationResult>;
  /** Engine gaps worked around for this question (empty when the validated path answered). */
  readonly workarounds: string[];
  /** What was asked, for failure messages. */
  readonly request: { principal: string; resource: string; context: ContextValues };
}

/** A role as CloudFormation would create it in the evaluated environment. */
export interface ResolvedRole {
  readonly logicalId: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly trustPolicy: PolicyDocument;
  readonly identityPolicies: Array<{ name: string; document: PolicyDocument }>;
  readonly permissionsBoundary?: { arn: string; document: PolicyDocument };
}

/** Options of `TrustEvaluator.forStack`. */
export interface EvaluatorOptions {
  /** Values of `Ref`s the template cannot compute, e.g. parameters. */
  readonly refs?: Record<string, unknown>;
  /**
   * Documents of managed policies that are not defined in the stack (customer managed
   * boundaries, AWS managed policies), by ARN; `{partition}` and `{account}` placeholders allowed
   * in keys and documents.
   */
  readonly externalPolicies?: Record<string, PolicyDocument>;
  /**
   * Where the evaluated account (the roles' account) is in AWS Organizations: sets the resource
   * keys `aws:ResourceAccount`, `aws:ResourceOrgID` and `aws:ResourceOrgPaths` of every request;
   * `'none'` for an account outside any organization (only `aws:ResourceAccount`).
   * @default - no resource keys; a policy that uses one is refused
   */
  readonly resourceOrganization?: ResourceOrganization | 'none';
}

/** An account's place in AWS Organizations, as the `aws:*OrgID` and `aws:*OrgPaths` keys give it. */
export interface ResourceOrganization {
  /** e.g. `o-a1b2c3d4e5` */
  readonly organizationId: string;
  /** The path down to the account's parent, e.g. `o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/` */
  readonly path: string;
}

const RESOURCE_KEYS = ['aws:resourceaccount', 'aws:resourceorgid', 'aws:resourceorgpaths'];

/** Something that identifies a role of the stack. */
export type RoleRef = AssumableRole | IConstruct | string;

const STS_AUDIENCE = 'sts.amazonaws.com';
const COMPANION_ACTIONS = new Set(['sts:tagsession', 'sts:setsourceidentity']);
const OIDC_CLAIMS = ['sub', 'aud', 'amr'];

/** IAM condition operators (before `IfExists`), from the IAM condition operator reference. */
const OPERATORS = new Set([
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike',
]);

const counters = { questions: 0, engineRuns: 0, unsafeRuns: 0, workarounds: {} as Record<string, number> };

/** How many questions were asked and engine runs made in this test file so far. */
export function evaluationStats(): { questions: number; engineRuns: number; unsafeRuns: number; workarounds: Record<string, number> } {
  return { ...counters, workarounds: { ...counters.workarounds } };
}

// With TRUST_EVALUATOR_STATS=<file>, each test file appends its counts as one JSON line.
if (process.env.TRUST_EVALUATOR_STATS && typeof afterAll === 'function') {
  afterAll(() => {
    const file = expect.getState().testPath ?? 'unknown';
    appendFileSync(process.env.TRUST_EVALUATOR_STATS!, `${JSON.stringify({ file, ...evaluationStats() })}\n`);
  });
}

const templates = new WeakMap<Stack, any>();

/** Renders `{partition}`, `{account}`, `{region}`, `{urlSuffix}` in every string of a value. */
export function renderPlaceholders<T>(value: T, env: DeployEnvironment): T {
  if (typeof value === 'string') {
    return value.replace(/(?<!\$)\{(partition|account|region|urlSuffix)\}/g, (_m, name: keyof DeployEnvironment) => env[name]) as any;
  }
  if (Array.isArray(value)) {
    return value.map((v) => renderPlaceholders(v, env)) as any;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [renderPlaceholders(k, env), renderPlaceholders(v, env)])) as any;
  }
  return value;
}

/** Problems the engine does not report: ARNs of another partition, unknown condition operators. */
export function policyProblems(document: unknown, partition: string): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      const arnPartition = value.startsWith('arn:') ? value.split(':')[1] : undefined;
      if (arnPartition !== undefined && !/[*?]/.test(arnPartition) && arnPartition !== partition) {
        problems.push(`${path}: ARN ${JSON.stringify(value)} is in partition ${JSON.stringify(arnPartition)}, not ${JSON.stringify(partition)}`);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk(document, '$');
  const statements = (document as any)?.Statement;
  for (const [i, statement] of (Array.isArray(statements) ? statements : [statements]).entries()) {
    for (const operator of Object.keys(statement?.Condition ?? {})) {
      const base = operator.replace(/^(ForAllValues|ForAnyValue):/, '');
      const known = base === 'Null' ? operator === base : OPERATORS.has(base.replace(/IfExists$/, ''));
      if (!known) {
        problems.push(`Statement[${i}].Condition: ${JSON.stringify(operator)} is not an IAM condition operator`);
      }
    }
  }
  return problems;
}

/**
 * Evaluates the roles of one synthesized stack in one environment.
 */
export class TrustEvaluator {
  /**
   * @param stack a stack whose app can still be synthesized (synthesized once, then cached)
   * @param env partition name or full environment
   */
  public static forStack(stack: Stack, env: PartitionName | DeployEnvironment = 'aws', options: EvaluatorOptions = {}): TrustEvaluator {
    let template = templates.get(stack);
    if (!template) {
      template = Template.fromStack(stack).toJSON();
      templates.set(stack, template);
    }
    return new TrustEvaluator(stack, template, typeof env === 'string' ? ENVIRONMENTS[env] : env, options);
  }

  /**
   * Evaluates a template of `stack` that is not its own artifact, e.g. the member template a
   * StackSet deploys (its TemplateBody). The stack gives the logical IDs of its constructs and
   * the names CloudFormation would generate.
   */
  public static forTemplate(stack: Stack, template: any, env: PartitionName | DeployEnvironment = 'aws', options: EvaluatorOptions = {}): TrustEvaluator {
    return new TrustEvaluator(stack, template, typeof env === 'string' ? ENVIRONMENTS[env] : env, options);
  }

  public readonly env: DeployEnvironment;
  private readonly resources: Record<string, any>;
  private readonly refs: Record<string, unknown>;
  private readonly roles = new Map<string, ResolvedRole>();

  private constructor(
    private readonly stack: Stack,
    private readonly template: any,
    env: DeployEnvironment,
    private readonly options: EvaluatorOptions,
  ) {
    if (!env) {
      throw new Error('unknown environment');
    }
    this.env = env;
    const org = options.resourceOrganization;
    if (org !== undefined && org !== 'none' && !(org.path.startsWith(`${org.organizationId}/r-`) && org.path.endsWith('/'))) {
      throw new Error(`resourceOrganization.path ${JSON.stringify(org.path)} is not an organization path of ${org.organizationId} (<org>/r-<root>/.../)`);
    }
    this.resources = template.Resources ?? {};
    this.refs = { ...this.resourceRefs(), ...(options.refs ?? {}) };
  }

  /** The role as CloudFormation would create it, with its policies resolved. */
  public role(ref: RoleRef): ResolvedRole {
    const logicalId = this.logicalIdOf(ref);
    let role = this.roles.get(logicalId);
    if (!role) {
      role = this.resolveRole(logicalId);
      this.roles.set(logicalId, role);
    }
    return role;
  }

  /**
   * May `caller` call the assume action(s) on the role?
   *
   * @param actions default: the action of the caller's kind (`sts:AssumeRole`,
   * `sts:AssumeRoleWithWebIdentity` or `sts:AssumeRoleWithSAML`); add `sts:TagSession` etc.
   * to ask whether the whole call is allowed
   */
  public async mayAssume(ref: RoleRef, caller: Caller, options: { actions?: string[] } = {}): Promise<Decision> {
    counters.questions++;
    const role = this.role(ref);
    const primary = primaryAction(caller);
    const actions = options.actions ?? [primary];
    const described = this.describeCaller(caller, role, actions);
    const { principal, identityPolicies, claimKeys } = described;
    for (const [i, policy] of identityPolicies.entries()) {
      throwIfProblems(`identity policy ${i} of the caller`, policyProblems(policy, this.env.partition));
    }
    const context = { ...this.resourceContext([role.trustPolicy, ...identityPolicies]), ...described.context };
    const trust = createValidatedPolicy(role.trustPolicy, validateTrustPolicy, { name: `${role.logicalId} trust policy` });
    const results: Record<string, EvaluationResult> = {};
    const workarounds = new Set<string>(described.workarounds ?? []);
    for (const action of actions) {
      const simulation: Simulation = {
        request: { principal, action, resource: { resource: role.arn, accountId: this.env.account }, contextVariables: context },
        identityPolicies: identityPolicies.map((policy, i) => ({ name: `caller-policy-${i}`, policy })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: trust,
      };
      const response = await runSimulation(simulation, {});
      counters.engineRuns++;
      if (response.resultType !== 'single') {
        throw new Error(`the engine could not evaluate ${action} on ${role.arn} for ${principal}: ${JSON.stringify(response.resultType === 'error' ? response.errors : response.resultType)}`);
      }
      const ignored = response.result.ignoredContextKeys ?? [];
      const multivalued = await singleValuedClaims(context, claimKeys);
      if (ignored.length === 0 && multivalued.length === 0) {
        results[action] = response.overallResult;
        continue;
      }
      if (multivalued.length > 0) {
        workarounds.add('multivalued-claim-keys');
      }
      const primaryKeys = COMPANION_ACTIONS.has(action.toLowerCase()) ? await contextKeysOf(primary, role.arn) : new Set<string>();
      for (const key of ignored) {
        if (claimKeys.has(key.toLowerCase())) {
          workarounds.add('oidc-claim-keys');
        } else if (primaryKeys.has(key.toLowerCase())) {
          workarounds.add('companion-action-keys');
        } else {
          throw new Error(`the engine ignored context key ${key} for ${action} on ${role.arn} (ignored: ${ignored.join(', ')}); `
            + 'a test must not pass keys the request does not carry');
        }
      }
      const contextVariables = await normalize(context, claimKeys);
      results[action] = runUnsafeSimulation({ ...simulation, request: { ...simulation.request, contextVariables } }, {});
      counters.unsafeRuns++;
    }
    for (const w of workarounds) {
      counters.workarounds[w] = (counters.workarounds[w] ?? 0) + 1;
    }
    return {
      allowed: actions.every((a) => results[a] === 'Allowed'),
      results,
      workarounds: [...workarounds],
      request: { principal, resource: role.arn, context },
    };
  }

  /**
   * May a session of the role call `action` on `resource`? Evaluates the role's identity
   * policies (inline, attached, managed) and its permissions boundary, in the role's account.
   *
   * @param resource an ARN; `{partition}`, `{account}`, `{region}` placeholders allowed
   */
  public async maySessionDo(
    ref: RoleRef, action: string, resource: string, options: { context?: ContextValues; resourceAccount?: string } = {},
  ): Promise<Decision> {
    counters.questions++;
    const role = this.role(ref);
    const principal = `arn:${this.env.partition}:sts::${this.env.account}:assumed-role/${role.name}/evaluation`;
    const context: ContextValues = {
      'aws:PrincipalArn': role.arn,
      'aws:PrincipalAccount': this.env.account,
      'aws:PrincipalType': 'AssumedRole',
      ...renderPlaceholders(options.context ?? {}, this.env),
    };
    const resourceArn = renderPlaceholders(resource, this.env);
    throwIfProblems('resource', policyProblems({ Resource: resourceArn }, this.env.partition));
    const response = await runSimulation({
      request: {
        principal, action, resource: { resource: resourceArn, accountId: options.resourceAccount ?? this.env.account }, contextVariables: context,
      },
      identityPolicies: role.identityPolicies.map((p) => ({ name: p.name, policy: p.document })),
      permissionBoundaryPolicies: role.permissionsBoundary
        ? [{ name: role.permissionsBoundary.arn, policy: role.permissionsBoundary.document }]
        : undefined,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    }, {});
    counters.engineRuns++;
    if (response.resultType !== 'single') {
      throw new Error(`the engine could not evaluate ${action} on ${resourceArn}: ${JSON.stringify(response.resultType === 'error' ? response.errors : response.resultType)}`);
    }
    if ((response.result.ignoredContextKeys ?? []).length > 0) {
      throw new Error(`the engine ignored context keys ${response.result.ignoredContextKeys!.join(', ')} for ${action}`);
    }
    return {
      allowed: response.overallResult === 'Allowed',
      results: { [action]: response.overallResult },
      workarounds: [],
      request: { principal, resource: resourceArn, context },
    };
  }

  /**
   * The resource keys of the evaluated account, when `resourceOrganization` says where it is;
   * refuses policies that use them when it does not.
   */
  private resourceContext(policies: unknown[]): ContextValues {
    const org = this.options.resourceOrganization;
    if (org === undefined) {
      const used = RESOURCE_KEYS.filter((key) => policies.some((p) => JSON.stringify(p).toLowerCase().includes(`"${key}"`)));
      if (used.length > 0) {
        throw new Error(`a policy uses ${used.join(', ')}, a key about the role's account; say where that account is in AWS Organizations `
          + "(EvaluatorOptions.resourceOrganization, or 'none') instead of evaluating without the key");
      }
      return {};
    }
    return org === 'none'
      ? { 'aws:ResourceAccount': this.env.account }
      : { 'aws:ResourceAccount': this.env.account, 'aws:ResourceOrgID': org.organizationId, 'aws:ResourceOrgPaths': [org.path] };
  }

  private describeCaller(caller: Caller, role: ResolvedRole, actions: string[]): {
    principal: string; context: ContextValues; identityPolicies: PolicyDocument[]; claimKeys: Set<string>; workarounds?: string[];
  } {
    const p = this.env.partition;
    const extra = renderPlaceholders(caller.context ?? {}, this.env);
    switch (caller.kind) {
      case 'role':
      case 'user': {
        const path = caller.path ?? '/';
        const arn = `arn:${p}:iam::${caller.account}:${caller.kind}${path}${caller.name}`;
        const principal = caller.kind === 'role' ? `arn:${p}:sts::${caller.account}:assumed-role/${caller.name}/evaluation` : arn;
        const context: ContextValues = {
          'aws:PrincipalArn': arn,
          'aws:PrincipalAccount': caller.account,
          'aws:PrincipalType': caller.kind === 'role' ? 'AssumedRole' : 'User',
        };
        if (caller.externalId !== undefined) {
          context['sts:ExternalId'] = caller.externalId;
        }
        if (caller.mfaAgeSeconds === false) {
          context['aws:MultiFactorAuthPresent'] = 'false';
        } else if (caller.mfaAgeSeconds !== undefined) {
          context['aws:MultiFactorAuthPresent'] = 'true';
          context['aws:MultiFactorAuthAge'] = String(caller.mfaAgeSeconds);
        }
        if (caller.organizationId !== undefined) {
          context['aws:PrincipalOrgID'] = caller.organizationId;
        }
        const identityPolicies = caller.identityPolicies
          ? renderPlaceholders(caller.identityPolicies, this.env)
          : [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: role.arn }] }];
        return { principal, context: { ...context, ...extra }, identityPolicies, claimKeys: new Set() };
      }
      case 'service': {
        const context: ContextValues = { 'aws:PrincipalIsAWSService': 'true', 'aws:PrincipalServiceName': caller.service };
        if (caller.sourceAccount !== undefined) {
          context['aws:SourceAccount'] = caller.sourceAccount;
        }
        if (caller.sourceArn !== undefined) {
          context['aws:SourceArn'] = renderPlaceholders(caller.sourceArn, this.env);
        }
        return { principal: caller.service, context: { ...context, ...extra }, identityPolicies: [], claimKeys: new Set() };
      }
      case 'web-identity': {
        const principal = `arn:${p}:iam::${caller.providerAccount ?? this.env.account}:oidc-provider/${caller.issuer}`;
        const context: ContextValues = { [`${caller.issuer}:sub`]: caller.sub, [`${caller.issuer}:aud`]: caller.aud ?? STS_AUDIENCE, ...extra };
        const claimKeys = new Set(OIDC_CLAIMS.map((c) => `${caller.issuer}:${c}`.toLowerCase()));
        return { principal, context, identityPolicies: [], claimKeys };
      }
      case 'builtin-web-identity': {
        const context: ContextValues = Object.fromEntries(Object.entries(caller.claims).map(([claim, value]) => [`${caller.provider}:${claim}`, value]));
        const claimKeys = new Set(Object.keys(context).map((k) => k.toLowerCase()));
        if (caller.provider.endsWith('.amazonaws.com')) {
          // The engine reads a principal ending in amazonaws.com as a service: the trust policy alone decides.
          return { principal: caller.provider, context: { ...context, ...extra }, identityPolicies: [], claimKeys };
        }
        // See `federated-provider-principal`: a policy that allows exactly the requested call, so
        // the trust policy alone decides, as STS decides for a web identity.
        const identityPolicies = [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: role.arn }] }];
        return { principal: caller.provider, context: { ...context, ...extra }, identityPolicies, claimKeys, workarounds: ['federated-provider-principal'] };
      }
      case 'saml': {
        const principal = `arn:${p}:iam::${caller.providerAccount ?? this.env.account}:saml-provider/${caller.providerName}`;
        const aud = caller.aud ?? SAML_SIGN_IN_ENDPOINTS[p];
        if (!aud) {
          throw new Error(`no SAML sign-in endpoint known for partition ${p}; give aud`);
        }
        return { principal, context: { 'SAML:aud': aud, ...extra }, identityPolicies: [], claimKeys: new Set() };
      }
      default:
        throw new Error(`unknown caller ${JSON.stringify(caller)}`);
    }
  }

  private logicalIdOf(ref: RoleRef): string {
    if (typeof ref === 'string') {
      return ref;
    }
    const construct = ref instanceof AssumableRole ? ref.role : ref;
    const element = construct.node.defaultChild as CfnElement | undefined;
    if (!element || Stack.of(construct) !== this.stack) {
      throw new Error(`${construct.node.path} is not a role of stack ${this.stack.stackName}`);
    }
    return this.stack.getLogicalId(element);
  }

  private resolveRole(logicalId: string): ResolvedRole {
    const resource = this.resources[logicalId];
    if (resource?.Type !== 'AWS::IAM::Role') {
      throw new Error(`${logicalId} is not an AWS::IAM::Role of the template`);
    }
    const props = resource.Properties ?? {};
    const name = this.refs[logicalId] as string;
    const path = props.Path === undefined ? '/' : this.resolve(props.Path);
    const arn = this.roleArn(logicalId);
    const trustPolicy = this.resolve(props.AssumeRolePolicyDocument);
    const trustErrors = [...validateTrustPolicy(trustPolicy), ...lintResourcePolicy(trustPolicy)]
      .map((e) => `${e.path}: ${e.message}`);
    throwIfProblems(`trust policy of ${logicalId}`, [...trustErrors, ...policyProblems(trustPolicy, this.env.partition)]);

    const identityPolicies: Array<{ name: string; document: PolicyDocument }> = [];
    for (const inline of (props.Policies ?? []) as any[]) {
      identityPolicies.push({ name: `inline:${this.resolve(inline.PolicyName)}`, document: this.resolve(inline.PolicyDocument) });
    }
    for (const [id, other] of Object.entries(this.resources)) {
      const attached = ((other.Properties?.Roles ?? []) as any[]).some((r) => r?.Ref === logicalId);
      if (attached && (other.Type === 'AWS::IAM::Policy' || other.Type === 'AWS::IAM::ManagedPolicy')) {
        identityPolicies.push({ name: `${other.Type}:${id}`, document: this.resolve(other.Properties.PolicyDocument) });
      }
    }
    for (const managedArn of this.resolve(props.ManagedPolicyArns ?? []) as string[]) {
      identityPolicies.push({ name: managedArn, document: this.managedPolicyDocument(managedArn, logicalId) });
    }
    for (const policy of identityPolicies) {
      const errors = validateIdentityPolicy(policy.document).map((e) => `${e.path}: ${e.message}`);
      throwIfProblems(`policy ${policy.name} of ${logicalId}`, [...errors, ...policyProblems(policy.document, this.env.partition)]);
    }
    let permissionsBoundary: ResolvedRole['permissionsBoundary'];
    if (props.PermissionsBoundary !== undefined) {
      const boundaryArn = this.resolve(props.PermissionsBoundary) as string;
      const document = this.managedPolicyDocument(boundaryArn, logicalId);
      const errors = validateIdentityPolicy(document).map((e) => `${e.path}: ${e.message}`);
      throwIfProblems(`permissions boundary ${boundaryArn} of ${logicalId}`, [...errors, ...policyProblems(document, this.env.partition)]);
      permissionsBoundary = { arn: boundaryArn, document };
    }
    return { logicalId, name, path, arn, trustPolicy, identityPolicies, permissionsBoundary };
  }

  private managedPolicyDocument(arn: string, roleId: string): PolicyDocument {
    for (const [id, resource] of Object.entries(this.resources)) {
      if (resource.Type === 'AWS::IAM::ManagedPolicy' && this.refs[id] === arn) {
        return this.resolve(resource.Properties.PolicyDocument);
      }
    }
    for (const [key, document] of Object.entries(this.options.externalPolicies ?? {})) {
      if (renderPlaceholders(key, this.env) === arn) {
        return renderPlaceholders(document, this.env);
      }
    }
    throw new Error(`${roleId}: no document for managed policy ${arn}; define it in the stack or pass it in externalPolicies`);
  }

  /** `Ref` values of the resources whose physical ID the helper can compute. */
  private resourceRefs(): Record<string, unknown> {
    const refs: Record<string, unknown> = {};
    const { partition, account } = this.env;
    const generated = (id: string) => `${this.stack.stackName}-${id}`.slice(0, 64);
    const tryResolve = (value: unknown): any => {
      try {
        return resolveCfn(value, this.env, { mappings: this.template.Mappings ?? {}, refs: this.options.refs ?? {} });
      } catch {
        return undefined;
      }
    };
    for (const [id, resource] of Object.entries(this.resources)) {
      const props = resource.Properties ?? {};
      switch (resource.Type) {
        case 'AWS::IAM::Role':
        case 'AWS::IAM::Policy': {
          const name = resource.Type === 'AWS::IAM::Role' ? props.RoleName : props.PolicyName;
          refs[id] = name === undefined ? generated(id) : tryResolve(name);
          break;
        }
        case 'AWS::IAM::ManagedPolicy': {
          const name = props.ManagedPolicyName ? tryResolve(props.ManagedPolicyName) : generated(id);
          const path = props.Path ? tryResolve(props.Path) : '/';
          if (name !== undefined && path !== undefined) {
            refs[id] = `arn:${partition}:iam::${account}:policy${path}${name}`;
          }
          break;
        }
        case 'AWS::IAM::OIDCProvider':
        case 'Custom::AWSCDKOpenIdConnectProvider': {
          const url = tryResolve(props.Url);
          if (typeof url === 'string') {
            refs[id] = `arn:${partition}:iam::${account}:oidc-provider/${url.replace(/^https:\/\//, '')}`;
          }
          break;
        }
        case 'AWS::IAM::SAMLProvider': {
          const name = props.Name ? tryResolve(props.Name) : generated(id);
          refs[id] = `arn:${partition}:iam::${account}:saml-provider/${name}`;
          break;
        }
        default:
          break;
      }
    }
    return Object.fromEntries(Object.entries(refs).filter(([, v]) => v !== undefined));
  }

  private roleArn(logicalId: string): string {
    const props = this.resources[logicalId]?.Properties ?? {};
    const name = this.refs[logicalId];
    if (typeof name !== 'string') {
      throw new Error(`cannot compute the name of role ${logicalId}`);
    }
    const path = props.Path === undefined ? '/' : this.resolve(props.Path);
    return `arn:${this.env.partition}:iam::${this.env.account}:role${path}${name}`;
  }

  /** Resolves a template value: `Fn::GetAtt`s first (which `resolveCfn` does not know), then the rest. */
  private resolve(value: unknown): any {
    return resolveCfn(this.substituteGetAtt(value), this.env, { mappings: this.template.Mappings ?? {}, refs: this.refs });
  }

  private substituteGetAtt(value: unknown): unknown {
    if (Array.isArray(value)) {
      return value.map((v) => this.substituteGetAtt(v));
    }
    if (!value || typeof value !== 'object') {
      return value;
    }
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
      const [id, attribute] = (value as any)['Fn::GetAtt'] as [string, string];
      const type = this.resources[id]?.Type;
      if (type === 'AWS::IAM::Role' && attribute === 'Arn') {
        return this.roleArn(id);
      }
      if (type === 'Custom::AWSCDKCfnJson' && attribute === 'Value') {
        const text = this.resolve(this.resources[id].Properties.Value);
        return JSON.parse(text);
      }
      if ((type === 'AWS::IAM::ManagedPolicy' && attribute === 'PolicyArn') || (type === 'AWS::IAM::OIDCProvider' && attribute === 'Arn')) {
        return this.refs[id];
      }
      throw new Error(`cannot resolve Fn::GetAtt ${id}.${attribute} (${type})`);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.substituteGetAtt(v)]));
  }
}

function primaryAction(caller: Caller): string {
  switch (caller.kind) {
    case 'web-identity':
    case 'builtin-web-identity': return 'sts:AssumeRoleWithWebIdentity';
    case 'saml': return 'sts:AssumeRoleWithSAML';
    default: return 'sts:AssumeRole';
  }
}

const keyCache = new Map<string, Set<string>>();

/** The context keys (lower case) the engine accepts for an action on a role. */
async function contextKeysOf(action: string, roleArn: string): Promise<Set<string>> {
  let keys = keyCache.get(action);
  if (!keys) {
    const [service, name] = action.split(':');
    keys = new Set((await allowedContextKeysForRequest(service, name, roleArn, false, undefined)).map((k) => k.toLowerCase()));
    keyCache.set(action, keys);
  }
  return keys;
}

/** The context as `runSimulation` would pass it on: multivalued keys as arrays, others as strings. */
async function normalize(context: ContextValues, claimKeys: Set<string>): Promise<ContextValues> {
  const out: ContextValues = {};
  for (const [key, value] of Object.entries(context)) {
    if (claimKeys.has(key.toLowerCase())) {
      out[key] = value;
      continue;
    }
    const type = await typeForContextKey(key);
    if (isConditionKeyArray(type)) {
      out[key] = [value].flat();
    } else if (Array.isArray(value)) {
      throw new Error(`context key ${key} takes one value, got ${JSON.stringify(value)}`);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The caller's claim keys that hold several values but that the engine types as one string
 * (`runSimulation` would read one of them): see `multivalued-claim-keys` above. Keys the engine
 * does not know are not listed here: `runSimulation` reports them as ignored.
 */
async function singleValuedClaims(context: ContextValues, claimKeys: Set<string>): Promise<string[]> {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(context)) {
    if (!claimKeys.has(key.toLowerCase()) || !Array.isArray(value) || value.length < 2) continue;
    const type = await typeForContextKey(key).catch(() => undefined);
    if (type !== undefined && !isConditionKeyArray(type)) keys.push(key);
  }
  return keys;
}

function throwIfProblems(what: string, problems: string[]): void {
  if (problems.length > 0) {
    throw new Error(`${what} cannot be evaluated faithfully:\n  ${problems.join('\n  ')}`);
  }
}
