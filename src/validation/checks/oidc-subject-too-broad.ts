import { FindingLevel, RoleCheck } from '../role-check';
import { conditionEntries } from '../statements';
import { webIdentityStatements } from '../web-identity-statements';

/** The fixed prefixes of `sub` claims after which a value names the identity. */
const SUBJECT_PREFIXES = ['system:serviceaccount:', 'repo:'];

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
  trigger: 'A web-identity (OIDC) trust statement has a "<issuer>:sub" pattern made only of wildcards ("*", "system:serviceaccount:*:*", "repo:*"): any service account of the cluster, or any repository, can assume the role.',
  fix: 'Name the namespace and service account (Trust.eksServiceAccounts(issuer, ["payments:api"])) or the repository (Trust.githubActions({ repository: "org/app" })); a namespace wildcard ("payments:*") is narrower.',
  check(role) {
    return webIdentityStatements(role.trustPolicy).flatMap(({ s, i }) => {
      // Only StringLike reads "*" as a wildcard; under StringEquals it is literal (WildcardInExactOperator).
      const broad = conditionEntries(s)
        .filter(({ operator, key }) => /StringLike/.test(operator) && key.toLowerCase().endsWith(':sub'))
        .flatMap(({ values }) => values)
        .filter(matchesAnySubject);
      return broad.length > 0
        ? [`trust statement ${i} (sts:AssumeRoleWithWebIdentity) accepts any subject of the issuer (${broad.map((v) => JSON.stringify(v)).join(', ')})`]
        : [];
    });
  },
};
