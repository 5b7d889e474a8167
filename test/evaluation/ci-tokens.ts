/**
 * Callers holding the tokens CI systems issue, written from the issuers' documentation (not from
 * this library's subject builders): the `sub` claim and the other claims AWS STS evaluates as
 * condition keys, consistent with each other, so a look-alike changes one thing at a time.
 */
import { Caller, Callers, ContextValues } from '../support/trust-evaluator';

export const GITHUB = 'token.actions.githubusercontent.com';
export const GITLAB = 'gitlab.com';
export const HCP_TERRAFORM = 'app.terraform.io';

/** A GitHub Actions job (https://docs.github.com/en/actions/reference/security/oidc). */
export interface GitHubJob {
  readonly owner?: string;
  readonly ownerId?: string;
  readonly repo?: string;
  readonly repoId?: string;
  /** The ref that triggered the run. @default 'refs/heads/main' */
  readonly ref?: string;
  /** The job's environment, if any (the subject then names it instead of the ref). */
  readonly environment?: string;
  /** Triggered by a pull request (the subject is then `...:pull_request`). */
  readonly pullRequest?: boolean;
  /** The repository uses immutable subject claims: `repo:OWNER@OWNER-ID/REPO@REPO-ID:...`. */
  readonly immutable?: boolean;
  /** The reusable workflow that runs the job, if any. */
  readonly jobWorkflowRef?: string;
  readonly workflow?: string;
  readonly actor?: string;
  readonly actorId?: string;
  readonly enterpriseId?: string;
  /** The repository's customized subject template (`include_claim_keys`), if any. */
  readonly template?: string[];
  readonly aud?: string;
  readonly providerAccount?: string;
}

/** The token of a GitHub Actions job, presented to the IAM OIDC provider of `issuer`. */
export function gitHubJob(job: GitHubJob = {}, issuer: string = GITHUB): Caller {
  const owner = job.owner ?? 'octo-org';
  const repo = job.repo ?? 'app';
  const ownerId = job.ownerId ?? '111111';
  const repoId = job.repoId ?? '222222';
  const ref = job.pullRequest ? 'refs/pull/7/merge' : job.ref ?? 'refs/heads/main';
  // "Any `:` within the metadata values will be replaced with `%3A` in the subject claim."
  const enc = (v: string) => v.replace(/:/g, '%3A');
  const context = job.environment !== undefined ? `environment:${enc(job.environment)}` : job.pullRequest ? 'pull_request' : `ref:${ref}`;
  const repoSegment = job.immutable ? `${owner}@${ownerId}/${repo}@${repoId}` : `${owner}/${repo}`;
  const parts: Record<string, string | undefined> = {
    repo: `repo:${repoSegment}`,
    context,
    environment: job.environment !== undefined ? `environment:${enc(job.environment)}` : undefined,
    job_workflow_ref: job.jobWorkflowRef !== undefined ? `job_workflow_ref:${enc(job.jobWorkflowRef)}` : undefined,
    repository_owner: `repository_owner:${owner}`,
    repository_owner_id: `repository_owner_id:${ownerId}`,
    repository_id: `repository_id:${repoId}`,
  };
  const sub = (job.template ?? ['repo', 'context']).map((key) => {
    const part = parts[key];
    if (part === undefined) throw new Error(`a job without ${key} has no subject with that template`);
    return part;
  }).join(':');
  const claims: ContextValues = {
    repository: `${owner}/${repo}`,
    repository_id: repoId,
    repository_owner_id: ownerId,
    ref,
    workflow: job.workflow ?? 'Deploy',
    actor: job.actor ?? 'octocat',
    actor_id: job.actorId ?? '583231',
    ...(job.environment !== undefined ? { environment: job.environment } : {}),
    ...(job.jobWorkflowRef !== undefined ? { job_workflow_ref: job.jobWorkflowRef } : {}),
    ...(job.enterpriseId !== undefined ? { enterprise_id: job.enterpriseId } : {}),
  };
  return Callers.webIdentity(issuer, sub, { aud: job.aud, providerAccount: job.providerAccount, context: prefixed(issuer, claims) });
}

/** A GitLab CI/CD job (https://docs.gitlab.com/ci/secrets/id_token_authentication/). */
export interface GitLabJob {
  readonly project?: string;
  readonly refType?: 'branch' | 'tag';
  readonly ref?: string;
  readonly projectId?: string;
  readonly namespaceId?: string;
  readonly refProtected?: boolean;
  /** @default 'sts.amazonaws.com' */
  readonly aud?: string;
  readonly providerAccount?: string;
}

/**
 * The ID token of a GitLab job. Only for gitlab.com does it carry, as AWS condition keys, the
 * claims besides `sub` and `aud` (https://docs.gitlab.com/ci/cloud_services/aws/).
 */
export function gitLabJob(job: GitLabJob = {}, issuer: string = GITLAB): Caller {
  const sub = `project_path:${job.project ?? 'acme/web'}:ref_type:${job.refType ?? 'branch'}:ref:${job.ref ?? 'main'}`;
  const claims: ContextValues = issuer === GITLAB ? {
    project_id: job.projectId ?? '67890',
    namespace_id: job.namespaceId ?? '12345',
    ref_protected: String(job.refProtected ?? true),
    pipeline_source: 'push',
  } : {};
  return Callers.webIdentity(issuer, sub, { aud: job.aud, providerAccount: job.providerAccount, context: prefixed(issuer, claims) });
}

/** An HCP Terraform run (https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/workload-identity-tokens). */
export interface TerraformRun {
  readonly organization?: string;
  readonly project?: string;
  readonly workspace?: string;
  readonly phase?: 'plan' | 'apply';
  /** @default 'aws.workload.identity' */
  readonly aud?: string;
}

/** The workload identity token of a workspace run. */
export function terraformRun(run: TerraformRun = {}, issuer: string = HCP_TERRAFORM): Caller {
  const sub = `organization:${run.organization ?? 'acme'}:project:${run.project ?? 'Default Project'}:workspace:${run.workspace ?? 'prod'}:run_phase:${run.phase ?? 'apply'}`;
  return Callers.webIdentity(issuer, sub, { aud: run.aud ?? 'aws.workload.identity' });
}

/** The workload identity token of a module test run: `organization:<org>:module:<module>:operation:test_run`. */
export function terraformModuleTest(organization: string, module: string): Caller {
  return Callers.webIdentity(HCP_TERRAFORM, `organization:${organization}:module:${module}:operation:test_run`, { aud: 'aws.workload.identity' });
}

function prefixed(issuer: string, claims: ContextValues): ContextValues {
  return Object.fromEntries(Object.entries(claims).map(([k, v]) => [`${issuer}:${k}`, v]));
}
