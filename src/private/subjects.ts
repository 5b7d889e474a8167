import { Token } from 'aws-cdk-lib';

/**
 * Builders for the `sub` values of web-identity tokens, with the naming rules of each issuer.
 * Each returns the subjects and the problems found, so errors can be reported later with
 * the construct path.
 */

/** Kubernetes service account names (DNS subdomains), plus IAM wildcards. */
const K8S_NAME = /^[a-z0-9*?]([a-z0-9.*?-]{0,251}[a-z0-9*?])?$/;
/** Kubernetes namespaces (DNS labels: no dots), plus IAM wildcards. */
const K8S_NAMESPACE = /^[a-z0-9*?]([a-z0-9*?-]{0,61}[a-z0-9*?])?$/;

/** `system:serviceaccount:<namespace>:<name>` subjects from `namespace:name` strings. */
export function serviceAccountSubjects(serviceAccounts: string[]): { subjects: string[]; problems: string[] } {
  const problems: string[] = [];
  const subjects = serviceAccounts.map((sa) => {
    const parts = sa.split(':');
    // Deploy-time values are not checked; a whole-token entry must resolve to "namespace:name".
    if (parts.length === 1 && Token.isUnresolved(sa)) {
      return `system:serviceaccount:${sa}`;
    }
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      problems.push(`service account ${JSON.stringify(sa)} must be written "namespace:name"`);
      return `system:serviceaccount:${sa}`;
    }
    if (!Token.isUnresolved(parts[0]) && !K8S_NAMESPACE.test(parts[0])) {
      problems.push(`namespace ${JSON.stringify(parts[0])} in ${JSON.stringify(sa)} must be a lowercase DNS label of at most 63 characters (a-z, 0-9, "-"; "*" and "?" as wildcards)`);
    }
    if (!Token.isUnresolved(parts[1]) && !K8S_NAME.test(parts[1])) {
      problems.push(`service account name ${JSON.stringify(parts[1])} in ${JSON.stringify(sa)} must be a lowercase DNS name of at most 253 characters (a-z, 0-9, "-", "."; "*" and "?" as wildcards)`);
    }
    return `system:serviceaccount:${parts[0]}:${parts[1]}`;
  });
  return { subjects, problems };
}

/** What a GitHub Actions role may be assumed from. */
export interface GitHubSubjectOptions {
  readonly repository: string;
  readonly branches?: string[];
  readonly tags?: string[];
  readonly environments?: string[];
  readonly pullRequests?: boolean;
}

const GITHUB_REPOSITORY = /^[A-Za-z0-9-*?]+\/[A-Za-z0-9_.*?-]+$/;

/**
 * GitHub's OIDC `sub` claims: `repo:<owner>/<repo>:ref:refs/heads/<branch>`,
 * `...:ref:refs/tags/<tag>`, `...:environment:<name>`, `...:pull_request`. With no branch, tag,
 * environment or pull request given, any workflow of the repository (`repo:<owner>/<repo>:*`).
 */
export function gitHubSubjects(options: GitHubSubjectOptions): { subjects: string[]; problems: string[] } {
  const problems: string[] = [];
  const repo = options.repository;
  if (!Token.isUnresolved(repo) && !GITHUB_REPOSITORY.test(repo)) {
    problems.push(`repository ${JSON.stringify(repo)} must be written "owner/name"`);
  }
  const subjects = [
    ...(options.branches ?? []).map((b) => `repo:${repo}:ref:refs/heads/${b}`),
    ...(options.tags ?? []).map((t) => `repo:${repo}:ref:refs/tags/${t}`),
    ...(options.environments ?? []).map((e) => `repo:${repo}:environment:${e}`),
    ...(options.pullRequests ? [`repo:${repo}:pull_request`] : []),
  ];
  for (const value of [...(options.branches ?? []), ...(options.tags ?? []), ...(options.environments ?? [])]) {
    if (!Token.isUnresolved(value) && (value.length === 0 || /\s/.test(value))) {
      problems.push(`branch, tag or environment ${JSON.stringify(value)} must be non-empty and contain no whitespace`);
    }
  }
  return { subjects: subjects.length > 0 ? subjects : [`repo:${repo}:*`], problems };
}
