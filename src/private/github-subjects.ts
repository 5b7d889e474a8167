import { Token } from 'aws-cdk-lib';
import { awsEvaluatesGitHubClaims, isGitHubEnterpriseServer } from './ci-issuers';
import { GIT_REF_NAME, GITHUB_CLAIM_KEY, GITHUB_WORKFLOW_REF, NUMERIC_ID } from './ci-rules';
import { breaks, GITHUB_REF_NAME, GITHUB_REPOSITORY, InputRule } from './rules';
import { addCondition, Conditions } from './statement';
import { hasWildcard } from './web-identity';
import { GitHubSubjectFormat } from '../trust/ci-trust-options';
import type { GitHubActionsTrustOptions } from '../trust/trust';

/** What a CI preset contributes to its statements: the `sub` values, the other claims, and the problems found. */
export interface CiIdentity {
  readonly subjects: string[];
  /** Claim conditions for the same statements as `sub` (keys `<issuer>:<claim>`). */
  readonly claims: Conditions;
  readonly problems: string[];
}

/** GitHub's default subject template (REST API: "include_claim_keys": ["repo", "context"]). */
const DEFAULT_TEMPLATE = ['repo', 'context'];

/** The template keys whose values come from typed options (the others from `subjectClaimValues`). */
const TYPED_KEYS = new Set(['repo', 'context', 'environment', 'job_workflow_ref', 'repository_owner', 'repository_owner_id', 'repository_id']);

/**
 * The `sub` values and claims of a GitHub Actions trust, from GitHub's "OpenID Connect reference"
 * (https://docs.github.com/en/actions/reference/security/oidc):
 * - default subjects `repo:<owner>/<repo>:ref:refs/heads/<branch>`, `...:ref:refs/tags/<tag>`,
 *   `...:environment:<name>`, `...:pull_request`; any of them (`repo:<owner>/<repo>:*`) when no
 *   branch, tag, environment or pull request is given;
 * - the immutable format `repo:<owner>@<owner-id>/<repo>@<repo-id>:...`;
 * - customized templates: `key:value` per claim key, in order, `context` standing for the part
 *   after the repository in the default format;
 * - "Any `:` within the metadata values will be replaced with `%3A` in the subject claim".
 * Options the subject does not name become claims of their own (`repository`, `ref`, ...), so
 * every option holds whatever the template.
 *
 * @param issuer the issuer host that prefixes the claim keys (may be a token)
 */
export function gitHubIdentity(options: GitHubActionsTrustOptions, issuer: string): CiIdentity {
  const problems: string[] = [];
  const repo = options.repository;
  if (breaks(GITHUB_REPOSITORY, repo)) {
    problems.push(`repository ${JSON.stringify(repo)} must be written "owner/name"`);
  }
  const repoIsToken = Token.isUnresolved(repo);
  // "owner/name"; a repository without "/" (already a problem) has the owner only.
  const slash = repo.indexOf('/');
  const owner = repoIsToken || slash < 0 ? repo : repo.slice(0, slash);
  const name = repoIsToken ? repo : slash < 0 ? '' : repo.slice(slash + 1);
  const branches = options.branches ?? [];
  const tags = options.tags ?? [];
  const environments = options.environments ?? [];
  // Each list in turn, in the order of the messages (no concatenated copy per trust).
  checkRefNames(problems, branches);
  checkRefNames(problems, tags);
  checkRefNames(problems, environments);
  checkGitRefNames(problems, branches);
  checkGitRefNames(problems, tags);
  const ownerId = options.repositoryOwnerId;
  const repoId = options.repositoryId;
  checkOne(problems, NUMERIC_ID, 'repositoryOwnerId', ownerId);
  checkOne(problems, NUMERIC_ID, 'repositoryId', repoId);
  checkOne(problems, NUMERIC_ID, 'enterpriseId', options.enterpriseId);
  checkList(problems, NUMERIC_ID, 'actorIds', options.actorIds);
  checkList(problems, GITHUB_WORKFLOW_REF, 'jobWorkflowRefs', options.jobWorkflowRefs);
  checkNoEmptyName(problems, 'workflows', options.workflows);
  checkNoEmptyName(problems, 'actors', options.actors);

  const immutable = options.subjectFormat === GitHubSubjectFormat.IMMUTABLE;
  if (immutable) {
    if (ownerId === undefined) {
      problems.push('subjectFormat IMMUTABLE needs repositoryOwnerId: the immutable subject is "repo:OWNER@OWNER-ID/REPO@REPO-ID:..."');
    }
    if (repoId === undefined && !hasWildcard(name)) {
      problems.push(`subjectFormat IMMUTABLE needs repositoryId for the repository ${JSON.stringify(repo)}: the immutable subject is "repo:OWNER@OWNER-ID/REPO@REPO-ID:..."`);
    }
    if (!Token.isUnresolved(issuer) && isGitHubEnterpriseServer(issuer)) {
      problems.push(`subjectFormat IMMUTABLE is not available on GitHub Enterprise Server (issuer ${issuer})`);
    }
  }
  const repoSegment = immutable && !repoIsToken ? `${owner}@${ownerId ?? '<repositoryOwnerId>'}/${name}${repoId !== undefined ? `@${repoId}` : ''}` : repo;

  const template = options.subjectClaimKeys ?? DEFAULT_TEMPLATE;
  const has = (key: string) => template.includes(key);
  const values = options.subjectClaimValues ?? {};
  checkTemplate(problems, template, values);

  // Plain loops: every GitHub trust builds these, and spreads of mapped copies cost more than the rest of it.
  const contexts: string[] = [];
  for (const b of branches) contexts.push(`ref:refs/heads/${b}`);
  for (const t of tags) contexts.push(`ref:refs/tags/${t}`);
  for (const e of environments) contexts.push(`environment:${encoded(e)}`);
  if (options.pullRequests) contexts.push('pull_request');
  const workflowRefs = options.jobWorkflowRefs ?? [];
  const required = (key: string, given: string | undefined, option: string): string[] => {
    if (given === undefined) {
      problems.push(`subjectClaimKeys names "${key}": give ${option}`);
      return [`${key}:*`];
    }
    return [`${key}:${given}`];
  };
  const segments = template.map((key): string[] => {
    switch (key) {
      case 'repo': return [`repo:${repoSegment}`];
      case 'context': return contexts.length > 0 ? contexts : ['*'];
      case 'environment': return environments.length > 0 ? environments.map((e) => `environment:${encoded(e)}`) : ['environment:*'];
      case 'job_workflow_ref':
        if (workflowRefs.length === 0) problems.push('subjectClaimKeys names "job_workflow_ref": give jobWorkflowRefs');
        return workflowRefs.length > 0 ? workflowRefs.map((r) => `job_workflow_ref:${encoded(r)}`) : ['job_workflow_ref:*'];
      case 'repository_owner': return [`repository_owner:${owner}`];
      case 'repository_owner_id': return required(key, ownerId, 'repositoryOwnerId');
      case 'repository_id': return required(key, repoId, 'repositoryId');
      default: return required(key, values[key] === undefined ? undefined : encoded(values[key]), `its value in subjectClaimValues["${key}"]`);
    }
  });
  const subjects = joinAlternatives(segments);

  // What the subject does not name is required as a claim of its own.
  let claims: Conditions = {};
  const claim = (key: string, list: string[]) => {
    claims = addCondition(claims, list.some(hasWildcard) ? 'StringLike' : 'StringEquals', `${issuer}:${key}`, list);
  };
  const idsInSubject = immutable && has('repo');
  if (!has('repo')) claim('repository', [repo]);
  if (ownerId !== undefined && !idsInSubject && !has('repository_owner_id')) claim('repository_owner_id', [ownerId]);
  if (repoId !== undefined && !idsInSubject && !has('repository_id')) claim('repository_id', [repoId]);
  if (!has('context')) {
    const refs: string[] = [];
    for (const b of branches) refs.push(`refs/heads/${b}`);
    for (const t of tags) refs.push(`refs/tags/${t}`);
    if (options.pullRequests) {
      problems.push('pullRequests needs "context" in subjectClaimKeys: only the context part of the subject names pull requests');
    }
    if (refs.length > 0 && environments.length > 0) {
      problems.push('branches or tags together with environments need "context" in subjectClaimKeys: GitHub\'s context names one or the other, '
        + 'while separate ref and environment claims would both have to match');
    }
    if (refs.length > 0) claim('ref', refs);
    if (environments.length > 0 && !has('environment')) claim('environment', environments);
  }
  if (workflowRefs.length > 0 && !has('job_workflow_ref')) claim('job_workflow_ref', workflowRefs);
  if (options.workflows?.length) claim('workflow', options.workflows);
  if (options.actors?.length) claim('actor', options.actors);
  if (options.actorIds?.length) claim('actor_id', options.actorIds);
  if (options.enterpriseId !== undefined) claim('enterprise_id', [options.enterpriseId]);
  checkNotEmpty(problems, 'jobWorkflowRefs', options.jobWorkflowRefs);
  checkNotEmpty(problems, 'workflows', options.workflows);
  checkNotEmpty(problems, 'actors', options.actors);
  checkNotEmpty(problems, 'actorIds', options.actorIds);

  // The claim keys are listed only for an issuer whose claims AWS does not evaluate (rare).
  const keys = claimsUnused(claims) || Token.isUnresolved(issuer) || awsEvaluatesGitHubClaims(issuer)
    ? []
    : Object.values(claims).flatMap((block) => Object.keys(block).map((k) => k.slice(issuer.length + 1)));
  if (keys.length > 0) {
    problems.push(`${claimsAre(keys)} evaluated by AWS STS only for GitHub's own issuers (token.actions.githubusercontent.com, `
      + `token.actions.githubusercontent.com/<enterprise>, token.actions.<subdomain>.ghe.com), not for ${issuer}: name them in the subject instead`);
  }
  return { subjects, claims, problems };
}

/** `the claim a is` or `the claims a, b are`. */
export function claimsAre(keys: string[]): string {
  return keys.length === 1 ? `the claim ${keys[0]} is` : `the claims ${keys.join(', ')} are`;
}

/** `:` as GitHub writes it inside a subject value. */
function encoded(value: string): string {
  return value.replace(/:/g, '%3A');
}

function checkOne(problems: string[], rule: InputRule, field: string, value: string | undefined): void {
  if (value !== undefined && breaks(rule, value)) problems.push(`${field} ${JSON.stringify(value)} ${rule.rule}`);
}

/** GitHub's rule for branch, tag and environment names. */
function checkRefNames(problems: string[], values: string[]): void {
  for (let i = 0; i < values.length; i++) {
    if (breaks(GITHUB_REF_NAME, values[i])) {
      problems.push(`branch, tag or environment ${JSON.stringify(values[i])} ${GITHUB_REF_NAME.rule}`);
    }
  }
}

/** Git's rule for ref names, for branches and tags that keep GitHub's rule. */
function checkGitRefNames(problems: string[], values: string[]): void {
  for (let i = 0; i < values.length; i++) {
    if (!breaks(GITHUB_REF_NAME, values[i]) && breaks(GIT_REF_NAME, values[i])) {
      problems.push(`branch or tag ${JSON.stringify(values[i])} ${GIT_REF_NAME.rule}`);
    }
  }
}

function checkNoEmptyName(problems: string[], field: string, list: string[] | undefined): void {
  if (list?.some((v) => v === '')) problems.push(`${field} must not hold an empty name`);
}

function checkNotEmpty(problems: string[], field: string, list: string[] | undefined): void {
  if (list !== undefined && list.length === 0) problems.push(`${field} is empty: omit it to accept any, or name at least one`);
}

function checkList(problems: string[], rule: InputRule, field: string, values: string[] | undefined): void {
  for (const value of values ?? []) {
    if (breaks(rule, value)) problems.push(`${field} value ${JSON.stringify(value)} ${rule.rule}`);
  }
}

/** Every way of writing the subject: one alternative of each segment in turn, joined with `:`. */
function joinAlternatives(segments: string[][]): string[] {
  let joined = segments.length > 0 ? segments[0] : [''];
  for (let i = 1; i < segments.length; i++) {
    const next: string[] = [];
    for (const prefix of joined) {
      for (const alternative of segments[i]) next.push(prefix ? `${prefix}:${alternative}` : alternative);
    }
    joined = next;
  }
  // A copy: the segments may be the caller's lists (contexts).
  return segments.length === 1 ? [...joined] : joined;
}

/** Whether no claim besides `sub` was added (the usual case). */
function claimsUnused(claims: Conditions): boolean {
  for (const _ in claims) return false;
  return true;
}

function checkTemplate(problems: string[], template: string[], values: { [key: string]: string }): void {
  // GitHub's default template is valid as written; only the values need checking then.
  if (template === DEFAULT_TEMPLATE) {
    checkTemplateValues(problems, template, values);
    return;
  }
  if (template.length === 0) {
    problems.push('subjectClaimKeys is empty: omit it for GitHub\'s default subject, or list the claim keys of the repository\'s template');
  }
  template.filter((key, i) => template.indexOf(key) !== i).forEach((key) => problems.push(`subjectClaimKeys names "${key}" twice`));
  for (const key of template) {
    if (breaks(GITHUB_CLAIM_KEY, key)) problems.push(`subjectClaimKeys key ${JSON.stringify(key)} ${GITHUB_CLAIM_KEY.rule}`);
  }
  checkTemplateValues(problems, template, values);
}

function checkTemplateValues(problems: string[], template: string[], values: { [key: string]: string }): void {
  for (const [key, value] of Object.entries(values)) {
    if (TYPED_KEYS.has(key)) {
      problems.push(`subjectClaimValues["${key}"]: the "${key}" claim comes from the typed options (repository, branches, environments, jobWorkflowRefs, repositoryOwnerId, repositoryId)`);
    } else if (!template.includes(key)) {
      problems.push(`subjectClaimValues["${key}"] is not a key of subjectClaimKeys (${template.join(', ')})`);
    } else if (value === '') {
      problems.push(`subjectClaimValues["${key}"] is empty`);
    }
  }
}
