import { RegionInfo } from 'aws-cdk-lib/region-info';

/**
 * The identity providers built into STS web identity federation: Amazon Cognito identity pools,
 * Google, Facebook and Login with Amazon. A trust statement names them by a fixed `Federated`
 * principal (no IAM OIDC provider is registered), and their condition keys are fixed too.
 *
 * Keys ("Available keys for AWS web identity federation"):
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 * - `cognito-identity.amazonaws.com:aud` the identity pool ID, `:amr` multivalued (`unauthenticated`,
 *   or `authenticated` with the login providers used), `:sub` the identity ID;
 * - `accounts.google.com:aud` the client ID (the token's `azp` when it has one), `:oaud` the
 *   token's `aud`, `:sub` the Google user;
 * - `graph.facebook.com:app_id` and `:id` (the user); `www.amazon.com:app_id` and `:user_id`.
 */

/** One built-in provider: its principal and the keys naming the application and the user. */
export interface BuiltinProvider {
  /** The `Federated` principal, which also prefixes the condition keys. */
  readonly principal: string;
  /** The provider in words, e.g. `Google sign-in`. */
  readonly name: string;
  /** The key that names your application (its audience), lower case. */
  readonly audienceKey: string;
  /** The key that names one user, lower case. */
  readonly subjectKey: string;
}

/**
 * The Cognito identity pool principal of commercial Regions, and of aws-cn: the China Regions'
 * Cognito guide writes trust policies with it ("you must configure your IAM role trust policy to
 * include cognito-identity.amazonaws.com",
 * https://docs.amazonaws.cn/cognito/latest/developerguide/identity-pools.html; also
 * https://docs.amazonaws.cn/en_us/cognito/latest/developerguide/role-trust-and-permissions.html),
 * as aws-cdk-lib's `IdentityPool` does in every partition. Newer China pages disagree: their
 * examples name `cognito-identity.cn-north-1.amazonaws.com.cn` with keys
 * `cognito-identity.amazonaws.com.cn:aud`
 * (https://docs.amazonaws.cn/cognito/latest/developerguide/identity-pools-security-best-practices.html),
 * and Beijing's pool tokens are issued by `https://cognito-identity.cn-north-1.amazonaws.com.cn/`
 * (https://docs.amazonaws.cn/en_us/aws/latest/userguide/cognito.html). A wrong principal or key
 * fails closed (the role cannot be assumed); verify in aws-cn before relying on it.
 */
export const COGNITO_PRINCIPAL = 'cognito-identity.amazonaws.com';

/**
 * The Cognito identity pool principals of AWS GovCloud (US): "your trust policies must grant
 * AssumeRoleWithWebIdentity permission to the cognito-identity-us-gov.amazonaws.com service
 * principal ... For AWS GovCloud (US-East), replace cognito-identity-us-gov.amazonaws.com with
 * cognito-identity.us-gov-east-1.amazonaws.com"
 * (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-cog.html).
 */
export const COGNITO_GOVCLOUD_PRINCIPALS: Record<string, string> = {
  'us-gov-west-1': 'cognito-identity-us-gov.amazonaws.com',
  'us-gov-east-1': 'cognito-identity.us-gov-east-1.amazonaws.com',
};

/** The `amr` value of identities signed in through a provider, and of guests. */
export const AUTHENTICATED = 'authenticated';
export const UNAUTHENTICATED = 'unauthenticated';

function cognito(principal: string): BuiltinProvider {
  return { principal, name: 'Cognito identity pool', audienceKey: `${principal}:aud`, subjectKey: `${principal}:sub` };
}

export const GOOGLE: BuiltinProvider = { principal: 'accounts.google.com', name: 'Google sign-in', audienceKey: 'accounts.google.com:aud', subjectKey: 'accounts.google.com:sub' };
export const FACEBOOK: BuiltinProvider = { principal: 'graph.facebook.com', name: 'Facebook login', audienceKey: 'graph.facebook.com:app_id', subjectKey: 'graph.facebook.com:id' };
export const LOGIN_WITH_AMAZON: BuiltinProvider = { principal: 'www.amazon.com', name: 'Login with Amazon', audienceKey: 'www.amazon.com:app_id', subjectKey: 'www.amazon.com:user_id' };

/** Google's key for the token's own `aud` when `accounts.google.com:aud` reads its `azp`. */
export const GOOGLE_ORIGINAL_AUDIENCE_KEY = 'accounts.google.com:oaud';

/** Every built-in provider, by principal. */
export const BUILTIN_PROVIDERS: Record<string, BuiltinProvider> = Object.fromEntries([
  cognito(COGNITO_PRINCIPAL),
  ...Object.values(COGNITO_GOVCLOUD_PRINCIPALS).map(cognito),
  GOOGLE,
  FACEBOOK,
  LOGIN_WITH_AMAZON,
].map((p) => [p.principal, p]));

/** Whether a principal is one of the Cognito identity pool principals. */
export function isCognitoPrincipal(principal: string): boolean {
  return BUILTIN_PROVIDERS[principal]?.name === 'Cognito identity pool';
}

/** The Cognito principal that accepts tokens of identity pools in a Region. */
export function cognitoPrincipalOf(region: string): string {
  return COGNITO_GOVCLOUD_PRINCIPALS[region] ?? COGNITO_PRINCIPAL;
}

/** The partition of a Region, when aws-cdk-lib knows it. */
export function partitionOf(region: string): string | undefined {
  return RegionInfo.get(region).partition || undefined;
}
