import { GITHUB_REPOSITORY, matches } from './rules';
import { GitLabCiTrustOptions, HcpTerraformRunPhase } from '../trust/ci-trust-options';
import { OidcIssuer } from '../trust/oidc-issuer';
import { Trust } from '../trust/trust';
import { WebIdentityTrust } from '../trust/web-identity-trust';

/**
 * Web-identity statements (`aud` and `sub` only) whose subjects are exactly what a CI preset
 * writes, lifted into that preset: `Trust.githubActions` (GitHub's default subject by names),
 * `Trust.gitlabCi`, `Trust.hcpTerraform`. A candidate is kept only when it writes the same
 * subjects and audiences for the same provider and reports no problem, so it renders the same
 * statement; anything else stays `Trust.openIdConnect`.
 */
export function liftCiPreset(issuer: OidcIssuer, subjects: string[], audiences: string[]): WebIdentityTrust | undefined {
  for (const candidate of [gitHubCandidate, gitLabCandidate, hcpTerraformCandidate]) {
    const trust = candidate(issuer, subjects, audiences);
    if (trust && trust._problems.length === 0 && Object.keys(trust._extraConditions).length === 0
      && sameSet(trust._subjects, subjects) && sameSet(trust._audiences, audiences)) {
      return trust;
    }
  }
  return undefined;
}

/** `repo:<owner>/<name>:<context>`, one repository (https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims). */
function gitHubCandidate(issuer: OidcIssuer, subjects: string[], audiences: string[]): WebIdentityTrust | undefined {
  const parsed = subjects.map((s) => /^repo:([^:]+):(.+)$/.exec(s));
  const repos = new Set(parsed.map((m) => m?.[1]));
  if (parsed.some((m) => !m) || repos.size !== 1) return undefined;
  const repository = parsed[0]![1];
  if (!matches(GITHUB_REPOSITORY, repository)) return undefined;
  const branches: string[] = [];
  const tags: string[] = [];
  const environments: string[] = [];
  let pullRequests = false;
  for (const context of parsed.map((m) => m![2])) {
    if (context.startsWith('ref:refs/heads/')) branches.push(context.slice('ref:refs/heads/'.length));
    else if (context.startsWith('ref:refs/tags/')) tags.push(context.slice('ref:refs/tags/'.length));
    else if (context.startsWith('environment:')) environments.push(context.slice('environment:'.length).replace(/%3A/g, ':'));
    else if (context === 'pull_request') pullRequests = true;
    else if (context !== '*') return undefined;
  }
  const trust = Trust.githubActions({
    repository,
    issuer,
    pullRequests,
    ...(branches.length ? { branches } : {}),
    ...(tags.length ? { tags } : {}),
    ...(environments.length ? { environments } : {}),
  });
  return sameSet(trust._audiences, audiences) ? trust : trust.withAudiences(audiences);
}

/** `project_path:<path>:ref_type:<branch|tag>:ref:<name>`, one project (https://docs.gitlab.com/ci/secrets/id_token_authentication/). */
function gitLabCandidate(issuer: OidcIssuer, subjects: string[], audiences: string[]): WebIdentityTrust | undefined {
  const parsed = subjects.map((s) => /^project_path:([^:]+):(.+)$/.exec(s));
  if (parsed.some((m) => !m) || new Set(parsed.map((m) => m![1])).size !== 1) return undefined;
  const options: { -readonly [K in keyof GitLabCiTrustOptions]: GitLabCiTrustOptions[K] } = { project: parsed[0]![1], issuer, audiences };
  for (const rest of parsed.map((m) => m![2])) {
    const ref = /^ref_type:(branch|tag):ref:(.+)$/.exec(rest);
    if (ref?.[1] === 'branch') options.branches = [...(options.branches ?? []), ref[2]];
    else if (ref?.[1] === 'tag') options.tags = [...(options.tags ?? []), ref[2]];
    else if (rest !== '*') return undefined;
  }
  return Trust.gitlabCi(options);
}

/** `organization:<org>:project:<project>:workspace:<workspace>:run_phase:<phase>`, one organization, every combination. */
function hcpTerraformCandidate(issuer: OidcIssuer, subjects: string[], audiences: string[]): WebIdentityTrust | undefined {
  const parsed = subjects.map((s) => /^organization:([^:]+):project:([^:]+):workspace:([^:]+):run_phase:([^:]+)$/.exec(s));
  if (parsed.some((m) => !m) || new Set(parsed.map((m) => m![1])).size !== 1) return undefined;
  const field = (i: number) => [...new Set(parsed.map((m) => m![i]))];
  const named = (values: string[]) => (values.length === 1 && values[0] === '*' ? undefined : values);
  const phases = named(field(4));
  if (phases?.some((p) => !Object.values(HcpTerraformRunPhase).includes(p as HcpTerraformRunPhase))) return undefined;
  return Trust.hcpTerraform({
    organization: parsed[0]![1],
    projects: named(field(2)),
    workspaces: named(field(3)),
    runPhases: phases as HcpTerraformRunPhase[] | undefined,
    issuer,
    audiences,
  });
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && new Set([...a, ...b]).size === new Set(a).size;
}
