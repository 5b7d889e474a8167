import { conditionKeys, FindingLevel, listOf, RoleCheck, statementsOf } from './model';

function webIdentityStatements(policy: any): { s: any; i: number; keys: string[] }[] {
  return statementsOf(policy)
    .map((s, i) => ({ s, i, keys: conditionKeys(s) }))
    .filter(({ s, keys }) => s.Effect === 'Allow' && keys !== undefined && listOf(s.Action).includes('sts:AssumeRoleWithWebIdentity'))
    .map(({ s, i, keys }) => ({ s, i, keys: keys! }));
}

/** OIDC trust (IRSA, GitHub Actions, any issuer) without a `sub` condition. */
export const oidcWithoutSub: RoleCheck = {
  id: 'OidcWithoutSubject',
  level: FindingLevel.ERROR,
  trigger: 'A web-identity (OIDC) trust statement has no "<issuer>:sub" condition: every identity the issuer vouches for (any pod, any repository) could assume the role.',
  fix: 'Name the subjects: Trust.eksServiceAccounts(issuer, ["ns:name"]), Trust.githubActions({ repository, branches }), Trust.openIdConnect(issuer, { subjects }).',
  check(role) {
    return webIdentityStatements(role.trustPolicy)
      .filter(({ keys }) => !keys.some((k) => k.endsWith(':sub') || k === 'cognito-identity.amazonaws.com:amr'))
      .map(({ i }) => `trust statement ${i} (sts:AssumeRoleWithWebIdentity) has no ":sub" condition`);
  },
};

/** OIDC trust without an `aud` condition. */
export const oidcWithoutAud: RoleCheck = {
  id: 'OidcWithoutAudience',
  level: FindingLevel.ERROR,
  trigger: 'A web-identity (OIDC) trust statement has no "<issuer>:aud" condition: tokens minted for other audiences would be accepted.',
  fix: 'Require the audience, "sts.amazonaws.com" for EKS and GitHub Actions (the Trust factories add it).',
  check(role) {
    return webIdentityStatements(role.trustPolicy)
      .filter(({ keys }) => !keys.some((k) => k.endsWith(':aud')))
      .map(({ i }) => `trust statement ${i} (sts:AssumeRoleWithWebIdentity) has no ":aud" condition`);
  },
};

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
      const broad = Object.values(s.Condition ?? {})
        .flatMap((block: any) => (block && typeof block === 'object' ? Object.entries(block) : []))
        .filter(([key]) => key.toLowerCase().endsWith(':sub'))
        .flatMap(([, values]) => listOf(values))
        .filter(matchesAnySubject);
      return broad.length > 0
        ? [`trust statement ${i} (sts:AssumeRoleWithWebIdentity) accepts any subject of the issuer (${broad.map((v) => JSON.stringify(v)).join(', ')})`]
        : [];
    });
  },
};
