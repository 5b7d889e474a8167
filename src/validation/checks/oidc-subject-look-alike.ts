import { FindingLevel, RoleCheck } from '../role-check';
import { conditionEntries } from '../statements';
import { webIdentityStatements } from '../web-identity-statements';

/** One name inside a `sub` claim, and the character that ends it. */
interface Segment {
  /** What the name is, for the message. */
  readonly what: string;
  /** The character after the name (undefined: the name runs to the end of the claim). */
  readonly end?: string;
  /**
   * Anyone can register a name of this kind (a GitHub organization, a GitLab group, an HCP
   * Terraform organization), so any wildcard in it admits strangers; for the others a wildcard
   * right after a separator (`api-*`) is read as a deliberate family of names.
   */
  readonly public?: boolean;
}

/**
 * The `sub` formats whose names we know, from their issuers' documentation:
 * GitHub Actions `repo:<owner>/<repository>:...`, GitLab `project_path:<group>/<project>:...`,
 * HCP Terraform `organization:<org>:...`, EKS `system:serviceaccount:<namespace>:<name>`.
 */
const FORMATS: { prefix: string; segments: Segment[] }[] = [
  { prefix: 'repo:', segments: [{ what: 'organization', end: '/', public: true }, { what: 'repository', end: ':' }] },
  { prefix: 'project_path:', segments: [{ what: 'group', end: '/', public: true }, { what: 'project', end: ':' }] },
  { prefix: 'organization:', segments: [{ what: 'organization', end: ':', public: true }] },
  { prefix: 'system:serviceaccount:', segments: [{ what: 'namespace', end: ':' }, { what: 'service account', end: undefined }] },
];

/** Operators under which `*` and `?` are wildcards. */
const LIKE = /^(ForAnyValue:|ForAllValues:)?StringLike(IfExists)?$/;

/** A look-alike a pattern admits, or undefined. */
export function lookAlike(pattern: string): { what: string; example: string } | undefined {
  const format = FORMATS.find((f) => pattern.startsWith(f.prefix));
  if (!format) return undefined;
  let position = format.prefix.length;
  for (const segment of format.segments) {
    const endAt = segment.end === undefined ? -1 : pattern.indexOf(segment.end, position);
    const text = pattern.slice(position, endAt === -1 ? undefined : endAt);
    const wildcard = text.search(/[*?]/);
    if (wildcard === 0) {
      return undefined; // the whole name is a wildcard: a deliberate "any" (see OidcSubjectTooBroad)
    }
    if (wildcard > 0) {
      const before = text[wildcard - 1];
      if (!segment.public && /[-_.]/.test(before)) {
        return undefined;
      }
      const typed = pattern.slice(0, position + wildcard);
      const filler = text[wildcard] === '?' ? 'x' : /[-_.]/.test(before) ? 'evil' : '-evil';
      return { what: segment.what, example: `${typed}${filler}` };
    }
    if (endAt === -1) {
      return undefined;
    }
    position = endAt + 1;
  }
  return undefined;
}

/** An OIDC `sub` pattern whose wildcard lets an organization, repository, namespace or name run on. */
export const oidcSubjectLookAlike: RoleCheck = {
  id: 'OidcSubjectLookAlike',
  level: FindingLevel.WARNING,
  trigger: 'A web-identity "<issuer>:sub" StringLike pattern has a wildcard that extends a name beyond what was typed ("repo:example-org/billing*" also admits the repository "example-org/billing-evil", "repo:example-org*" any organization whose name starts so, "system:serviceaccount:payments*" the namespace "payments-evil"): whoever can create such a look-alike can assume the role. A wildcard in a GitHub or HCP Terraform organization or GitLab group is always reported (anyone can register one); in a repository, project, namespace or service account only when it follows a letter or digit ("api-*" is read as a deliberate family).',
  fix: 'End the name before the wildcard: "repo:example-org/billing:*", "system:serviceaccount:payments:*", or list the exact names.',
  check(role) {
    return webIdentityStatements(role.trustPolicy).flatMap(({ s, i }) => conditionEntries(s)
      .filter(({ operator, key }) => LIKE.test(operator) && key.toLowerCase().endsWith(':sub'))
      .flatMap(({ key, values }) => values.map((value) => ({ key, value, found: typeof value === 'string' ? lookAlike(value) : undefined })))
      .filter(({ found }) => found !== undefined)
      .map(({ key, value, found }) => `trust statement ${i} ${key} pattern ${JSON.stringify(value)} lets the ${found!.what} name run on: it also admits ${JSON.stringify(found!.example)}`));
  },
};
