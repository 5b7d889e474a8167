import { Token } from 'aws-cdk-lib';
import { GITLAB_COM_ISSUER } from './ci-issuers';
import { GIT_REF_NAME, GITLAB_PROJECT_PATH, HCP_TERRAFORM_ORGANIZATION, HCP_TERRAFORM_PROJECT, HCP_TERRAFORM_WORKSPACE, NUMERIC_ID } from './ci-rules';
import { CiIdentity, claimsAre } from './github-subjects';
import { breaks, InputRule } from './rules';
import { addCondition, Conditions } from './statement';
import { GitLabCiTrustOptions, HcpTerraformRunPhase, HcpTerraformTrustOptions } from '../trust/ci-trust-options';

/**
 * The `sub` values and claims of GitLab CI: `project_path:{group}/{project}:ref_type:{type}:ref:{branch_name}`
 * (https://docs.gitlab.com/ci/secrets/id_token_authentication/), `ref_type` being `branch` or
 * `tag`; any ref of the project (`project_path:<path>:*`) when neither is given. `project_id`,
 * `namespace_id` and `ref_protected` are claims AWS evaluates for the gitlab.com provider only
 * (https://docs.gitlab.com/ci/cloud_services/aws/; STS Service Authorization Reference,
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html).
 *
 * @param issuer the issuer host that prefixes the claim keys (may be a token)
 */
export function gitLabIdentity(options: GitLabCiTrustOptions, issuer: string): CiIdentity {
  const problems: string[] = [];
  const project = options.project;
  if (breaks(GITLAB_PROJECT_PATH, project)) problems.push(`project ${JSON.stringify(project)} ${GITLAB_PROJECT_PATH.rule}`);
  const branches = options.branches ?? [];
  const tags = options.tags ?? [];
  checkNames(problems, GIT_REF_NAME, 'branches', options.branches, 'branch');
  checkNames(problems, GIT_REF_NAME, 'tags', options.tags, 'tag');
  const refs = [...branches.map((b) => `ref_type:branch:ref:${b}`), ...tags.map((t) => `ref_type:tag:ref:${t}`)];
  const subjects = (refs.length > 0 ? refs : ['*']).map((ref) => `project_path:${project}:${ref}`);

  let claims: Conditions = {};
  for (const [field, key, value] of [['projectId', 'project_id', options.projectId], ['namespaceId', 'namespace_id', options.namespaceId]] as const) {
    if (value === undefined) continue;
    if (breaks(NUMERIC_ID, value)) problems.push(`${field} ${JSON.stringify(value)} ${NUMERIC_ID.rule}`);
    claims = addCondition(claims, 'StringEquals', `${issuer}:${key}`, [value]);
  }
  if (options.protectedRefsOnly) {
    claims = addCondition(claims, 'StringEquals', `${issuer}:ref_protected`, ['true']);
  }
  const keys = Object.values(claims).flatMap((block) => Object.keys(block).map((k) => k.slice(issuer.length + 1)));
  if (keys.length > 0 && !Token.isUnresolved(issuer) && issuer !== GITLAB_COM_ISSUER) {
    problems.push(`${claimsAre(keys)} evaluated by AWS STS for the gitlab.com provider only, not for ${issuer}: `
      + 'GitLab Self-Managed and Dedicated instances are trusted by sub alone');
  }
  return { subjects, claims, problems };
}

/**
 * The `sub` values of HCP Terraform workspace runs:
 * `organization:<org>:project:<project>:workspace:<workspace>:run_phase:<plan|apply>`
 * (https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/workload-identity-tokens),
 * `*` for each field not given. Every field stays in the pattern, so tokens of other kinds (module
 * test runs, `organization:<org>:module:<module>:operation:test_run`) never match.
 */
export function hcpTerraformIdentity(options: HcpTerraformTrustOptions): CiIdentity {
  const problems: string[] = [];
  const organization = options.organization;
  if (breaks(HCP_TERRAFORM_ORGANIZATION, organization)) {
    problems.push(`organization ${JSON.stringify(organization)} ${HCP_TERRAFORM_ORGANIZATION.rule}`);
  }
  checkNames(problems, HCP_TERRAFORM_PROJECT, 'projects', options.projects, 'project');
  checkNames(problems, HCP_TERRAFORM_WORKSPACE, 'workspaces', options.workspaces, 'workspace');
  if (options.runPhases !== undefined && options.runPhases.length === 0) {
    problems.push('runPhases is empty: omit it to accept plan and apply, or name at least one');
  }
  for (const phase of options.runPhases ?? []) {
    if (!Object.values(HcpTerraformRunPhase).includes(phase)) problems.push(`run phase ${JSON.stringify(phase)} must be plan or apply`);
  }
  const projects = options.projects?.length ? options.projects : ['*'];
  const workspaces = options.workspaces?.length ? options.workspaces : ['*'];
  const phases = options.runPhases?.length ? [...new Set(options.runPhases)] : ['*'];
  const subjects = projects.flatMap((p) => workspaces.flatMap((w) => phases.map((r) => `organization:${organization}:project:${p}:workspace:${w}:run_phase:${r}`)));
  return { subjects, claims: {}, problems };
}

/** Checks each name of an optional list; an empty list is a problem (it would silently mean "any"). */
function checkNames(problems: string[], rule: InputRule, field: string, values: string[] | undefined, what: string): void {
  if (values !== undefined && values.length === 0) {
    problems.push(`${field} is empty: omit it to accept any ${what}, or name at least one`);
  }
  for (const value of values ?? []) {
    if (breaks(rule, value)) problems.push(`${what} ${JSON.stringify(value)} ${rule.rule}`);
  }
}
