import { OidcIssuer } from './oidc-issuer';

/**
 * The default format of a GitHub Actions `sub` claim (GitHub, "OpenID Connect reference",
 * https://docs.github.com/en/actions/reference/security/oidc#immutable-subject-claims).
 */
export enum GitHubSubjectFormat {
  /**
   * Owner and repository by name: `repo:octo-org/octo-repo:ref:refs/heads/main`. The format of
   * repositories created before July 15, 2026 that have not opted in to immutable subjects, and
   * of GitHub Enterprise Server.
   */
  NAMES = 'NAMES',

  /**
   * Owner and repository by name and immutable ID: `repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main`.
   * The default of repositories created (or renamed or transferred) after July 15, 2026, and of
   * those that opted in; IDs are never reused, so a recycled name cannot take over the trust.
   * Needs `repositoryOwnerId`, and `repositoryId` unless the repository name is a pattern.
   */
  IMMUTABLE = 'IMMUTABLE',
}

/** Options for `Trust.gitlabCi`. */
export interface GitLabCiTrustOptions {
  /**
   * The project's full path, `group/project` or `group/subgroup/project`, as in the `sub`
   * claim `project_path:{group}/{project}:ref_type:{type}:ref:{branch_name}`
   * (https://docs.gitlab.com/ci/secrets/id_token_authentication/). `*` and `?` are wildcards,
   * e.g. `my-group/*` for every project of a group.
   */
  readonly project: string;

  /**
   * Branches whose jobs may assume the role (`*` wildcards allowed, e.g. `release/*`).
   *
   * @default - no branch restriction unless `tags` is given: with neither, any branch or tag of the project
   */
  readonly branches?: string[];

  /**
   * Tags whose jobs may assume the role (`*` wildcards allowed, e.g. `v*`).
   *
   * @default - none
   */
  readonly tags?: string[];

  /**
   * The `aud` values accepted: what the job asks for in `.gitlab-ci.yml`
   * (`id_tokens: <NAME>: aud: ...`). GitLab's AWS guide says the audience should name the
   * service that accepts the token, often `sts.amazonaws.com`, and its example job asks for the
   * instance URL (https://docs.gitlab.com/ci/cloud_services/aws/): give
   * `['https://gitlab.com']` if your jobs do that. The IAM OIDC provider must list the same
   * value as a client ID.
   *
   * @default ['sts.amazonaws.com']
   */
  readonly audiences?: string[];

  /**
   * The IAM OIDC provider of the GitLab instance.
   *
   * @default OidcIssuer.gitlab() - gitlab.com, `arn:{partition}:iam::{account}:oidc-provider/gitlab.com`
   */
  readonly issuer?: OidcIssuer;

  /**
   * The project's numeric ID, required as the `gitlab.com:project_id` claim in the same
   * statement as `sub`. Unlike the path, it survives renames and transfers and is never reused.
   * AWS evaluates it for the `gitlab.com` provider only: GitLab Self-Managed and Dedicated
   * instances can be trusted by `sub` alone (https://docs.gitlab.com/ci/cloud_services/aws/).
   *
   * @default - the project is named by its path only
   */
  readonly projectId?: string;

  /**
   * The numeric ID of the project's namespace (group or user), required as the
   * `gitlab.com:namespace_id` claim; gitlab.com only, like `projectId`.
   *
   * @default - the namespace is named by its path only
   */
  readonly namespaceId?: string;

  /**
   * Whether only jobs on protected branches and tags may assume the role, required as the
   * `gitlab.com:ref_protected` claim (`"true"`); gitlab.com only, like `projectId`.
   *
   * @default false
   */
  readonly protectedRefsOnly?: boolean;
}

/** The phase of an HCP Terraform run, the last field of its `sub` claim. */
export enum HcpTerraformRunPhase {
  /** `terraform plan`. */
  PLAN = 'plan',
  /** `terraform apply`. */
  APPLY = 'apply',
}

/** Options for `Trust.hcpTerraform`. */
export interface HcpTerraformTrustOptions {
  /**
   * The organization whose runs may assume the role. HashiCorp: "you should always check, at
   * minimum, the audience and the name of the organization"
   * (https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/aws-configuration).
   */
  readonly organization: string;

  /**
   * Projects whose workspaces may assume the role (`*` wildcards allowed). New workspaces are in
   * `Default Project`.
   *
   * @default - any project of the organization
   */
  readonly projects?: string[];

  /**
   * Workspaces whose runs may assume the role (`*` wildcards allowed).
   *
   * @default - any workspace of the projects
   */
  readonly workspaces?: string[];

  /**
   * The run phases that may assume the role. HashiCorp recommends a role per phase when plan and
   * apply need different permissions (read-only for plan).
   *
   * @default - plan and apply
   */
  readonly runPhases?: HcpTerraformRunPhase[];

  /**
   * The `aud` values accepted: `aws.workload.identity` unless the workspace sets
   * `TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE`.
   *
   * @default ['aws.workload.identity']
   */
  readonly audiences?: string[];

  /**
   * The IAM OIDC provider of HCP Terraform (or of a Terraform Enterprise instance).
   *
   * @default OidcIssuer.hcpTerraform() - `arn:{partition}:iam::{account}:oidc-provider/app.terraform.io`
   */
  readonly issuer?: OidcIssuer;
}
