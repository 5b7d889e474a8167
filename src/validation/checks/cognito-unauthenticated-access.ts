import { BUILTIN_PROVIDERS, isCognitoPrincipal, UNAUTHENTICATED } from '../../private/builtin-web-identity';
import { wildcardMatch } from '../../private/web-identity';
import { FindingLevel, RoleCheck } from '../role-check';
import { conditionEntries, literalText } from '../statements';
import { webIdentityStatements } from '../web-identity-statements';

/**
 * A Cognito identity pool trust that lets unauthenticated (guest) identities in. Anyone who can
 * call the pool (its ID ships in the app) gets a guest identity when the pool allows them, so the
 * role's permissions are public. Cognito: "unauthenticated identities are assumed by users who do
 * not log in to your app ... permissions ... should be more restrictive"
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html); AWS Config's managed
 * rule cognito-identity-pool-unauth-access-check marks pools that allow them NON_COMPLIANT
 * (https://docs.aws.amazon.com/config/latest/developerguide/cognito-identity-pool-unauth-access-check.html).
 * A guest role can be intended: a warning, to acknowledge with the reason.
 *
 * A statement without an `amr` condition lets guests in as well, unseen: Cognito advises `aud`
 * and `amr` in every role that trusts identity pools, and STS requires both for cross-account
 * roles (https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools-security-best-practices.html).
 */
export const cognitoUnauthenticatedAccess: RoleCheck = {
  id: 'CognitoUnauthenticatedAccess',
  level: FindingLevel.WARNING,
  trigger: 'A Cognito identity pool trust statement lets unauthenticated (guest) identities assume the role: its "cognito-identity.amazonaws.com:amr" condition allows "unauthenticated", or it has no amr condition at all. Anyone who can call the identity pool gets a guest identity when the pool allows them, so the role\'s permissions are public.',
  fix: 'Trust authenticated identities only (Trust.cognitoIdentityPool(poolId) writes amr "authenticated"); for an intended guest role, keep its permissions minimal and acknowledge the warning with the reason.',
  check(role) {
    return webIdentityStatements(role.trustPolicy).flatMap(({ s, i, builtIn }) => {
      const principal = builtIn.find(isCognitoPrincipal);
      if (principal === undefined) return [];
      const amrKey = `${principal}:amr`;
      const entries = conditionEntries(s).filter((e) => e.key.toLowerCase() === amrKey);
      const pool = poolOf(s, principal);
      if (entries.length === 0) {
        return [`trust statement ${i} (${pool}) has no "${amrKey}" condition, so unauthenticated (guest) identities may assume the role as well as authenticated ones`];
      }
      // Only a positive string comparison can let guests in; a negated one (StringNotLike ...) keeps them out.
      const admitting = entries
        .filter(({ operator }) => !/Not/.test(operator) && /String(Equals|Like)/.test(operator))
        .flatMap(({ operator, values }) => values.filter((v) => typeof v === 'string'
          && (/Like/.test(operator) ? wildcardMatch(v, UNAUTHENTICATED) : v === UNAUTHENTICATED)));
      return admitting.length > 0
        ? [`trust statement ${i} (${pool}) lets unauthenticated (guest) identities assume the role (amr ${admitting.map((v) => JSON.stringify(v)).join(', ')})`]
        : [];
    });
  },
};

/** `Cognito identity pool <id>` (or `any Cognito identity pool` without the audience). */
function poolOf(statement: any, principal: string): string {
  const audienceKey = BUILTIN_PROVIDERS[principal].audienceKey;
  const pools = conditionEntries(statement).filter((e) => e.key.toLowerCase() === audienceKey).flatMap((e) => e.values).map(literalText);
  return pools.length > 0 ? `Cognito identity pool ${pools.join(', ')}` : 'any Cognito identity pool';
}
