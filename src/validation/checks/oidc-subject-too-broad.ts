import { FindingLevel, RoleCheck } from '../role-check';
import { conditionEntries } from '../statements';
import { webIdentityStatements } from '../web-identity-statements';

/** The fixed prefixes of `sub` claims after which a value names the identity. */
const SUBJECT_PREFIXES = ['system:serviceaccount:', 'repo:'];

/**
 * The CI formats whose first name is one anyone can register: a GitHub owner (`repo:<owner>/...`),
 * a GitLab top-level group (`project_path:<group>/...`, https://docs.gitlab.com/ci/secrets/id_token_authentication/),
 * an HCP Terraform organization (`organization:<org>:...`,
 * https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/workload-identity-tokens).
 */
const PUBLIC_NAME_PREFIXES = ['repo:', 'project_path:', 'organization:'];

/**
 * Whether a `sub` pattern of a CI format leaves its public first name to wildcards
 * (`repo:*:ref:refs/heads/main`, a GitLab group `*`, `organization:*:project:...`): whoever
 * registers any owner, group or organization gets a matching token. A name pinned by ID
 * (`repo:*@123456/...`, GitHub's immutable format) is not all wildcards.
 */
function matchesAnyOwner(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const prefix = PUBLIC_NAME_PREFIXES.find((p) => value.startsWith(p));
  if (!prefix) return false;
  const name = value.slice(prefix.length).split(/[/:]/)[0];
  return /[*]/.test(name) && /^[*?]+$/.test(name);
}

/** Whether a `sub` pattern matches every identity of the issuer (only wildcards after its prefix). */
function matchesAnySubject(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const prefix = SUBJECT_PREFIXES.find((p) => value.startsWith(p)) ?? '';
  const rest = value.slice(prefix.length);
  return /[*]/.test(rest) && /^[*?:/]*$/.test(rest);
}

/** OIDC trust whose `sub` condition is a pattern that matches every subject. */
export const oidcSubjectTooBroad: RoleCheck = {
  id: 'OidcSubjectTooBroad',
  level: FindingLevel.WARNING,
  trigger: 'A web-identity (OIDC) trust statement has a "<issuer>:sub" pattern made only of wildcards ("*", "system:serviceaccount:*:*", "repo:*"), or a CI subject whose owner, group or organization is only wildcards ("repo:*:ref:refs/heads/main", "project_path:*/web:*", "organization:*:project:*:workspace:prod:run_phase:*"): any service account of the cluster, or any repository, project or workspace of anyone, can assume the role.',
  fix: 'Name the namespace and service account (Trust.eksServiceAccounts(issuer, ["payments:api"])), the repository (Trust.githubActions({ repository: "org/app" })), the GitLab project (Trust.gitlabCi({ project: "group/app" })) or the HCP Terraform organization (Trust.hcpTerraform({ organization: "acme" })); a namespace wildcard ("payments:*") is narrower.',
  check(role) {
    return webIdentityStatements(role.trustPolicy).flatMap(({ s, i }) => {
      // Only StringLike reads "*" as a wildcard; under StringEquals it is literal (WildcardInExactOperator).
      const patterns = conditionEntries(s)
        .filter(({ operator, key }) => /StringLike/.test(operator) && key.toLowerCase().endsWith(':sub'))
        .flatMap(({ values }) => values);
      const broad = patterns.filter(matchesAnySubject);
      const anyOwner = patterns.filter((v) => !matchesAnySubject(v) && matchesAnyOwner(v));
      return [
        ...(broad.length > 0 ? [`trust statement ${i} (sts:AssumeRoleWithWebIdentity) accepts any subject of the issuer (${broad.map((v) => JSON.stringify(v)).join(', ')})`] : []),
        ...(anyOwner.length > 0 ? [`trust statement ${i} (sts:AssumeRoleWithWebIdentity) accepts any owner, group or organization of the issuer (${anyOwner.map((v) => JSON.stringify(v)).join(', ')})`] : []),
      ];
    });
  },
};
