import { InputRule } from './rules';

/**
 * Input rules of the CI identities (GitHub Actions, GitLab CI, HCP Terraform): the names that
 * go into their `sub` claims and the claims AWS STS evaluates. Like `rules.ts`, each rule is
 * written once, for the constructs (`breaks`) and the catalog schema (`pattern`).
 *
 * Every `sub` of these issuers is a list of `name:value` fields joined by `:`, so a value that
 * contains `:` would read as further fields: the names below cannot contain `:` (Git refs,
 * GitLab paths, HCP Terraform names), and the builders reject it rather than write a subject
 * no token carries.
 */

/**
 * A Git branch or tag name. Git refs cannot contain whitespace, `~`, `^`, `:`, `[` or `\`
 * (https://git-scm.com/docs/git-check-ref-format); `*` and `?` are IAM wildcards here.
 */
export const GIT_REF_NAME: InputRule = {
  pattern: '^[^\\s~^:\\[\\\\]+$',
  rule: 'must be a Git branch or tag name: not empty, without whitespace or any of ~ ^ : [ \\ (git check-ref-format); * and ? are wildcards',
};

/** A numeric ID of GitHub (owner, repository, actor, enterprise) or GitLab (project, group). */
export const NUMERIC_ID: InputRule = {
  pattern: '^[1-9][0-9]*$',
  rule: 'must be a numeric ID (digits only, e.g. 123456)',
};

/**
 * A claim key of a GitHub subject template: "Each claim key can only contain alphanumeric
 * characters and underscores" (REST API, "Set the customization template for an OIDC subject
 * claim", https://docs.github.com/en/rest/actions/oidc).
 */
export const GITHUB_CLAIM_KEY: InputRule = {
  pattern: '^[A-Za-z0-9_]+$',
  rule: 'must be a GitHub claim key (letters, digits and "_"), e.g. repo, context, job_workflow_ref',
};

/**
 * A reusable workflow as the `job_workflow_ref` claim names it:
 * `octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main`
 * (https://docs.github.com/en/actions/reference/security/oidc).
 */
export const GITHUB_WORKFLOW_REF: InputRule = {
  pattern: '^[^/\\s]+/[^/\\s]+/[^@\\s]+@\\S+$',
  rule: 'must be a reusable workflow written "owner/repository/path@ref", e.g. octo-org/automation/.github/workflows/deploy.yml@refs/heads/main',
};

/**
 * A GitLab project path, `group/project` or `group/subgroup/project`: GitLab's `sub` is
 * `project_path:{group}/{project}:ref_type:{type}:ref:{branch_name}`
 * (https://docs.gitlab.com/ci/secrets/id_token_authentication/).
 */
export const GITLAB_PROJECT_PATH: InputRule = {
  pattern: '^[^\\s:/]+(/[^\\s:/]+)+$',
  rule: 'must be a GitLab project path written "group/project" (subgroups allowed: "group/subgroup/project"), without whitespace or ":"; * and ? are wildcards',
};

/** An HCP Terraform organization name: its field of the `sub` cannot hold whitespace or `:`. */
export const HCP_TERRAFORM_ORGANIZATION: InputRule = {
  pattern: '^[^\\s:]+$',
  rule: 'must be an HCP Terraform organization name: not empty, without whitespace or ":"',
};

/**
 * An HCP Terraform project name: "letters, numbers, spaces, `-`, and `_`, but cannot start or
 * end with spaces" (Projects API, https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects).
 */
export const HCP_TERRAFORM_PROJECT: InputRule = {
  pattern: '^[A-Za-z0-9_*?-]([A-Za-z0-9 _*?-]*[A-Za-z0-9_*?-])?$',
  rule: 'must be an HCP Terraform project name: letters, digits, spaces, "-" and "_", not starting or ending with a space; * and ? are wildcards',
};

/**
 * An HCP Terraform workspace name: "can only include letters, numbers, `-`, and `_`"
 * (Workspaces API, https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces).
 */
export const HCP_TERRAFORM_WORKSPACE: InputRule = {
  pattern: '^[A-Za-z0-9_*?-]+$',
  rule: 'must be an HCP Terraform workspace name: letters, digits, "-" and "_"; * and ? are wildcards',
};
