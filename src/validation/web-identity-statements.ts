import { allowStatements, literalText } from './statements';
import { BUILTIN_PROVIDERS } from '../private/builtin-web-identity';

/**
 * The identity providers built into STS web identity federation, with the condition key that
 * names your application (its audience): Cognito identity pools, Login with Amazon, Facebook and
 * Google. Their tokens are issued to any user of your application, so the audience is what
 * scopes the trust and no `sub` condition is expected; any other issuer (EKS, GitHub Actions,
 * GitLab, ...) vouches for many unrelated identities and needs `sub` as well.
 * Keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 * (with the Cognito principals of AWS GovCloud (US), see `private/builtin-web-identity.ts`).
 */
export const BUILT_IN_AUDIENCE_KEYS: Record<string, string> = Object.fromEntries(
  Object.values(BUILTIN_PROVIDERS).map((p) => [p.principal, p.audienceKey]));

export interface WebIdentityStatement {
  readonly s: any;
  readonly i: number;
  readonly keys: string[];
  /** The built-in providers the statement trusts (empty for OIDC issuers). */
  readonly builtIn: string[];
}

/** The Allow statements of a trust policy that accept web identity tokens and whose conditions can be read. */
export function webIdentityStatements(policy: any): WebIdentityStatement[] {
  return allowStatements(policy)
    .filter(({ actions, conditionKeys }) => conditionKeys !== undefined && actions.includes('sts:AssumeRoleWithWebIdentity'))
    .map(({ statement, index, principals, conditionKeys }) => ({
      s: statement,
      i: index,
      keys: conditionKeys!,
      builtIn: (principals.Federated ?? []).map(literalText).filter((p) => p in BUILT_IN_AUDIENCE_KEYS),
    }));
}
