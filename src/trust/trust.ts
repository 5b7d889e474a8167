import { AwsPrincipalTrust } from './aws-principal-trust';
import { OidcIssuer } from './oidc-issuer';
import { EksPodIdentityRoleTrust } from './pod-identity-role-trust';
import { EksPodIdentityTrustOptions } from './pod-identity-trust';
import { PolicyJsonTrust } from './policy-json-trust';
import { SamlTrust } from './saml-trust';
import { ServiceTrust } from './service-trust';
import { WebIdentityTrust } from './web-identity-trust';
import { arnProblem } from '../private/arn-values';
import { ACCOUNT_ID_OR_PLACEHOLDER, breaks, IAM_PRINCIPAL_ARN, InputRule, ROLE_ARN, SAML_PROVIDER_ARN, USER_ARN } from '../private/rules';
import { gitHubSubjects, serviceAccountSubjects } from '../private/subjects';
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
    return EksPodIdentityRoleTrust._create(podIdentityRoleArn, options);
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
    const { subjects, problems } = serviceAccountSubjects(serviceAccounts);
    return WebIdentityTrust._create('Trust.eksServiceAccounts', issuer, subjects, [STS_AUDIENCE], problems);
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
   * @param options repository and the refs, environments or pull requests allowed
   */
  public static githubActions(options: GitHubActionsTrustOptions): WebIdentityTrust {
    const { subjects, problems } = gitHubSubjects(options);
    return WebIdentityTrust._create('Trust.githubActions', options.issuer ?? OidcIssuer.githubActions(), subjects, [STS_AUDIENCE], problems);
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
    return SamlTrust._create(providerArn, problem ? [problem] : [], options.audiences);
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
   * with `SAML:aud`; `Trust.eksPodIdentity` and `Trust.eksPodIdentityRole` with their session-tag
   * conditions; `sts:TagSession` and `sts:SetSourceIdentity` as `withSessionTags()` and
   * `withSourceIdentity()`), and renders as that relationship does, with the same meaning.
   * Any other statement (Deny, NotPrincipal, other conditions or operators, a non-empty Sid)
   * is kept as written.
   *
   * @param json the policy as JSON text or as a parsed object, e.g. `{ Version: '2012-10-17', Statement: [...] }`
   */
  public static fromPolicyJson(json: any): PolicyJsonTrust {
    return PolicyJsonTrust._create(json);
  }

  private constructor() {}
}

function principals(label: string, arns: string[], rule: InputRule): AwsPrincipalTrust {
  const problems = arns.map((arn) => arnProblem(arn, rule)).filter((p): p is string => p !== undefined);
  return AwsPrincipalTrust._create(label, arns, problems);
}
