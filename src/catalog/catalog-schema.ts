/**
 * The JSON Schema of a role catalog: the YAML or JSON document `RoleCatalog` reads.
 *
 * It is shipped twice: as this object (validated with ajv when a catalog is loaded) and as
 * `schema/role-catalog.schema.json` (written from this object by the projen task
 * `schema:catalog`, which every build runs before compiling) for editors, e.g. with the YAML
 * language server:
 * `# yaml-language-server: $schema=<path or URL of role-catalog.schema.json>`.
 *
 * `x-rule` carries the sentence used in error messages (editors ignore it). `x-kind` marks the
 * per-kind part of a role entry. The patterns of values are IAM's input rules from
 * `private/rules.ts`, the ones the role constructs check, so the two cannot drift apart.
 */
import { PolicyKind } from '../policy-kind';
import { GIT_REF_NAME, GITHUB_CLAIM_KEY, GITHUB_WORKFLOW_REF, GITLAB_PROJECT_PATH, HCP_TERRAFORM_ORGANIZATION, HCP_TERRAFORM_PROJECT, HCP_TERRAFORM_WORKSPACE, NUMERIC_ID } from '../private/ci-rules';
import { FINDING_PREFIX } from '../private/finding-ids';
import {
  ACCOUNT_ID_OR_PLACEHOLDER, ARN, AWS_MANAGED_POLICY_NAME, EXTERNAL_ID, GITHUB_REF_NAME, GITHUB_REPOSITORY, InputRule, ISSUER_URL,
  MANAGED_POLICY_ARN, OIDC_PROVIDER_ARN, ORGANIZATION_ID, POLICY_NAME, ROLE_ARN, ROLE_DESCRIPTION, ROLE_LIMITS, ROLE_NAME, ROLE_PATH,
  SAML_PROVIDER_ARN, ORGANIZATIONAL_UNIT_ID,
  SERVICE_ACCOUNT, SERVICE_NAME, TAG_KEY, TAG_VALUE, USER_ARN,
  IDENTITY_POOL_ID, WEB_IDENTITY_ID,
  EKS_CLUSTER_ARN, EKS_CLUSTER_NAME, EKS_CLUSTER_NAME_PATTERN, KUBERNETES_NAME, KUBERNETES_NAMESPACE, KUBERNETES_NAMESPACE_NAME,
  KUBERNETES_SERVICE_ACCOUNT_NAME,
} from '../private/rules';
import { LIMITS } from '../validation/limits';
import { policySchema } from '../validation/policy-schema';
import { RoleChecks } from '../validation/role-checks';

/** The role kinds of a catalog, in the order they are documented. */
export const ROLE_KINDS = ['service', 'cross-account', 'irsa', 'bounded', 'assumable'] as const;

/** The `removalPolicy` values of a catalog, and the `RemovalPolicy` each stands for. */
export const REMOVAL_POLICIES = ['destroy', 'retain', 'retain-on-update-or-delete'] as const;

/** The kinds of trust entries of a `bounded` role; each entry has exactly one of these fields. */
export const TRUST_ENTRY_KEYS = [
  'service', 'account', 'roleArn', 'gitHubRepository', 'gitLabProject', 'hcpTerraformOrganization', 'eksPodIdentity', 'eksPodIdentityRoleArn',
  'oidcProviderArn', 'samlProviderArn', 'organization', 'cognitoIdentityPoolId', 'googleClientIds', 'facebookAppIds', 'loginWithAmazonAppIds',
] as const;

/** Where the committed schema file lives in the repository and in the npm package. */
export const CATALOG_SCHEMA_FILE = 'schema/role-catalog.schema.json';

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

/** A string property checked by one of IAM's input rules (shared with the constructs). */
function textRule(rule: InputRule): object {
  return {
    'type': 'string',
    ...(rule.maxLength !== undefined ? { maxLength: rule.maxLength } : {}),
    'pattern': rule.pattern,
    'x-rule': rule.rule,
  };
}

function nonEmptyList(item: object, description: string, rule: string): object {
  return { 'type': 'array', 'minItems': 1, 'items': item, description, 'x-rule': rule };
}

function flag(description: string): object {
  return { 'type': 'boolean', 'default': false, description, 'x-rule': 'must be true or false' };
}

// ---------------------------------------------------------------------------------------
// EKS Pod Identity: the restriction of a trust entry (Trust.eksPodIdentity and
// Trust.eksPodIdentityRole) and the associations of a role.
// ---------------------------------------------------------------------------------------

const POD_IDENTITY_RESTRICTION_FIELDS: Record<string, object> = {
  clusterNames: nonEmptyList(textRule(EKS_CLUSTER_NAME_PATTERN),
    'With eksPodIdentity or eksPodIdentityRoleArn: names of the clusters admitted (session tag eks-cluster-name); * and ? are wildcards.', 'must be a non-empty list of EKS cluster names'),
  clusterArns: nonEmptyList(textRule(EKS_CLUSTER_ARN),
    'With eksPodIdentity or eksPodIdentityRoleArn: ARNs or ARN templates of the clusters admitted (session tag eks-cluster-arn), e.g. arn:{partition}:eks:{region}:{account}:cluster/prod.', 'must be a non-empty list of EKS cluster ARNs'),
  namespaces: nonEmptyList(textRule(KUBERNETES_NAMESPACE),
    'With eksPodIdentity or eksPodIdentityRoleArn: Kubernetes namespaces admitted (session tag kubernetes-namespace); * and ? are wildcards.', 'must be a non-empty list of Kubernetes namespaces'),
  serviceAccounts: nonEmptyList(textRule(KUBERNETES_NAME),
    'With eksPodIdentity or eksPodIdentityRoleArn: names of the service accounts admitted, without their namespace (session tag kubernetes-service-account); * and ? are wildcards.',
    'must be a non-empty list of Kubernetes service account names'),
};

const POD_IDENTITY_TRUST_FIELDS: Record<string, object> = {
  eksPodIdentityRoleArn: {
    ...textRule(ROLE_ARN),
    description: 'Trust the EKS Pod Identity role of an association whose target role this is, as Trust.eksPodIdentityRole (sts:AssumeRole and sts:TagSession), by ARN or ARN template.',
  },
  ...POD_IDENTITY_RESTRICTION_FIELDS,
};

const POD_IDENTITY_ASSOCIATIONS_FIELD = nonEmptyList({
  'type': 'object',
  'additionalProperties': false,
  'required': ['clusterName', 'namespace', 'serviceAccount'],
  'properties': {
    clusterName: { ...textRule(EKS_CLUSTER_NAME), description: 'The name of the cluster, in the stack\'s account and Region.' },
    namespace: { ...textRule(KUBERNETES_NAMESPACE_NAME), description: 'The Kubernetes namespace of the service account.' },
    serviceAccount: { ...textRule(KUBERNETES_SERVICE_ACCOUNT_NAME), description: 'The name of the Kubernetes service account.' },
    targetRoleArn: { ...textRule(ROLE_ARN), description: 'A role (in any account) EKS assumes with this role and gives to the pods; it must trust this role (eksPodIdentityRoleArn).' },
    disableSessionTags: flag('EKS leaves out its session tags (a trust restricted by them then admits none of the association\'s sessions).'),
  },
  'description': 'An EKS Pod Identity association: a service account of a cluster that gets the role\'s credentials.',
  'x-rule': 'must be an association with "clusterName", "namespace" and "serviceAccount"',
}, 'EKS Pod Identity associations of the role (AWS::EKS::PodIdentityAssociation); its trust must admit each.', 'must be a non-empty list of Pod Identity associations');

// ---------------------------------------------------------------------------------------
// Reusable value types. ARN patterns leave partition and account open, so that `{partition}`
// and `{account}` placeholders pass them; the placeholders themselves are checked by name
// after the schema (an unknown `{placeholder}` is reported with its path).
// ---------------------------------------------------------------------------------------

/** Options every trust entry accepts, whatever its kind. */
const TRUST_ENTRY_OPTIONS = ['sessionTags', 'sourceIdentity'];

const definitions = {
  roleName: {
    ...textRule(ROLE_NAME),
    description: 'The IAM role name (1-64 letters, digits and +=,.@_-), unique in the catalog. IAM compares role names case-insensitively.',
  },
  accountId: {
    ...textRule(ACCOUNT_ID_OR_PLACEHOLDER),
    description: 'A 12-digit AWS account ID, quoted in YAML (e.g. \'111122223333\'), or {account} for the account the stack deploys to.',
  },
  arn: {
    ...textRule(ARN),
    description: 'An ARN or ARN template, e.g. arn:{partition}:events:{region}:{account}:rule/nightly; * and ? are wildcards.',
  },
  roleArn: {
    ...textRule(ROLE_ARN),
    description: 'An IAM role ARN or ARN template, e.g. arn:{partition}:iam::111122223333:role/deployer.',
  },
  userArn: {
    ...textRule(USER_ARN),
    description: 'An IAM user ARN or ARN template, e.g. arn:{partition}:iam::111122223333:user/alice.',
  },
  managedPolicyArn: {
    ...textRule(MANAGED_POLICY_ARN),
    description: 'An IAM managed policy ARN or ARN template, e.g. arn:{partition}:iam::{account}:policy/read-reports.',
  },
  oidcProviderArn: {
    ...textRule(OIDC_PROVIDER_ARN),
    description: 'An IAM OIDC provider ARN, e.g. arn:{partition}:iam::{account}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE. Placeholders are allowed in partition and account only: the issuer part also names the condition keys.',
  },
  issuerUrl: {
    ...textRule(ISSUER_URL),
    description: 'An OIDC issuer URL, e.g. an EKS cluster\'s https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE; the IAM OIDC provider is expected in the stack\'s account.',
  },
  numericId: {
    'type': ['string', 'integer'],
    'pattern': NUMERIC_ID.pattern,
    'minimum': 1,
    'description': 'A numeric ID of GitHub or GitLab (owner, repository, actor, enterprise, project, namespace), e.g. 123456.',
    'x-rule': NUMERIC_ID.rule,
  },
  serviceAccount: {
    ...textRule(SERVICE_ACCOUNT),
    description: 'A Kubernetes service account as namespace:name (a namespace is a lowercase DNS label, without dots; a name a lowercase DNS name); * and ? are wildcards.',
  },
  externalId: {
    ...textRule(EXTERNAL_ID),
    description: 'An sts:ExternalId value: 2-1,224 letters, digits and +=,.@:/-_.',
  },
  servicePrincipal: {
    ...textRule(SERVICE_NAME),
    description: 'An AWS service, short (lambda) or full (lambda.amazonaws.com).',
  },
  policyStatement: {
    ...(policySchema(PolicyKind.IDENTITY) as any).properties.Statement.items,
    description: 'An IAM policy statement as in AWS documentation: Effect, Action or NotAction, Resource or NotResource, optional Sid and Condition. Strings may use {partition}, {account} and {region}.',
  },
  policy: {
    'type': 'object',
    'additionalProperties': false,
    'required': ['name', 'statements'],
    'properties': {
      name: {
        ...textRule(POLICY_NAME),
        description: 'The inline policy name, unique within the role: 1-128 letters, digits and +=,.@_-.',
      },
      statements: {
        'type': 'array',
        'minItems': 1,
        'items': ref('policyStatement'),
        'description': 'The policy statements (Version 2012-10-17 is added).',
        'x-rule': 'must be a non-empty list of IAM policy statements',
      },
    },
    'description': 'An inline policy of the role: a name and its statements.',
    'x-rule': 'must be an inline policy with "name" and "statements"',
  },
  trustEntry: {
    'type': 'object',
    'additionalProperties': false,
    'properties': {
      service: { ...ref('servicePrincipal'), description: 'Trust an AWS service, e.g. lambda.' },
      restrictToSourceAccount: flag('With service: only on behalf of the stack\'s own account (aws:SourceAccount).'),
      account: { ...ref('accountId'), description: 'Trust a whole account (its principals whose own policies allow sts:AssumeRole).' },
      roleArn: { ...ref('roleArn'), description: 'Trust an IAM role, by ARN or ARN template.' },
      externalId: { ...ref('externalId'), description: 'With account or roleArn: the ExternalId the caller must pass.' },
      requireMfa: flag('With account, roleArn or organization: the caller must have signed in with MFA.'),
      gitHubRepository: {
        ...textRule(GITHUB_REPOSITORY),
        description: 'Trust GitHub Actions workflows of a repository, owner/name (through the account\'s token.actions.githubusercontent.com OIDC provider).',
      },
      branches: nonEmptyList(textRule(GIT_REF_NAME),
        'With gitHubRepository or gitLabProject: branches whose workflows or jobs may assume the role (* wildcards allowed).', 'must be a non-empty list of branch names'),
      environments: nonEmptyList({ ...textRule(GITHUB_REF_NAME), 'x-rule': 'must be an environment name without whitespace' },
        'With gitHubRepository: GitHub environments whose jobs may assume the role.', 'must be a non-empty list of environment names'),
      // ---- CI identities: GitHub subject formats and claims, GitLab CI, HCP Terraform ----
      tags: nonEmptyList(textRule(GIT_REF_NAME),
        'With gitHubRepository or gitLabProject: tags whose workflows or jobs may assume the role (* wildcards allowed).', 'must be a non-empty list of tag names'),
      pullRequests: flag('With gitHubRepository: workflows triggered by pull requests may assume the role.'),
      subjectFormat: {
        'enum': ['names', 'immutable'],
        'default': 'names',
        'description': 'With gitHubRepository: the format of the repository\'s sub claim, names (repo:owner/name:...) or immutable (repo:owner@ID/name@ID:..., needs repositoryOwnerId and repositoryId).',
        'x-rule': 'must be "names" or "immutable"',
      },
      repositoryOwnerId: { ...ref('numericId'), description: 'With gitHubRepository: the numeric ID of the repository\'s owner (in the immutable sub, otherwise the repository_owner_id claim).' },
      repositoryId: { ...ref('numericId'), description: 'With gitHubRepository: the numeric ID of the repository (in the immutable sub, otherwise the repository_id claim).' },
      subjectClaimKeys: nonEmptyList(textRule(GITHUB_CLAIM_KEY),
        'With gitHubRepository: the claim keys of the repository\'s customized sub template (include_claim_keys), in order, e.g. [repo, context, job_workflow_ref].', 'must be a non-empty list of claim keys'),
      subjectClaimValues: {
        'type': 'object',
        'minProperties': 1,
        'propertyNames': { 'pattern': GITHUB_CLAIM_KEY.pattern, 'x-rule': GITHUB_CLAIM_KEY.rule },
        'additionalProperties': { 'type': 'string', 'minLength': 1, 'x-rule': 'must be the claim\'s value' },
        'description': 'With gitHubRepository: values of template keys no other field gives, e.g. {repository_visibility: private}.',
        'x-rule': 'must be a map of claim keys to values, e.g. {repository_visibility: private}',
      },
      jobWorkflowRefs: nonEmptyList(textRule(GITHUB_WORKFLOW_REF),
        'With gitHubRepository: reusable workflows that must run the job (job_workflow_ref), owner/repository/path@ref.', 'must be a non-empty list of reusable workflows'),
      workflows: nonEmptyList({ 'type': 'string', 'minLength': 1, 'x-rule': 'must be a workflow name' },
        'With gitHubRepository: names of the workflows that may assume the role (the workflow claim).', 'must be a non-empty list of workflow names'),
      actors: nonEmptyList({ 'type': 'string', 'minLength': 1, 'x-rule': 'must be a GitHub login' },
        'With gitHubRepository: accounts that must have initiated the run (the actor claim).', 'must be a non-empty list of GitHub logins'),
      actorIds: nonEmptyList(ref('numericId'),
        'With gitHubRepository: numeric IDs of the accounts that must have initiated the run (the actor_id claim).', 'must be a non-empty list of numeric IDs'),
      enterpriseId: { ...ref('numericId'), description: 'With gitHubRepository: the numeric ID of the enterprise that must contain the repository (the enterprise_id claim).' },
      gitLabProject: {
        ...textRule(GITLAB_PROJECT_PATH),
        description: 'Trust GitLab CI/CD jobs of a project, group/project (through the account\'s gitlab.com OIDC provider, or instanceUrl\'s), as Trust.gitlabCi.',
      },
      projectId: { ...ref('numericId'), description: 'With gitLabProject on gitlab.com: the project\'s numeric ID (the gitlab.com:project_id claim).' },
      namespaceId: { ...ref('numericId'), description: 'With gitLabProject on gitlab.com: the numeric ID of the project\'s group or user namespace (the gitlab.com:namespace_id claim).' },
      protectedRefsOnly: flag('With gitLabProject on gitlab.com: only jobs on protected branches and tags (the gitlab.com:ref_protected claim).'),
      hcpTerraformOrganization: {
        ...textRule(HCP_TERRAFORM_ORGANIZATION),
        description: 'Trust HCP Terraform runs of an organization (through the account\'s app.terraform.io OIDC provider, or instanceUrl\'s), as Trust.hcpTerraform.',
      },
      projects: nonEmptyList(textRule(HCP_TERRAFORM_PROJECT), 'With hcpTerraformOrganization: projects whose workspaces may assume the role (default any).', 'must be a non-empty list of project names'),
      workspaces: nonEmptyList(textRule(HCP_TERRAFORM_WORKSPACE), 'With hcpTerraformOrganization: workspaces whose runs may assume the role (default any).', 'must be a non-empty list of workspace names'),
      runPhases: {
        ...nonEmptyList({ 'enum': ['plan', 'apply'], 'x-rule': 'must be "plan" or "apply"' },
          'With hcpTerraformOrganization: the run phases that may assume the role (default both).', 'must be a non-empty list of run phases (plan, apply)'),
        uniqueItems: true,
      },
      instanceUrl: {
        ...ref('issuerUrl'),
        description: 'With gitLabProject or hcpTerraformOrganization: the URL of a GitLab Self-Managed or Terraform Enterprise instance (default gitlab.com, app.terraform.io), whose IAM OIDC provider is in the stack\'s account.',
      },
      eksPodIdentity: {
        'const': true,
        'description': 'Trust EKS Pod Identity (pods.eks.amazonaws.com, with sts:TagSession), as Trust.eksPodIdentity(), optionally only for clusterNames, clusterArns, namespaces and serviceAccounts.',
        'x-rule': 'must be true',
      },
      ...POD_IDENTITY_TRUST_FIELDS,
      oidcProviderArn: { ...ref('oidcProviderArn'), description: 'Trust identities of an OpenID Connect provider registered in IAM, as Trust.openIdConnect (with subjects and audiences).' },
      subjects: nonEmptyList({ 'type': 'string', 'minLength': 1, 'x-rule': 'must be a sub claim value' },
        'With oidcProviderArn: the sub claims that may assume the role; values with * or ? are matched with StringLike.', 'must be a non-empty list of sub claim values'),
      samlProviderArn: { ...textRule(SAML_PROVIDER_ARN), description: 'Trust users federated through a SAML 2.0 provider registered in IAM, as Trust.saml, e.g. arn:{partition}:iam::{account}:saml-provider/okta.' },
      audiences: nonEmptyList({ 'type': 'string', 'minLength': 1, 'x-rule': 'must be an audience value' },
        'With oidcProviderArn: the aud claims accepted (default sts.amazonaws.com). With samlProviderArn: the SAML:aud values (default the sign-in endpoint of the stack\'s partition). '
        + 'With gitHubRepository or gitLabProject: the aud claims accepted (default sts.amazonaws.com); with hcpTerraformOrganization: default aws.workload.identity.',
        'must be a non-empty list of audiences'),
      organization: {
        ...textRule(ORGANIZATION_ID),
        description: 'Trust every IAM principal of the accounts of this AWS Organizations organization (Principal "*" with aws:PrincipalOrgID), as Trust.organization, e.g. o-a1b2c3d4e5.',
      },
      organizationalUnits: nonEmptyList(textRule(ORGANIZATIONAL_UNIT_ID),
        'With organization: only the accounts of these organizational units and of the units below them (aws:PrincipalOrgPaths), as Trust.organizationalUnits, e.g. [ou-ab12-11111111].',
        'must be a non-empty list of organizational unit IDs'),
      principalArnPatterns: nonEmptyList(ref('arn'),
        'With organization: only callers whose ARN matches one of these patterns (aws:PrincipalArn, ArnLike), e.g. [arn:{partition}:iam::*:role/deployer].',
        'must be a non-empty list of ARN patterns'),
      // The web identity providers built into STS (Trust.cognitoIdentityPool, google, facebook, loginWithAmazon).
      cognitoIdentityPoolId: {
        ...textRule(IDENTITY_POOL_ID),
        description: 'Trust identities of an Amazon Cognito identity pool, as Trust.cognitoIdentityPool: the pool ID <region>:<GUID> (cognito-identity.amazonaws.com:aud), authenticated identities unless told otherwise.',
      },
      authenticated: {
        'type': 'boolean',
        'default': true,
        'description': 'With cognitoIdentityPoolId: whether identities signed in through a login provider may assume the role (amr authenticated).',
        'x-rule': 'must be true or false',
      },
      unauthenticated: flag('With cognitoIdentityPoolId: whether unauthenticated (guest) identities may assume the role (amr unauthenticated); the role\'s permissions are then public.'),
      identityIds: nonEmptyList(textRule(IDENTITY_POOL_ID),
        'With cognitoIdentityPoolId: only these identities (cognito-identity.amazonaws.com:sub).', 'must be a non-empty list of identity IDs'),
      googleClientIds: nonEmptyList(textRule(WEB_IDENTITY_ID),
        'Trust users who sign in with Google, as Trust.google: your OAuth 2.0 client IDs (accounts.google.com:aud).', 'must be a non-empty list of Google client IDs'),
      facebookAppIds: nonEmptyList(textRule(WEB_IDENTITY_ID),
        'Trust users who log in with Facebook, as Trust.facebook: your app IDs (graph.facebook.com:app_id).', 'must be a non-empty list of Facebook app IDs'),
      loginWithAmazonAppIds: nonEmptyList(textRule(WEB_IDENTITY_ID),
        'Trust users who log in with Amazon, as Trust.loginWithAmazon: your app IDs (www.amazon.com:app_id).', 'must be a non-empty list of Login with Amazon app IDs'),
      userIds: nonEmptyList(textRule(WEB_IDENTITY_ID),
        'With googleClientIds, facebookAppIds or loginWithAmazonAppIds: only these users (accounts.google.com:sub, graph.facebook.com:id, www.amazon.com:user_id).',
        'must be a non-empty list of user IDs'),
      originalAudiences: nonEmptyList(textRule(WEB_IDENTITY_ID),
        'With googleClientIds: the tokens\' own aud values (accounts.google.com:oaud), for tokens with an azp field (hybrid apps, service accounts).',
        'must be a non-empty list of audiences'),
      sessionTags: flag('With any trust: callers may pass session tags (sts:TagSession), as Trust...withSessionTags().'),
      sourceIdentity: flag('With any trust: callers may set a source identity (sts:SetSourceIdentity), as Trust...withSourceIdentity().'),
    },
    'oneOf': TRUST_ENTRY_KEYS.map((k) => ({ required: [k] })),
    'allOf': [
      trustBranch('service', ['restrictToSourceAccount']),
      trustBranch('account', ['externalId', 'requireMfa']),
      trustBranch('roleArn', ['externalId', 'requireMfa']),
      trustBranch('gitHubRepository', ['branches', 'environments', 'tags', 'pullRequests', 'subjectFormat', 'repositoryOwnerId', 'repositoryId', 'subjectClaimKeys',
        'subjectClaimValues', 'jobWorkflowRefs', 'workflows', 'actors', 'actorIds', 'enterpriseId', 'audiences']),
      trustBranch('gitLabProject', ['branches', 'tags', 'projectId', 'namespaceId', 'protectedRefsOnly', 'instanceUrl', 'audiences']),
      trustBranch('hcpTerraformOrganization', ['projects', 'workspaces', 'runPhases', 'instanceUrl', 'audiences']),
      trustBranch('eksPodIdentity', Object.keys(POD_IDENTITY_RESTRICTION_FIELDS)),
      trustBranch('eksPodIdentityRoleArn', Object.keys(POD_IDENTITY_RESTRICTION_FIELDS)),
      trustBranch('oidcProviderArn', ['subjects', 'audiences']),
      trustBranch('samlProviderArn', ['audiences']),
      trustBranch('organization', ['organizationalUnits', 'principalArnPatterns', 'requireMfa']),
      trustBranch('cognitoIdentityPoolId', ['authenticated', 'unauthenticated', 'identityIds']),
      trustBranch('googleClientIds', ['userIds', 'originalAudiences']),
      trustBranch('facebookAppIds', ['userIds']),
      trustBranch('loginWithAmazonAppIds', ['userIds']),
      { if: { required: ['oidcProviderArn'] }, then: { 'required': ['subjects'], 'x-kind': 'an "oidcProviderArn" trust entry' } },
    ],
    'description': `Who may assume the role: one of ${TRUST_ENTRY_KEYS.join(', ')}, with its options.`,
    'x-rule': `must be a trust entry with exactly one of ${TRUST_ENTRY_KEYS.slice(0, -1).map((k) => JSON.stringify(k)).join(', ')} or ${JSON.stringify(TRUST_ENTRY_KEYS[TRUST_ENTRY_KEYS.length - 1])}`,
  },
  trustPolicy: {
    'type': ['object', 'string'],
    'description': 'A whole trust policy as JSON, as in an AWS::IAM::Role AssumeRolePolicyDocument: a map ({Version, Statement}) or JSON text (e.g. a YAML block scalar). Strings may use {partition}, {account}, {region}. Statements the typed trusts express are lifted into them; others are kept as written. Added to the role\'s other trust.',
    'x-rule': 'must be a trust policy: a map with "Statement" (and "Version"), or its JSON text',
  },
  tags: {
    'type': 'object',
    'maxProperties': ROLE_LIMITS.tagsMax,
    'propertyNames': { 'pattern': TAG_KEY.pattern, 'x-rule': TAG_KEY.rule },
    'additionalProperties': textRule(TAG_VALUE),
    'description': 'Tags of the role, as a map of tag names to values (at most 50).',
    'x-rule': 'must be a map of tag names to string values, e.g. {team: payments}, with at most 50 tags',
  },
};

function trustBranch(key: string, options: string[]): object {
  return {
    if: { required: [key] },
    then: {
      'propertyNames': { enum: [key, ...options, ...TRUST_ENTRY_OPTIONS] },
      'x-kind': `a "${key}" trust entry`,
    },
  };
}

// ---------------------------------------------------------------------------------------
// Role entries. One object schema lists every field of every kind (so a typo is always
// reported as an unknown field); each kind then restricts the fields to its own and adds
// its requirements.
// ---------------------------------------------------------------------------------------

const commonFields: Record<string, object> = {
  name: ref('roleName'),
  kind: {
    'enum': [...ROLE_KINDS],
    'description': 'Who assumes the role: service (AWS services), cross-account (accounts, roles, users), irsa (EKS service accounts), bounded (trust entries, required permissions boundary) or assumable (trust entries or a trustPolicy only).',
    'x-rule': `must be one of ${ROLE_KINDS.map((k) => JSON.stringify(k)).join(', ')}`,
  },
  description: {
    ...textRule(ROLE_DESCRIPTION),
    description: 'What the role is for, shown in the IAM console (at most 1,000 characters).',
  },
  path: {
    ...textRule(ROLE_PATH),
    default: '/',
    description: 'The IAM path of the role, e.g. /service-roles/.',
  },
  maxSessionDurationSeconds: {
    'type': 'integer',
    'minimum': ROLE_LIMITS.minSessionSeconds,
    'maximum': ROLE_LIMITS.maxSessionSeconds,
    'default': ROLE_LIMITS.minSessionSeconds,
    'description': 'The longest session callers may request, in seconds: 3600 (1 hour) to 43200 (12 hours).',
    'x-rule': 'must be a whole number of seconds from 3600 (1 hour) to 43200 (12 hours)',
  },
  tags: ref('tags'),
  managedPolicyArns: nonEmptyList(ref('managedPolicyArn'), 'Customer or AWS managed policies to attach, by ARN or ARN template.', 'must be a non-empty list of managed policy ARNs'),
  awsManagedPolicyNames: nonEmptyList(textRule(AWS_MANAGED_POLICY_NAME), 'AWS managed policies to attach, by name, e.g. ReadOnlyAccess or service-role/AWSLambdaBasicExecutionRole.', 'must be a non-empty list of AWS managed policy names'),
  permissionsBoundaryArn: {
    ...ref('managedPolicyArn'),
    description: 'The permissions boundary: a managed policy ARN or ARN template. Required for kind bounded, optional for the others.',
  },
  trustPolicy: ref('trustPolicy'),
  removalPolicy: {
    'enum': [...REMOVAL_POLICIES],
    'description': 'What happens to the role when it leaves the stack or the stack is deleted: destroy (the default), retain, or retain-on-update-or-delete. The operator\'s deletionPolicy Delete is destroy, Retain is retain.',
    'x-rule': `must be one of ${REMOVAL_POLICIES.map((p) => JSON.stringify(p)).join(', ')}`,
  },
  outputs: flag('Add stack outputs with the role\'s ARN, name and unique ID (RoleId), and for a role people assume by hand (trusted by accounts, roles, users or an organization, without ExternalId) the console switch-role link.'),
  trustPolicySizeQuota: {
    'type': 'integer',
    'minimum': LIMITS.trustPolicyDefaultQuota,
    'maximum': LIMITS.trustPolicyMaxQuota,
    'default': LIMITS.trustPolicyDefaultQuota,
    'description': 'The account\'s quota for the size of a trust policy, in characters: 2048 unless raised through Service Quotas (up to 4096).',
    'x-rule': `must be a whole number of characters from ${LIMITS.trustPolicyDefaultQuota} to ${LIMITS.trustPolicyMaxQuota}`,
  },
  managedPoliciesQuota: {
    'type': 'integer',
    'minimum': LIMITS.managedPoliciesDefaultQuota,
    'maximum': LIMITS.managedPoliciesMaxQuota,
    'default': LIMITS.managedPoliciesDefaultQuota,
    'description': 'The account\'s quota for managed policies attached to one role: 10 unless raised through Service Quotas (up to 20).',
    'x-rule': `must be a whole number from ${LIMITS.managedPoliciesDefaultQuota} to ${LIMITS.managedPoliciesMaxQuota}`,
  },
  policies: nonEmptyList(ref('policy'), 'Inline policies of the role.', 'must be a non-empty list of inline policies ({name, statements})'),
  allowSelfAssume: flag('The role may assume itself: its own account narrowed to its own ARN (aws:PrincipalArn) in the trust policy, and the inline policy AssumeSelf allowing sts:AssumeRole on itself.'),
  podIdentityAssociations: POD_IDENTITY_ASSOCIATIONS_FIELD,
  acknowledgedChecks: {
    'type': 'object',
    'minProperties': 1,
    'propertyNames': {
      'enum': RoleChecks.describeChecks().map((c) => c.id.slice(FINDING_PREFIX.length)),
      'x-rule': 'must be the id of a check of cdk-assumable-roles without its prefix, e.g. "PolicyAllowsEverything"',
    },
    'additionalProperties': {
      'type': 'string',
      'minLength': 1,
      'x-rule': 'must be the reason the risk is accepted',
    },
    'description': 'Findings of the role checks accepted for this role: check id (without the cdk-assumable-roles: prefix) to the reason, kept in the construct metadata, e.g. {PolicyAllowsEverything: break-glass role}.',
    'x-rule': 'must be a map of check ids to reasons, e.g. {PolicyAllowsEverything: break-glass role}',
  },
};

const trustEntries = nonEmptyList(ref('trustEntry'),
  'Who may assume the role: entries such as {service: lambda}, {account: \'111122223333\', externalId: ...}, {roleArn: ...} or {gitHubRepository: owner/repo, branches: [main]}.',
  'must be a non-empty list of trust entries');

const kindFields: Record<string, Record<string, object>> = {
  'service': {
    services: nonEmptyList(ref('servicePrincipal'), 'The AWS services that assume the role, e.g. [lambda] or [ec2.amazonaws.com].', 'must be a non-empty list of AWS service names, e.g. [lambda]'),
    restrictToSourceAccount: flag('Only on behalf of the stack\'s own account (aws:SourceAccount), a confused-deputy guard.'),
    sourceArns: nonEmptyList(ref('arn'), 'Only on behalf of these resources (aws:SourceArn, ArnLike), as ARNs or ARN templates.', 'must be a non-empty list of ARNs'),
    instanceProfile: flag('Also create an EC2 instance profile (needs ec2 among services).'),
  },
  'cross-account': {
    trustedAccounts: nonEmptyList(ref('accountId'), 'Accounts whose principals may assume the role.', 'must be a non-empty list of 12-digit account IDs'),
    trustedRoleArns: nonEmptyList(ref('roleArn'), 'Roles that may assume the role, as ARNs or ARN templates.', 'must be a non-empty list of IAM role ARNs'),
    trustedUserArns: nonEmptyList(ref('userArn'), 'Users that may assume the role, as ARNs or ARN templates.', 'must be a non-empty list of IAM user ARNs'),
    externalIds: nonEmptyList(ref('externalId'), 'ExternalIds, one of which the caller must pass (sts:ExternalId).', 'must be a non-empty list of ExternalIds'),
    requireMfa: flag('Callers must have signed in with MFA (aws:MultiFactorAuthPresent).'),
    mfaMaxAgeSeconds: {
      'type': 'integer',
      'minimum': 1,
      'description': 'The longest time since the caller\'s MFA sign-in, in seconds (aws:MultiFactorAuthAge); implies requireMfa.',
      'x-rule': 'must be a positive whole number of seconds',
    },
    principalArnPatterns: nonEmptyList(ref('arn'), 'Only callers whose ARN matches one of these patterns (aws:PrincipalArn, ArnLike).', 'must be a non-empty list of ARN patterns'),
    organizationId: {
      ...textRule(ORGANIZATION_ID),
      description: 'Only callers from accounts of this AWS Organizations organization (aws:PrincipalOrgID), e.g. o-a1b2c3d4e5.',
    },
    sessionTags: flag('Callers may pass session tags (sts:TagSession).'),
    sourceIdentity: flag('Callers may set a source identity (sts:SetSourceIdentity).'),
  },
  'irsa': {
    oidcProviderArns: nonEmptyList(ref('oidcProviderArn'), 'The IAM OIDC providers of the EKS clusters; one trust statement per provider.', 'must be a non-empty list of IAM OIDC provider ARNs'),
    issuerUrls: nonEmptyList(ref('issuerUrl'), 'The OIDC issuer URLs of the EKS clusters (providers in the stack\'s account).', 'must be a non-empty list of OIDC issuer URLs'),
    serviceAccounts: nonEmptyList(ref('serviceAccount'), 'The service accounts that may assume the role, as namespace:name.', 'must be a non-empty list of "namespace:name" service accounts'),
  },
  'bounded': {
    trust: trustEntries,
  },
  'assumable': {
    trust: trustEntries,
  },
};

const kindRules: Record<string, { required: string[]; anyOf?: string[] }> = {
  'service': { required: ['services'] },
  'cross-account': { required: [], anyOf: ['trustedAccounts', 'trustedRoleArns', 'trustedUserArns'] },
  'irsa': { required: ['serviceAccounts'], anyOf: ['oidcProviderArns', 'issuerUrls'] },
  'bounded': { required: ['permissionsBoundaryArn'], anyOf: ['trust', 'trustPolicy'] },
  'assumable': { required: [], anyOf: ['trust', 'trustPolicy'] },
};

function kindBranch(kind: string): object {
  const rules = kindRules[kind];
  const then: Record<string, unknown> = {
    'propertyNames': { enum: [...Object.keys(commonFields), ...Object.keys(kindFields[kind])] },
    'x-kind': `a role of kind "${kind}"`,
  };
  if (rules.required.length > 0) {
    then.required = rules.required;
  }
  if (rules.anyOf) {
    then.anyOf = rules.anyOf.map((field) => ({ required: [field] }));
    then['x-rule'] = `a role of kind "${kind}" needs at least one of ${rules.anyOf.map((f) => JSON.stringify(f)).join(', ')}`;
  }
  return { if: { properties: { kind: { const: kind } }, required: ['kind'] }, then };
}

const allRoleFields: Record<string, object> = { ...commonFields };
for (const fields of Object.values(kindFields)) {
  Object.assign(allRoleFields, fields);
}

const role = {
  'type': 'object',
  'additionalProperties': false,
  // `kind` may come from `defaults` (required below when it does not).
  'required': ['name'],
  'properties': allRoleFields,
  'allOf': ROLE_KINDS.map(kindBranch),
  'description': 'One role: its name, its kind, the fields of that kind and the common fields.',
  'x-rule': 'must be a role entry (an object with "name", "kind" and the fields of that kind)',
};

/**
 * The JSON Schema (draft-07) of a role catalog document, as a plain object. Build it fresh
 * each time, so callers may change their copy.
 */
export function roleCatalogSchema(): any {
  return JSON.parse(JSON.stringify({
    '$schema': 'http://json-schema.org/draft-07/schema#',
    '$id': 'https://raw.githubusercontent.com/cdk-assumable-roles/cdk-assumable-roles/main/schema/role-catalog.schema.json',
    'title': 'cdk-assumable-roles role catalog',
    'description': 'IAM roles that others assume, created by the RoleCatalog construct of cdk-assumable-roles. ARNs and policy strings may use {partition}, {account}, {region} and {urlSuffix}.',
    'type': 'object',
    'additionalProperties': false,
    'required': ['roles'],
    'patternProperties': {
      '^x-': { description: 'An extension field, ignored by RoleCatalog: a place for YAML anchors that entries share, e.g. "x-lambda: &lambda {kind: service, services: [lambda]}" and "- <<: *lambda".' },
    },
    'properties': {
      version: { 'const': 1, 'description': 'The catalog format version; 1.', 'x-rule': 'must be 1' },
      defaults: {
        'type': 'object',
        'additionalProperties': false,
        'properties': Object.fromEntries(Object.entries(allRoleFields).filter(([field]) => field !== 'name')),
        'description': 'Fields every role gets unless it sets them itself, e.g. {kind: cross-account, trustedRoleArns: [...]}. A field of one kind is given only to roles of that kind; values are not merged (a role\'s own tags replace these).',
        'x-rule': 'must be a map of role fields (any field of a role entry but name)',
      },
      roles: {
        'type': 'array',
        'items': ref('role'),
        'description': 'The roles to create; names are unique (case-insensitively, as IAM compares them).',
        'x-rule': 'must be a list of role entries',
      },
    },
    'definitions': { ...definitions, role },
    // Every role needs a kind: its own, or the one of `defaults`.
    'if': { not: { required: ['defaults'], properties: { defaults: { required: ['kind'] } } } },
    'then': { properties: { roles: { items: { required: ['kind'] } } } },
    'x-rule': 'must be an object with a "roles" list',
  }));
}

/** The schema as the text of the committed file: two-space JSON and a final newline. */
export function roleCatalogSchemaText(): string {
  return `${JSON.stringify(roleCatalogSchema(), undefined, 2)}\n`;
}

/** Which kinds accept a field, for messages about fields given to the wrong kind. */
export function kindsWithField(field: string): string[] {
  return ROLE_KINDS.filter((kind) => field in kindFields[kind]);
}

/** The fields a role of a kind accepts (common and its own). */
export function fieldsOfKind(kind: string): string[] {
  return [...Object.keys(commonFields), ...Object.keys(kindFields[kind] ?? {})];
}

/** Every field a role entry may have, of any kind. */
export const ALL_ROLE_FIELDS: string[] = Object.keys(allRoleFields);
