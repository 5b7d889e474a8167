import { FindingLevel, RoleCheck } from '../role-check';
import { conditionEntries } from '../statements';
import { BUILT_IN_AUDIENCE_KEYS, webIdentityStatements } from '../web-identity-statements';

/** Web-identity trust without the audience condition of its provider. */
export const oidcWithoutAudience: RoleCheck = {
  id: 'OidcWithoutAudience',
  level: FindingLevel.ERROR,
  trigger: 'A web-identity trust statement has no audience condition ("<issuer>:aud"; for Cognito identity pools "cognito-identity.amazonaws.com:aud", for Google "accounts.google.com:aud", for Facebook and Login with Amazon "<provider>:app_id"): tokens minted for other applications would be accepted.',
  fix: 'Require the audience: "sts.amazonaws.com" for EKS and GitHub Actions (the Trust factories add it), the identity pool ID for Cognito, your application\'s client or app ID for Google, Facebook and Login with Amazon.',
  check(role) {
    return webIdentityStatements(role.trustPolicy).flatMap(({ s, i, keys, builtIn }) => {
      if (builtIn.length > 0 ? !builtIn.every((provider) => keys.includes(BUILT_IN_AUDIENCE_KEYS[provider])) : !keys.some((k) => k.endsWith(':aud'))) {
        return [`trust statement ${i} (sts:AssumeRoleWithWebIdentity) has no ${builtIn.length > 0 ? builtIn.map((p) => `"${BUILT_IN_AUDIENCE_KEYS[p]}"`).join(' / ') : '":aud"'} condition`];
      }
      // A built-in provider's audience compared only with "*" or a negated operator names no application.
      return builtIn.map((p) => BUILT_IN_AUDIENCE_KEYS[p]).filter((key) => namesNoApplication(s, key))
        .map((key) => `trust statement ${i} (sts:AssumeRoleWithWebIdentity) accepts any "${key}": its condition on it names no application`);
    });
  },
};

/** Whether no condition on the audience key narrows it: each is negated, or a pattern of "*" only. */
function namesNoApplication(statement: any, key: string): boolean {
  return conditionEntries(statement)
    .filter((e) => e.key.toLowerCase() === key)
    .every(({ operator, values }) => /Not/.test(operator) || (/Like/.test(operator) && values.some((v) => typeof v === 'string' && /^\*+$/.test(v))));
}
