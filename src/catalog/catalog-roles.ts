import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { TRUST_ENTRY_KEYS } from './catalog-schema';
import { PathStep } from './catalog-source';
import { PolicyKind } from '../policy-kind';
import { describeValue, InputProblem } from '../private/errors';
import { readPolicy } from '../private/policy-input';
import { assumableRoleProblems, boundedRoleProblems, crossAccountRoleInput, irsaRoleInput, serviceRoleInput } from '../private/role-input';
import { StackEnv } from '../private/stack-env';
import { AssumableRole, AssumableRoleOptions, AssumableRoleProps } from '../roles/assumable-role';
import { BoundedRole, BoundedRoleProps } from '../roles/bounded-role';
import { CrossAccountRole, CrossAccountRoleProps } from '../roles/cross-account-role';
import { IrsaRole, IrsaRoleProps } from '../roles/irsa-role';
import { PermissionsBoundary } from '../roles/permissions-boundary';
import { ServiceRole, ServiceRoleProps } from '../roles/service-role';
import { GitHubSubjectFormat } from '../trust/ci-trust-options';
import { OidcIssuer } from '../trust/oidc-issuer';
import { EksPodIdentityTrustOptions } from '../trust/pod-identity-trust';
import { Trust } from '../trust/trust';
import { TrustRelationship } from '../trust/trust-relationship';
import { RoleChecks } from '../validation/role-checks';

/**
 * From catalog entries to the role constructs of this library. An entry becomes the props of
 * its construct (`propsOf`); the catalog is validated with the constructs' own validators over
 * exactly those props (`entryProblems`), and the roles are built from the same props
 * (`createRole`), so validation and building cannot disagree.
 */

/** A fault of one entry, at a path relative to the entry. */
export interface EntryProblem {
  readonly path: PathStep[];
  readonly message: string;
}

/**
 * The construct ID of a role: its name. Role names use only letters, digits and `+=,.@_-`,
 * all valid in construct IDs, and are unique in a catalog (case-insensitively), so the ID
 * needs no rewriting and does not depend on the role's position in the list: reordering the
 * catalog never replaces a role.
 */
export function constructIdOf(name: string): string {
  // Role names cannot contain "/", the one character construct IDs reject; guard anyway.
  return name.replace(/\//g, '_');
}

/** The props of the construct an entry (valid against the schema) becomes. */
export function propsOf(entry: any): any {
  const common = commonProps(entry);
  switch (entry.kind) {
    case 'service':
      return {
        ...common,
        services: entry.services,
        restrictToSourceAccount: entry.restrictToSourceAccount,
        sourceArns: entry.sourceArns,
        instanceProfile: entry.instanceProfile,
      } as ServiceRoleProps;
    case 'cross-account':
      return {
        ...common,
        trustedAccounts: entry.trustedAccounts,
        trustedRoleArns: entry.trustedRoleArns,
        trustedUserArns: entry.trustedUserArns,
        externalIds: entry.externalIds,
        requireMfa: entry.requireMfa,
        mfaMaxAge: entry.mfaMaxAgeSeconds !== undefined ? Duration.seconds(entry.mfaMaxAgeSeconds) : undefined,
        principalArnPatterns: entry.principalArnPatterns,
        organizationId: entry.organizationId,
        sessionTags: entry.sessionTags,
        sourceIdentity: entry.sourceIdentity,
      } as CrossAccountRoleProps;
    case 'irsa':
      return {
        ...common,
        issuers: [
          ...(entry.oidcProviderArns ?? []).map((arn: string) => OidcIssuer.fromProviderArn(arn)),
          ...(entry.issuerUrls ?? []).map((url: string) => OidcIssuer.fromIssuerUrl(url)),
        ],
        serviceAccounts: entry.serviceAccounts,
      } as IrsaRoleProps;
    case 'bounded':
      return { ...common, trust: [...(entry.trust ?? []).map(trustOf), ...(common.trust ?? [])] } as BoundedRoleProps;
    case 'assumable':
      return { ...common, trust: [...(entry.trust ?? []).map(trustOf), ...(common.trust ?? [])] } as AssumableRoleProps;
    default:
      throw new Error(`unknown role kind ${JSON.stringify(entry.kind)}`);
  }
}

/**
 * Every problem the role constructs find in an entry's props, at the entry's own paths. `env`
 * is the stack's account and region where known: some rules depend on them.
 */
export function entryProblems(entry: any, env: StackEnv): EntryProblem[] {
  const props = propsOf(entry);
  const problems: InputProblem[] = [];
  switch (entry.kind) {
    case 'service':
      problems.push(...assumableRoleProblems(props, env), ...serviceRoleInput(props).problems);
      break;
    case 'cross-account':
      problems.push(...assumableRoleProblems(props, env), ...crossAccountRoleInput(props).problems);
      break;
    case 'irsa':
      problems.push(...assumableRoleProblems(props, env), ...irsaRoleInput(props, env).problems);
      break;
    case 'bounded':
      problems.push(...boundedRoleProblems(props), ...assumableRoleProblems(props, env));
      break;
    case 'assumable':
      problems.push(...assumableRoleProblems(props, env));
      break;
  }
  return [...trustPolicyProblems(entry), ...problems.flatMap((p) => placed(p, entry))];
}

/** Creates the construct for one entry. */
export function createRole(scope: Construct, entry: any): AssumableRole {
  const id = constructIdOf(entry.name);
  const props = propsOf(entry);
  let role: AssumableRole;
  switch (entry.kind) {
    case 'service':
      role = new ServiceRole(scope, id, props);
      break;
    case 'cross-account':
      role = new CrossAccountRole(scope, id, props);
      break;
    case 'irsa':
      role = new IrsaRole(scope, id, props);
      break;
    case 'bounded':
      role = new BoundedRole(scope, id, props);
      break;
    default:
      role = new AssumableRole(scope, id, props);
  }
  for (const [check, reason] of Object.entries<string>(entry.acknowledgedChecks ?? {})) {
    RoleChecks.acknowledge(role, check, reason);
  }
  return role;
}

function commonProps(entry: any): AssumableRoleOptions & { permissionsBoundary?: PermissionsBoundary } {
  const policies: { [name: string]: any } = {};
  for (const policy of entry.policies ?? []) {
    policies[policy.name] = { Version: '2012-10-17', Statement: policy.statements };
  }
  return {
    roleName: entry.name,
    description: entry.description,
    path: entry.path,
    maxSessionDuration: entry.maxSessionDurationSeconds !== undefined ? Duration.seconds(entry.maxSessionDurationSeconds) : undefined,
    tags: entry.tags,
    managedPolicyArns: entry.managedPolicyArns,
    awsManagedPolicyNames: entry.awsManagedPolicyNames,
    inlinePolicyJson: Object.keys(policies).length > 0 ? policies : undefined,
    permissionsBoundary: entry.permissionsBoundaryArn !== undefined ? PermissionsBoundary.fromArn(entry.permissionsBoundaryArn) : undefined,
    outputs: entry.outputs,
    trustPolicySizeQuota: entry.trustPolicySizeQuota,
    managedPoliciesQuota: entry.managedPoliciesQuota,
    removalPolicy: entry.removalPolicy !== undefined ? REMOVAL_POLICY[entry.removalPolicy as string] : undefined,
    trust: entry.trustPolicy !== undefined ? [Trust.fromPolicyJson(entry.trustPolicy)] : undefined,
    allowSelfAssume: entry.allowSelfAssume,
    podIdentityAssociations: entry.podIdentityAssociations,
  };
}

/** The catalog's `removalPolicy` values (see `REMOVAL_POLICIES`). */
const REMOVAL_POLICY: Record<string, RemovalPolicy> = {
  'destroy': RemovalPolicy.DESTROY,
  'retain': RemovalPolicy.RETAIN,
  'retain-on-update-or-delete': RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
};

/**
 * The faults of a `trustPolicy`, at their place in it: the trust grammar's and placeholders' with
 * the path of the faulty value (`trustPolicy.Statement[0].Resource`), a JSON syntax error of
 * text at the field, with the line and column in the text.
 */
function trustPolicyProblems(entry: any): EntryProblem[] {
  if (entry.trustPolicy === undefined) {
    return [];
  }
  const { problem, documentProblems } = readPolicy(entry.trustPolicy, PolicyKind.TRUST);
  if (!problem) {
    return [];
  }
  if (typeof entry.trustPolicy === 'string') {
    return [{ path: ['trustPolicy'], message: problem }];
  }
  return documentProblems.map((d) => ({ path: ['trustPolicy', ...d.path], message: d.message }));
}

/** The relationship of one trust entry, by its kind. */
function typedTrustOf(entry: any): TrustRelationship {
  if (entry.service !== undefined) {
    const trust = Trust.service(entry.service);
    return entry.restrictToSourceAccount ? trust.withSourceAccount() : trust;
  }
  if (entry.eksPodIdentity !== undefined) {
    return Trust.eksPodIdentity(podIdentityOptions(entry));
  }
  if (entry.eksPodIdentityRoleArn !== undefined) {
    return Trust.eksPodIdentityRole(entry.eksPodIdentityRoleArn, podIdentityOptions(entry));
  }
  if (entry.oidcProviderArn !== undefined) {
    return Trust.openIdConnect(OidcIssuer.fromProviderArn(entry.oidcProviderArn), { subjects: entry.subjects ?? [], audiences: entry.audiences });
  }
  if (entry.samlProviderArn !== undefined) {
    return Trust.saml(entry.samlProviderArn, { audiences: entry.audiences });
  }
  if (entry.cognitoIdentityPoolId !== undefined) {
    return Trust.cognitoIdentityPool(entry.cognitoIdentityPoolId, {
      authenticated: entry.authenticated, unauthenticated: entry.unauthenticated, identityIds: entry.identityIds,
    });
  }
  if (entry.googleClientIds !== undefined) {
    return Trust.google(entry.googleClientIds, { userIds: entry.userIds, originalAudiences: entry.originalAudiences });
  }
  if (entry.facebookAppIds !== undefined) {
    return Trust.facebook(entry.facebookAppIds, { userIds: entry.userIds });
  }
  if (entry.loginWithAmazonAppIds !== undefined) {
    return Trust.loginWithAmazon(entry.loginWithAmazonAppIds, { userIds: entry.userIds });
  }
  if (entry.gitHubRepository !== undefined) {
    return gitHubTrustOf(entry);
  }
  if (entry.gitLabProject !== undefined) {
    return Trust.gitlabCi({
      project: entry.gitLabProject,
      branches: entry.branches,
      tags: entry.tags,
      audiences: entry.audiences,
      projectId: idOf(entry.projectId),
      namespaceId: idOf(entry.namespaceId),
      protectedRefsOnly: entry.protectedRefsOnly,
      issuer: entry.instanceUrl !== undefined ? OidcIssuer.gitlab(entry.instanceUrl) : undefined,
    });
  }
  if (entry.hcpTerraformOrganization !== undefined) {
    return Trust.hcpTerraform({
      organization: entry.hcpTerraformOrganization,
      projects: entry.projects,
      workspaces: entry.workspaces,
      runPhases: entry.runPhases,
      audiences: entry.audiences,
      issuer: entry.instanceUrl !== undefined ? OidcIssuer.hcpTerraform(entry.instanceUrl) : undefined,
    });
  }
  if (entry.organization !== undefined) {
    return organizationTrustOf(entry);
  }
  let trust = entry.account !== undefined ? Trust.account(entry.account) : Trust.role(entry.roleArn);
  if (entry.externalId !== undefined) {
    trust = trust.withExternalId(entry.externalId);
  }
  return entry.requireMfa ? trust.requireMfa() : trust;
}

/** An `organization` trust entry: the organization or its units, with principal ARN patterns and MFA. */
function organizationTrustOf(entry: any): TrustRelationship {
  let trust = entry.organizationalUnits !== undefined
    ? Trust.organizationalUnits(entry.organization, entry.organizationalUnits)
    : Trust.organization(entry.organization);
  for (const pattern of entry.principalArnPatterns ?? []) {
    trust = trust.withPrincipalArn(pattern);
  }
  return entry.requireMfa ? trust.requireMfa() : trust;
}

/** A `gitHubRepository` entry: `Trust.githubActions` with its subject format and claims. */
function gitHubTrustOf(entry: any): TrustRelationship {
  const trust = Trust.githubActions({
    repository: entry.gitHubRepository,
    branches: entry.branches,
    tags: entry.tags,
    environments: entry.environments,
    pullRequests: entry.pullRequests,
    subjectFormat: entry.subjectFormat === 'immutable' ? GitHubSubjectFormat.IMMUTABLE : undefined,
    repositoryOwnerId: idOf(entry.repositoryOwnerId),
    repositoryId: idOf(entry.repositoryId),
    subjectClaimKeys: entry.subjectClaimKeys,
    subjectClaimValues: entry.subjectClaimValues,
    jobWorkflowRefs: entry.jobWorkflowRefs,
    workflows: entry.workflows,
    actors: entry.actors,
    actorIds: entry.actorIds?.map(idOf),
    enterpriseId: idOf(entry.enterpriseId),
  });
  return entry.audiences !== undefined ? trust.withAudiences(entry.audiences) : trust;
}

/** A numeric ID written as a number or a string in the file, as the constructs take it. */
function idOf(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** The restriction of an `eksPodIdentity` or `eksPodIdentityRoleArn` entry. */
function podIdentityOptions(entry: any): EksPodIdentityTrustOptions {
  return { clusterNames: entry.clusterNames, clusterArns: entry.clusterArns, namespaces: entry.namespaces, serviceAccounts: entry.serviceAccounts };
}

/** One trust entry, with the options every kind of entry accepts. */
function trustOf(entry: any): TrustRelationship {
  let trust = typedTrustOf(entry);
  if (entry.sessionTags) {
    trust = trust.withSessionTags();
  }
  return entry.sourceIdentity ? trust.withSourceIdentity() : trust;
}

/** The catalog fields of props whose names differ. */
const CATALOG_FIELD: Record<string, string> = {
  roleName: 'name',
  maxSessionDuration: 'maxSessionDurationSeconds',
  mfaMaxAge: 'mfaMaxAgeSeconds',
  permissionsBoundary: 'permissionsBoundaryArn',
};

/** A construct's problem at the path of the entry it came from, with the value found where the message does not show it. */
function placed(problem: InputProblem, entry: any): EntryProblem[] {
  const [field, ...rest] = problem.path;
  let path: PathStep[];
  if (field === 'inlinePolicyJson') {
    const index = (entry.policies as any[]).findIndex((p) => p.name === rest[0]);
    if (problem.documentProblems && problem.documentProblems.length > 0) {
      // Paths in the document start at its Statement list, which is the entry's `statements`.
      return problem.documentProblems.map((d) => ({
        path: ['policies', index, ...(d.path[0] === 'Statement' ? ['statements', ...d.path.slice(1)] : d.path)],
        message: d.message,
      }));
    }
    path = ['policies', index, 'name'];
  } else if (field === 'issuers') {
    const arns = (entry.oidcProviderArns ?? []).length;
    const index = rest[0] as number;
    path = index < arns ? ['oidcProviderArns', index] : ['issuerUrls', index - arns];
  } else if (field === 'trust' && (rest[0] as number) >= (entry.trust ?? []).length) {
    // The trust made from `trustPolicy` (after the entries). Faults of the document itself are
    // reported at their place by trustPolicyProblems; the others (its Version, the stack) here.
    return readPolicy(entry.trustPolicy, PolicyKind.TRUST).problem ? [] : [{ path: ['trustPolicy'], message: problem.message }];
  } else if (field === 'trust') {
    const key = TRUST_ENTRY_KEYS.find((k) => entry.trust[rest[0] as number]?.[k] !== undefined);
    // The problems of a Pod Identity entry are about its options (namespaces, clusterArns, ...):
    // placed at the entry, they are not repeated where the schema already reports an option.
    path = ['trust', rest[0], ...(key && !key.startsWith('eksPodIdentity') ? [unitsOrKey(entry.trust[rest[0] as number], key, problem.message)] : [])];
  } else {
    path = [CATALOG_FIELD[field as string] ?? field, ...rest];
  }
  const value = valueAt(entry, path);
  const shown = typeof value === 'string' && !problem.message.includes(JSON.stringify(value)) ? ` (found ${describeValue(value)})` : '';
  return [{ path, message: `${problem.message}${shown}` }];
}

/**
 * The field of a trust entry a problem is about: its key, or for an `organization` entry the
 * `organizationalUnits` when the problem is about the units (OrganizationTrust's messages say
 * "organizational unit(s)" or "root"), so a unit the schema already rejected is reported once.
 */
function unitsOrKey(trustEntry: any, key: string, message: string): string {
  return key === 'organization' && trustEntry.organizationalUnits !== undefined && /organizational units? |organization's root/.test(message) ? 'organizationalUnits' : key;
}

function valueAt(value: any, path: PathStep[]): unknown {
  return path.reduce((v, step) => (v && typeof v === 'object' ? v[step] : undefined), value);
}
