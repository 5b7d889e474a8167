/**
 * Facts about the CI issuers whose trust has a typed preset: their issuer hosts, the audiences
 * they send to AWS by default, and the claims AWS STS evaluates as condition keys for them.
 */

/** gitlab.com's issuer host (the `iss` is the instance URL, https://docs.gitlab.com/ci/secrets/id_token_authentication/). */
export const GITLAB_COM_ISSUER = 'gitlab.com';

/**
 * HCP Terraform's issuer host: "The provider URL should be set to the address of HCP Terraform
 * (e.g., https://app.terraform.io without a trailing slash)"
 * (https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/aws-configuration).
 */
export const HCP_TERRAFORM_ISSUER = 'app.terraform.io';

/**
 * The `aud` HCP Terraform puts in tokens for AWS unless `TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE` says
 * otherwise (same page).
 */
export const HCP_TERRAFORM_AUDIENCE = 'aws.workload.identity';

/**
 * Issuers of GitHub Actions tokens for which AWS STS evaluates GitHub's claims beyond `sub` and
 * `aud` (`actor`, `actor_id`, `enterprise_id`, `environment`, `job_workflow_ref`, `ref`,
 * `repository`, `repository_id`, `repository_owner_id`, `workflow`): github.com's issuer, its
 * per-enterprise form, GHE.com's `token.actions.<subdomain>.ghe.com` and
 * `github.com/enterprises/<name>` (Service Authorization Reference, "Condition keys for AWS
 * Security Token Service",
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys;
 * announced as "AWS STS supports validation of identity provider claims",
 * https://aws.amazon.com/about-aws/whats-new/2026/01/aws-sts-supports-validation-identity-provider-claims/).
 * GitHub Enterprise Server issuers (`HOSTNAME/_services/token`) are not among them.
 */
const GITHUB_CLAIM_ISSUER = /^(token\.actions\.githubusercontent\.com(\/[^/]+)?|token\.actions\.[A-Za-z0-9-]+\.ghe\.com|github\.com\/enterprises\/[^/]+)$/;

/** Whether AWS STS evaluates GitHub's claims beyond `sub` and `aud` for tokens of this issuer. */
export function awsEvaluatesGitHubClaims(issuer: string): boolean {
  return GITHUB_CLAIM_ISSUER.test(issuer);
}

/** A GitHub Enterprise Server issuer (`HOSTNAME/_services/token`), where immutable subjects are not available. */
export function isGitHubEnterpriseServer(issuer: string): boolean {
  return /\/_services\/token$/.test(issuer);
}
