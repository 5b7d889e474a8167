import { AwsPrincipalTrust } from './aws-principal-trust';
import type { BuiltinWebIdentityTrust, CognitoIdentityPoolTrustOptions, GoogleTrustOptions, SocialIdentityTrustOptions } from './builtin-web-identity-trust';
import { GitHubSubjectFormat, GitLabCiTrustOptions, HcpTerraformTrustOptions } from './ci-trust-options';
import { OidcIssuer } from './oidc-issuer';
import type { OrganizationTrust } from './organization-trust';
import type { EksPodIdentityRoleTrust } from './pod-identity-role-trust';
import { EksPodIdentityTrustOptions } from './pod-identity-trust';
import type { PolicyJsonTrust } from './policy-json-trust';
import type { SamlTrust } from './saml-trust';
import { ServiceTrust } from './service-trust';
import { WebIdentityTrust } from './web-identity-trust';
import { arnProblem } from '../private/arn-values';
import { FACEBOOK, GOOGLE, LOGIN_WITH_AMAZON } from '../private/builtin-web-identity';
import { HCP_TERRAFORM_AUDIENCE } from '../private/ci-issuers';
import { CiIdentity, gitHubIdentity } from '../private/github-subjects';
import { builtinWebIdentityTrust, ciSubjects, organizationTrust, podIdentityRoleTrust, policyJsonTrust, samlTrust } from '../private/lazy-features';
import { ACCOUNT_ID_OR_PLACEHOLDER, breaks, IAM_PRINCIPAL_ARN, InputRule, ROLE_ARN, SAML_PROVIDER_ARN, USER_ARN } from '../private/rules';
import { mergeConditions } from '../private/statement';
import { eksServiceAccountsTrust, serviceAccountSubjects } from '../private/subjects';
import { STS_AUDIENCE } from '../private/web-identity';


/** Options for `Trust.githubActions`. */
export interface GitHubActionsTrustOptions {
  /**
   * The repository, `owner/name`. `*` wildcards are allowed, e.g. `my-org/*`.
   */
  readonly repository: string;

  /**
   * Branches whose workflows may assume the role (`*` wildcards allowed, e.g. `release/*`).
   *
   * @default - no branch restriction beyond the other options
   */
  readonly branches?: string[];

  /**
   * Tags whose workflows may assume the role (`*` wildcards allowed).
   *
   * @default - none
   */
  readonly tags?: string[];

  /**
   * GitHub environments whose jobs may assume the role.
   *
   * @default - none
   */
  readonly environments?: string[];

  /**
   * Whether workflows triggered by pull requests may assume the role.
   *
   * @default false
   */
  readonly pullRequests?: boolean;

  /**
   * The IAM OIDC provider for `token.actions.githubusercontent.com`.
   *
   * @default - `arn:{partition}:iam::{account}:oidc-provider/token.actions.githubusercontent.com`
   */
  readonly issuer?: OidcIssuer;

  // ---- Subject formats and the claims AWS STS evaluates for GitHub tokens ----
  // Everything below goes into the same statements as `sub`, so all of it must match. Each
  // option is checked once: in the subject where the subject names it, otherwise as its own
  // claim (`token.actions.githubusercontent.com:<claim>`, keys from the STS Service
  // Authorization Reference,
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html).

  /**
   * The format of the repository's default `sub` claim: by names
   * (`repo:octo-org/octo-repo:...`) or, for repositories created after July 15, 2026 and those
   * that opted in, by names and immutable IDs (`repo:octo-org@123456/octo-repo@456789:...`)
   * (https://docs.github.com/en/actions/reference/security/oidc#immutable-subject-claims).
   * To move a repository from one to the other, trust both formats (two values) while you switch.
   *
   * @default GitHubSubjectFormat.NAMES
   */
  readonly subjectFormat?: GitHubSubjectFormat;

  /**
   * The numeric ID of the repository's owner (`repository_owner_id`): in the `sub` of the
   * immutable format, otherwise required as the `repository_owner_id` claim. An ID survives
   * renames and is never reused.
   *
   * @default - the owner is named by name only
   */
  readonly repositoryOwnerId?: string;

  /**
   * The numeric ID of the repository (`repository_id`): in the `sub` of the immutable format,
   * otherwise required as the `repository_id` claim.
   *
   * @default - the repository is named by name only
   */
  readonly repositoryId?: string;

  /**
   * The claim keys of the repository's customized subject template (`include_claim_keys` of the
   * REST API), in order, when it is not GitHub's default (`repo`, `context`). Each key is
   * written `key:value`, from the typed options: `repo` (the repository, with IDs in the
   * immutable format), `context` (branch, tag, environment or pull request; any when none is
   * given), `environment`, `job_workflow_ref`, `repository_owner`, `repository_owner_id`,
   * `repository_id`; any other key from `subjectClaimValues`. E.g. `['repo', 'context',
   * 'job_workflow_ref']` gives `repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/automation/.github/workflows/deploy.yml@refs/heads/main`.
   * Options the template does not name are required as their own claims (`repository`, `ref`,
   * `environment`, ...), so they still hold.
   *
   * @default - GitHub's default subject: `repo`, then `context`
   */
  readonly subjectClaimKeys?: string[];

  /**
   * Values of the keys of `subjectClaimKeys` that no typed option gives, e.g.
   * `{ repository_visibility: 'private' }` or a repository custom property
   * `{ repo_property_workspace_id: 'ws-abc123' }`. A `:` in a value is written `%3A`, as GitHub
   * writes it in the subject.
   *
   * @default - none
   */
  readonly subjectClaimValues?: { [key: string]: string };

  /**
   * Reusable workflows that must run the job (`job_workflow_ref`), written
   * `owner/repository/path@ref`, e.g. `octo-org/automation/.github/workflows/deploy.yml@refs/heads/main`
   * (`*` wildcards allowed). Enforces a central deployment workflow whatever the calling repository does.
   *
   * @default - any workflow
   */
  readonly jobWorkflowRefs?: string[];

  /**
   * Names of the workflows that may assume the role (the `workflow` claim, the workflow's `name`).
   *
   * @default - any workflow name
   */
  readonly workflows?: string[];

  /**
   * Accounts that must have initiated the run (the `actor` claim), e.g. `dependabot[bot]`.
   * Prefer `actorIds`: a login can be renamed.
   *
   * @default - any actor
   */
  readonly actors?: string[];

  /**
   * Numeric IDs of the accounts that must have initiated the run (the `actor_id` claim).
   *
   * @default - any actor
   */
  readonly actorIds?: string[];

  /**
   * The numeric ID of the enterprise that must contain the repository (the `enterprise_id` claim).
   *
   * @default - any enterprise, or none
   */
  readonly enterpriseId?: string;
}

/** Options for `Trust.openIdConnect`. */
export interface OpenIdConnectTrustOptions {
  /**
   * The `sub` claims that may assume the role; values with `*` or `?` are matched with
   * `StringLike`.
   */
  readonly subjects: string[];

  /**
   * The `aud` claims accepted.
   *
   * @default ['sts.amazonaws.com']
   */
  readonly audiences?: string[];
}

/** Options for `Trust.saml`. */
export interface SamlTrustOptions {
  /**
   * The `SAML:aud` values accepted.
   *
   * @default - the AWS sign-in endpoint of the stack's partition, e.g. `https://signin.aws.amazon.com/saml`
   */
  readonly audiences?: string[];
}

/**
 * Factories for trust relationships: who may assume a role.
 *
 * @example
 * Trust.service('lambda').withSourceAccount();
 * Trust.account('111122223333').withExternalId('partner-1234').requireMfa();
 */
export class Trust {
  /**
   * Trust an AWS service.
   *
   * @param service short (`lambda`) or full (`lambda.amazonaws.com`) service principal name
   */
  public static service(service: string): ServiceTrust {
    return ServiceTrust._create([service], ['sts:AssumeRole']);
  }

  /**
   * Trust several AWS services with the same conditions.
   *
   * @param services short or full service principal names
   */
  public static services(services: string[]): ServiceTrust {
    return ServiceTrust._create(services, ['sts:AssumeRole']);
  }

  /**
   * Trust EKS Pod Identity (`pods.eks.amazonaws.com`), which needs `sts:AssumeRole` and
   * `sts:TagSession`, optionally only for some clusters, namespaces and service accounts:
   * compared with the session tags EKS sets
   * (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html).
   *
   * Without options, any Pod Identity association of the role's account may use the role, as in
   * the trust policy the EKS User Guide shows (creating an association needs `iam:PassRole` on
   * the role).
   *
   * @param options the clusters, namespaces and service accounts admitted
   */
  public static eksPodIdentity(options: EksPodIdentityTrustOptions = {}): ServiceTrust {
    return ServiceTrust._forPods(options);
  }

  /**
   * The target role's side of EKS Pod Identity with a target role: trust the Pod Identity role
   * (the role of an association, in the cluster's account) with `sts:AssumeRole` and
   * `sts:TagSession`, optionally only for some clusters, namespaces and service accounts
   * (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html).
   *
   * @param podIdentityRoleArn the Pod Identity role's ARN or ARN template, e.g. `arn:{partition}:iam::111122223333:role/payments-api`
   * @param options the clusters, namespaces and service accounts admitted
   */
  public static eksPodIdentityRole(podIdentityRoleArn: string, options: EksPodIdentityTrustOptions = {}): EksPodIdentityRoleTrust {
    return podIdentityRoleTrust().EksPodIdentityRoleTrust._create(podIdentityRoleArn, options);
  }

  /**
   * Trust a whole account (`arn:<partition>:iam::<account>:root`): any principal of it whose
   * own policies allow `sts:AssumeRole` on the role.
   *
   * @param accountId 12-digit account ID
   */
  public static account(accountId: string): AwsPrincipalTrust {
    return Trust.accounts([accountId]);
  }

  /**
   * Trust several whole accounts.
   *
   * @param accountIds 12-digit account IDs
   */
  public static accounts(accountIds: string[]): AwsPrincipalTrust {
    const problems = accountIds
      .filter((id) => breaks(ACCOUNT_ID_OR_PLACEHOLDER, id))
      .map((id) => `account ID ${JSON.stringify(id)} must be 12 digits (or {account} for the stack's own account)`);
    return AwsPrincipalTrust._create('Trust.accounts', accountIds.map((id) => `arn:{partition}:iam::${id}:root`), problems);
  }

  /**
   * Trust an IAM role.
   *
   * @param roleArn role ARN or ARN template, e.g. `arn:{partition}:iam::111122223333:role/deployer`
   */
  public static role(roleArn: string): AwsPrincipalTrust {
    return Trust.roles([roleArn]);
  }

  /**
   * Trust several IAM roles.
   *
   * @param roleArns role ARNs or ARN templates
   */
  public static roles(roleArns: string[]): AwsPrincipalTrust {
    return principals('Trust.roles', roleArns, ROLE_ARN);
  }

  /**
   * Trust an IAM user.
   *
   * @param userArn user ARN or ARN template
   */
  public static user(userArn: string): AwsPrincipalTrust {
    return principals('Trust.user', [userArn], USER_ARN);
  }

  /**
   * Trust IAM principals given by ARN: account roots, roles or users.
   *
   * @param principalArns ARNs or ARN templates
   */
  public static principals(principalArns: string[]): AwsPrincipalTrust {
    return principals('Trust.principals', principalArns, IAM_PRINCIPAL_ARN);
  }

  /**
   * Trust Kubernetes service accounts of an EKS cluster (IRSA).
   *
   * @param issuer the cluster's OIDC provider
   * @param serviceAccounts `namespace:name` strings; `*` and `?` are wildcards
   */
  public static eksServiceAccounts(issuer: OidcIssuer, serviceAccounts: string[]): WebIdentityTrust {
    return eksServiceAccountsTrust(issuer, serviceAccountSubjects(serviceAccounts));
  }

  /**
   * Trust one Kubernetes service account of an EKS cluster (IRSA).
   *
   * @param issuer the cluster's OIDC provider
   * @param namespace the service account's namespace
   * @param name the service account's name
   */
  public static eksServiceAccount(issuer: OidcIssuer, namespace: string, name: string): WebIdentityTrust {
    return Trust.eksServiceAccounts(issuer, [`${namespace}:${name}`]);
  }

  /**
   * Trust GitHub Actions workflows of a repository through GitHub's OIDC provider.
   *
   * The audience is `sts.amazonaws.com`, the default of aws-actions/configure-aws-credentials.
   * In aws-cn, where that action is told `audience: sts.amazonaws.com.cn`, add
   * `.withAudiences(['sts.amazonaws.com.cn'])`.
   *
   * The subject follows GitHub's documented formats
   * (https://docs.github.com/en/actions/reference/security/oidc): the default one by names, the
   * immutable one with owner and repository IDs (`subjectFormat`), or a customized template
   * (`subjectClaimKeys`). The claims AWS STS evaluates for GitHub tokens (`repositoryId`,
   * `repositoryOwnerId`, `jobWorkflowRefs`, `workflows`, `actors`, `actorIds`, `enterpriseId`)
   * are required in the same statement as `sub`, so all of them must match.
   *
   * @param options repository and the refs, environments or pull requests allowed
   */
  public static githubActions(options: GitHubActionsTrustOptions): WebIdentityTrust {
    const issuer = options.issuer ?? OidcIssuer.githubActions();
    return ciTrust('Trust.githubActions', issuer, gitHubIdentity(options, issuer.issuer), [STS_AUDIENCE]);
  }

  /**
   * Trust GitLab CI/CD jobs of a project through GitLab's OIDC provider (gitlab.com, or a
   * self-managed instance with `OidcIssuer.gitlab(url)`), by the `sub` claim GitLab documents:
   * `project_path:{group}/{project}:ref_type:{branch|tag}:ref:{name}`
   * (https://docs.gitlab.com/ci/secrets/id_token_authentication/), with the `aud` the job asks
   * for in `id_tokens` (`sts.amazonaws.com` by default). On gitlab.com, `projectId`,
   * `namespaceId` and `protectedRefsOnly` add the claims AWS evaluates there to the same
   * statement (https://docs.gitlab.com/ci/cloud_services/aws/).
   *
   * @param options the project and the branches or tags allowed
   */
  public static gitlabCi(options: GitLabCiTrustOptions): WebIdentityTrust {
    const issuer = options.issuer ?? OidcIssuer.gitlab();
    return ciTrust('Trust.gitlabCi', issuer, ciSubjects().gitLabIdentity(options, issuer.issuer), options.audiences ?? [STS_AUDIENCE]);
  }

  /**
   * Trust HCP Terraform (or Terraform Enterprise) runs through its OIDC provider, by the `sub`
   * claim HashiCorp documents:
   * `organization:<org>:project:<project>:workspace:<workspace>:run_phase:<plan|apply>`, with
   * the audience `aws.workload.identity`
   * (https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/aws-configuration).
   *
   * @param options the organization, and the projects, workspaces and run phases allowed
   */
  public static hcpTerraform(options: HcpTerraformTrustOptions): WebIdentityTrust {
    const issuer = options.issuer ?? OidcIssuer.hcpTerraform();
    return ciTrust('Trust.hcpTerraform', issuer, ciSubjects().hcpTerraformIdentity(options), options.audiences ?? [HCP_TERRAFORM_AUDIENCE]);
  }

  /**
   * Trust identities of any OpenID Connect provider registered in IAM.
   *
   * @param issuer the provider
   * @param options subjects and audiences accepted
   */
  public static openIdConnect(issuer: OidcIssuer, options: OpenIdConnectTrustOptions): WebIdentityTrust {
    return WebIdentityTrust._create('Trust.openIdConnect', issuer, options.subjects, options.audiences ?? [STS_AUDIENCE], []);
  }

  /**
   * Trust users federated through a SAML 2.0 provider registered in IAM.
   *
   * @param providerArn SAML provider ARN or ARN template, e.g. `arn:{partition}:iam::{account}:saml-provider/okta`
   * @param options audiences accepted
   */
  public static saml(providerArn: string, options: SamlTrustOptions = {}): SamlTrust {
    const problem = arnProblem(providerArn, SAML_PROVIDER_ARN);
    return samlTrust().SamlTrust._create(providerArn, problem ? [problem] : [], options.audiences);
  }

  /**
   * Trust as a whole trust policy written as JSON: the `assumeRolePolicyDocument` of a
   * CloudFormation template or a Kubernetes operator, the file of `aws iam create-role
   * --assume-role-policy-document`, a Terraform custom trust policy.
   *
   * Give the JSON text (a syntax error names its line and column) or the parsed object (one
   * method for both, as `inlinePolicyJson` takes either). Strings may use ARN template
   * placeholders (`{partition}`, `{account}`, `{region}`, `{urlSuffix}`). The document is
   * checked against the IAM trust-policy grammar, and its statements join the role's trust
   * policy, where every check and the size quota apply.
   *
   * A statement whose shape a typed factory writes exactly is lifted into that relationship
   * (`Trust.accounts`, `roles`, `user`, `principals` with ExternalId, MFA, `aws:PrincipalArn`
   * and organization conditions; `Trust.services` with `aws:SourceAccount` / `aws:SourceArn`;
   * `Trust.eksServiceAccounts` or `Trust.openIdConnect` with `aud` and `sub`; `Trust.saml`
   * with `SAML:aud`; `Trust.cognitoIdentityPool` with `aud` and `amr`, `Trust.google`,
   * `Trust.facebook` and `Trust.loginWithAmazon` with their audience and user keys;
   * `Trust.eksPodIdentity` and `Trust.eksPodIdentityRole` with their session-tag conditions;
   * `sts:TagSession` and `sts:SetSourceIdentity` as `withSessionTags()` and
   * `withSourceIdentity()`), and renders as that relationship does, with the same meaning.
   * Any other statement (Deny, NotPrincipal, other conditions or operators, a non-empty Sid)
   * is kept as written.
   *
   * @param json the policy as JSON text or as a parsed object, e.g. `{ Version: '2012-10-17', Statement: [...] }`
   */
  public static fromPolicyJson(json: any): PolicyJsonTrust {
    return policyJsonTrust().PolicyJsonTrust._create(json);
  }

  // ---- Organizations: every principal of an organization or of organizational units ----

  /**
   * Trust every IAM principal (role, user, account root) of the accounts of an AWS
   * Organizations organization: `Principal: {"AWS": "*"}` with `StringEquals
   * aws:PrincipalOrgID`. One short statement however many accounts the organization has;
   * callers outside the organization, outside any organization, and AWS services do not match.
   * Narrow it with `withPrincipalArn` (e.g. `arn:{partition}:iam::*:role/deployer`) and
   * `requireMfa`.
   *
   * @param organizationId e.g. `o-a1b2c3d4e5` (`o-` and 10-32 lowercase letters or digits)
   */
  public static organization(organizationId: string): OrganizationTrust {
    return organizationTrust().OrganizationTrust._create(organizationId, undefined);
  }

  /**
   * Trust every IAM principal of the accounts in some organizational units of an organization,
   * directly or in units below them: `Principal: {"AWS": "*"}` with `ForAnyValue:StringLike
   * aws:PrincipalOrgPaths` `<organization>/*` + `/<unit>/*`, as AWS documents for a unit and its
   * children. Narrow it with `withPrincipalArn` and `requireMfa`.
   *
   * @param organizationId the organization the units belong to, e.g. `o-a1b2c3d4e5`
   * @param organizationalUnitIds e.g. `['ou-ab12-11111111']` (`ou-`, the root's 4-32 characters, `-`, 8-32 more)
   */
  public static organizationalUnits(organizationId: string, organizationalUnitIds: string[]): OrganizationTrust {
    return organizationTrust().OrganizationTrust._create(organizationId, organizationalUnitIds);
  }

  // ---- Web identity providers built into STS: Cognito identity pools, Google, Facebook, Amazon ----

  /**
   * Trust identities of an Amazon Cognito identity pool (basic and enhanced flows), as Cognito
   * writes it: `cognito-identity.amazonaws.com` with the pool ID as
   * `cognito-identity.amazonaws.com:aud` (`StringEquals`) and `cognito-identity.amazonaws.com:amr`
   * (`ForAnyValue:StringLike`) `authenticated` and/or `unauthenticated`
   * (https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html).
   * STS requires both conditions for cross-account roles, and Cognito advises them for every role
   * (https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools-security-best-practices.html).
   *
   * The principal follows the pool's Region: `cognito-identity-us-gov.amazonaws.com` for
   * us-gov-west-1 and `cognito-identity.us-gov-east-1.amazonaws.com` for us-gov-east-1
   * (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-cog.html),
   * `cognito-identity.amazonaws.com` elsewhere, aws-cn included. For a pool ID known only at
   * deploy time the stack's Region decides, and `cognito-identity.amazonaws.com` when that is
   * not known either.
   *
   * To map user attributes to principal tags (attributes for access control), add
   * `.withSessionTags()`: Cognito tags the session with `sts:TagSession`
   * (https://docs.aws.amazon.com/cognito/latest/developerguide/using-afac-with-cognito-identity-pools.html).
   *
   * @param identityPoolId the pool ID, `<region>:<GUID>`, e.g. `us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`
   * @param options which identities of the pool
   */
  public static cognitoIdentityPool(identityPoolId: string, options: CognitoIdentityPoolTrustOptions = {}): BuiltinWebIdentityTrust {
    return builtinWebIdentityTrust().BuiltinWebIdentityTrust._cognito(identityPoolId, options);
  }

  /**
   * Trust users who sign in with Google, through STS's built-in Google federation
   * (`accounts.google.com`), for your OAuth 2.0 client IDs (`accounts.google.com:aud`).
   *
   * For tokens with an `azp` field (hybrid apps, Google service accounts)
   * `accounts.google.com:aud` holds the `azp` value: give that as the client ID, and the token's
   * `aud` as `originalAudiences` (`accounts.google.com:oaud`)
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
   *
   * @param clientIds the client IDs, e.g. `123456789012-abc.apps.googleusercontent.com`
   * @param options users and original audiences
   */
  public static google(clientIds: string[], options: GoogleTrustOptions = {}): BuiltinWebIdentityTrust {
    return builtinWebIdentityTrust().BuiltinWebIdentityTrust._social('Trust.google', 'client ID', GOOGLE, clientIds, options);
  }

  /**
   * Trust users who log in with Facebook, through STS's built-in Facebook federation
   * (`graph.facebook.com`), for your app IDs (`graph.facebook.com:app_id`).
   *
   * @param appIds the Facebook app IDs
   * @param options users (`graph.facebook.com:id`)
   */
  public static facebook(appIds: string[], options: SocialIdentityTrustOptions = {}): BuiltinWebIdentityTrust {
    return builtinWebIdentityTrust().BuiltinWebIdentityTrust._social('Trust.facebook', 'app ID', FACEBOOK, appIds, options);
  }

  /**
   * Trust users who log in with Amazon, through STS's built-in Login with Amazon federation
   * (`www.amazon.com`), for your app IDs (`www.amazon.com:app_id`).
   *
   * @param appIds the Login with Amazon app IDs, e.g. `amzn1.application-oa2-client.5d1a2b3c4d`
   * @param options users (`www.amazon.com:user_id`)
   */
  public static loginWithAmazon(appIds: string[], options: SocialIdentityTrustOptions = {}): BuiltinWebIdentityTrust {
    return builtinWebIdentityTrust().BuiltinWebIdentityTrust._social('Trust.loginWithAmazon', 'app ID', LOGIN_WITH_AMAZON, appIds, options);
  }

  private constructor() {}
}

/** A CI preset's relationship: its subjects, and its other claims in the same statements as `sub`. */
function ciTrust(label: string, issuer: OidcIssuer, identity: CiIdentity, audiences: string[]): WebIdentityTrust {
  const trust = WebIdentityTrust._create(label, issuer, identity.subjects, audiences, identity.problems);
  if (Object.keys(identity.claims).length === 0) return trust;
  return trust._with({ _extraConditions: mergeConditions(trust._extraConditions, identity.claims) });
}

function principals(label: string, arns: string[], rule: InputRule): AwsPrincipalTrust {
  const problems = arns.map((arn) => arnProblem(arn, rule)).filter((p): p is string => p !== undefined);
  return AwsPrincipalTrust._create(label, arns, problems);
}
