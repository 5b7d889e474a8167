import { conditionKeys, FindingLevel, listOf, literalText, principalsOf, RoleCheck, statementsOf } from './model';

/**
 * The identity providers built into STS web identity federation, with the condition key that
 * names your application (its audience): Cognito identity pools, Login with Amazon, Facebook and
 * Google. Their tokens are issued to any user of your application, so the audience is what
 * scopes the trust and no `sub` condition is expected; any other issuer (EKS, GitHub Actions,
 * GitLab, ...) vouches for many unrelated identities and needs `sub` as well.
 * Keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
const BUILT_IN_AUDIENCE_KEYS: Record<string, string> = {
  'cognito-identity.amazonaws.com': 'cognito-identity.amazonaws.com:aud',
  'www.amazon.com': 'www.amazon.com:app_id',
  'graph.facebook.com': 'graph.facebook.com:app_id',
  'accounts.google.com': 'accounts.google.com:aud',
};

interface WebIdentityStatement {
  readonly s: any;
  readonly i: number;
  readonly keys: string[];
  /** The built-in providers the statement trusts (empty for OIDC issuers). */
  readonly builtIn: string[];
}

export function webIdentityStatements(policy: any): WebIdentityStatement[] {
  return statementsOf(policy)
    .map((s, i) => ({ s, i, keys: conditionKeys(s) }))
    .filter(({ s, keys }) => s.Effect === 'Allow' && keys !== undefined && listOf(s.Action).includes('sts:AssumeRoleWithWebIdentity'))
    .map(({ s, i, keys }) => ({
      s,
      i,
      keys: keys!,
      builtIn: (principalsOf(s.Principal).Federated ?? []).map(literalText).filter((p) => p in BUILT_IN_AUDIENCE_KEYS),
    }));
}

/** OIDC trust (IRSA, GitHub Actions, any issuer) without a `sub` condition. */
export const oidcWithoutSub: RoleCheck = {
  id: 'OidcWithoutSubject',
  level: FindingLevel.ERROR,
  trigger: 'A web-identity trust statement for an OIDC issuer (EKS, GitHub Actions, GitLab, any issuer other than Cognito, Google, Facebook and Login with Amazon) has no "<issuer>:sub" condition: every identity the issuer vouches for (any pod, any repository) could assume the role.',
  fix: 'Name the subjects: Trust.eksServiceAccounts(issuer, ["ns:name"]), Trust.githubActions({ repository, branches }), Trust.openIdConnect(issuer, { subjects }).',
  check(role) {
    return webIdentityStatements(role.trustPolicy)
      .filter(({ keys, builtIn }) => builtIn.length === 0 && !keys.some((k) => k.endsWith(':sub')))
      .map(({ i }) => `trust statement ${i} (sts:AssumeRoleWithWebIdentity) has no ":sub" condition`);
  },
};

/** Web-identity trust without the audience condition of its provider. */
export const oidcWithoutAud: RoleCheck = {
  id: 'OidcWithoutAudience',
  level: FindingLevel.ERROR,
  trigger: 'A web-identity trust statement has no audience condition ("<issuer>:aud"; for Cognito identity pools "cognito-identity.amazonaws.com:aud", for Google "accounts.google.com:aud", for Facebook and Login with Amazon "<provider>:app_id"): tokens minted for other applications would be accepted.',
  fix: 'Require the audience: "sts.amazonaws.com" for EKS and GitHub Actions (the Trust factories add it), the identity pool ID for Cognito, your application\'s client or app ID for Google, Facebook and Login with Amazon.',
  check(role) {
    return webIdentityStatements(role.trustPolicy)
      .filter(({ keys, builtIn }) => builtIn.length > 0
        ? !builtIn.every((provider) => keys.includes(BUILT_IN_AUDIENCE_KEYS[provider]))
        : !keys.some((k) => k.endsWith(':aud')))
      .map(({ i, builtIn }) => `trust statement ${i} (sts:AssumeRoleWithWebIdentity) has no ${builtIn.length > 0 ? builtIn.map((p) => `"${BUILT_IN_AUDIENCE_KEYS[p]}"`).join(' / ') : '":aud"'} condition`);
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
      // Only StringLike reads "*" as a wildcard; under StringEquals it is literal (WildcardInExactOperator).
      const broad = Object.entries<any>(s.Condition ?? {})
        .filter(([operator]) => /StringLike/.test(operator))
        .flatMap(([, block]) => (block && typeof block === 'object' ? Object.entries(block) : []))
        .filter(([key]) => key.toLowerCase().endsWith(':sub'))
        .flatMap(([, values]) => listOf(values))
        .filter(matchesAnySubject);
      return broad.length > 0
        ? [`trust statement ${i} (sts:AssumeRoleWithWebIdentity) accepts any subject of the issuer (${broad.map((v) => JSON.stringify(v)).join(', ')})`]
        : [];
    });
  },
};
