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
