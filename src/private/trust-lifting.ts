import { Duration } from 'aws-cdk-lib';
import {
  AUTHENTICATED, BUILTIN_PROVIDERS, cognitoPrincipalOf, FACEBOOK, GOOGLE, GOOGLE_ORIGINAL_AUDIENCE_KEY, isCognitoPrincipal, UNAUTHENTICATED,
} from './builtin-web-identity';
import { liftCiPreset } from './ci-lifting';
import { ORG_PATHS_OPERATOR, readOrganizationalUnitPath } from './organization-paths';
import { liftPodIdentity, liftPodIdentityRole } from './pod-identity-lifting';
import { ACCOUNT_ID_OR_PLACEHOLDER, matches, OIDC_PROVIDER_ARN, ROLE_ARN, SAML_PROVIDER_ARN, USER_ARN } from './rules';
import { servicePrincipalName } from './service-names';
import { hasWildcard, STS_AUDIENCE } from './web-identity';
import { BuiltinWebIdentityTrust } from '../trust/builtin-web-identity-trust';
import { OidcIssuer } from '../trust/oidc-issuer';
import { OrganizationTrust } from '../trust/organization-trust';
import { Trust } from '../trust/trust';
import { TrustRelationship } from '../trust/trust-relationship';

/**
 * Trust-policy statements written as JSON, turned into the typed relationship that renders
 * exactly the same statement (same principals, actions and conditions, so the same meaning),
 * when there is one. A statement is lifted only when every element is one the typed factory
 * writes: any other element (Deny, NotPrincipal, NotAction, a condition the factory does not
 * write, an operator other than the one it uses, a Sid) keeps the statement verbatim.
 */

/** The actions `withSessionTags` and `withSourceIdentity` add. */
const OPTIONAL_ACTIONS: Record<string, (t: TrustRelationship) => TrustRelationship> = {
  'sts:TagSession': (t) => t.withSessionTags(),
  'sts:SetSourceIdentity': (t) => t.withSourceIdentity(),
};

/** A condition block read as operator -> key -> string values; `undefined` when a value is not a string. */
export type ConditionValues = Map<string, Map<string, string[]>>;

/**
 * The typed relationships one statement is, or `undefined` when it must stay verbatim. A
 * statement naming principals of several kinds becomes one relationship per kind (IAM ORs
 * principals, so the split means the same), each lifted or the whole statement kept.
 */
export function liftStatement(statement: any): TrustRelationship[] | undefined {
  if (!isPlainObject(statement)) return undefined;
  const allowed = new Set(['Effect', 'Principal', 'Action', 'Condition', 'Sid']);
  if (Object.keys(statement).some((k) => !allowed.has(k)) || statement.Effect !== 'Allow') return undefined;
  // A named statement keeps its name: lifting would drop it.
  if (statement.Sid !== undefined && statement.Sid !== '') return undefined;
  const actions = stringList(statement.Action);
  const conditions = conditionValues(statement.Condition);
  // `"Principal": "*"` and `{"AWS": "*"}` are the same principal
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous).
  const principal = statement.Principal === '*' ? { AWS: '*' } : statement.Principal;
  if (!actions || !conditions || !isPlainObject(principal)) return undefined;
  const kinds = Object.entries(principal);
  if (kinds.length === 0) return undefined;
  const lifted: TrustRelationship[] = [];
  for (const [kind, value] of kinds) {
    const principals = stringList(value);
    if (!principals) return undefined;
    const trust = liftKind(kind, principals, actions, conditions);
    if (!trust) return undefined;
    lifted.push(trust);
  }
  return lifted;
}

function liftKind(kind: string, principals: string[], actions: string[], conditions: ConditionValues): TrustRelationship | undefined {
  switch (kind) {
    case 'AWS':
      if (principals.length === 1 && principals[0] === '*') {
        return withOptionalActions(liftOrganization(conditions), actions, 'sts:AssumeRole');
      }
      return liftPodIdentityRole(principals, actions, conditions) ?? withOptionalActions(liftAwsPrincipals(principals, conditions), actions, 'sts:AssumeRole');
    case 'Service':
      return liftPodIdentity(principals, actions, conditions) ?? withOptionalActions(liftServices(principals, conditions), actions, 'sts:AssumeRole');
    case 'Federated':
      if (principals.length !== 1) return undefined;
      if (matches(SAML_PROVIDER_ARN, principals[0]) && principals[0].includes(':saml-provider/')) {
        return withOptionalActions(liftSaml(principals[0], conditions), actions, 'sts:AssumeRoleWithSAML');
      }
      if (matches(OIDC_PROVIDER_ARN, principals[0]) && principals[0].includes(':oidc-provider/')) {
        return withOptionalActions(liftWebIdentity(principals[0], conditions), actions, 'sts:AssumeRoleWithWebIdentity');
      }
      if (BUILTIN_PROVIDERS[principals[0]]) {
        return withOptionalActions(liftBuiltinWebIdentity(principals[0], conditions), actions, 'sts:AssumeRoleWithWebIdentity');
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The relationship with the statement's optional actions, when its actions are exactly the base one and some of those. */
function withOptionalActions(trust: TrustRelationship | undefined, actions: string[], base: string): TrustRelationship | undefined {
  if (!trust || !actions.includes(base) || actions.some((a) => a !== base && !OPTIONAL_ACTIONS[a])) return undefined;
  return actions.filter((a) => a !== base).reduce((t, a) => OPTIONAL_ACTIONS[a](t), trust);
}

/** `Trust.accounts` / `roles` / `user` / `principals` with the conditions `AwsPrincipalTrust` writes. */
function liftAwsPrincipals(principals: string[], conditions: ConditionValues): TrustRelationship | undefined {
  // Bare account IDs and `arn:{partition}:iam::<id>:root` are what Trust.accounts renders ("The
  // account ARN and the shortened account ID behave the same way",
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts);
  // a root ARN with a literal partition is kept as written (Trust.principals) so its meaning stays.
  const accountIds = principals.map((p) => (matches(ACCOUNT_ID_OR_PLACEHOLDER, p) ? p : /^arn:\{partition\}:iam::(\d{12}|\{account\}):root$/.exec(p)?.[1]));
  let trust;
  if (accountIds.every((id) => id !== undefined)) {
    trust = Trust.accounts(accountIds as string[]);
  } else if (principals.every((p) => matches(ROLE_ARN, p) && !hasWildcard(p))) {
    trust = Trust.roles(principals);
  } else if (principals.length === 1 && matches(USER_ARN, principals[0]) && !hasWildcard(principals[0])) {
    trust = Trust.user(principals[0]);
  } else {
    trust = Trust.principals(principals);
  }
  const rest = new Map(conditions);
  const externalIds = take(rest, 'StringEquals', 'sts:ExternalId');
  const caller = takeCallerConditions(rest);
  const organizations = take(rest, 'StringEquals', 'aws:PrincipalOrgID');
  if (rest.size > 0 || !caller) return undefined;
  if (externalIds) trust = trust.withExternalIds(externalIds);
  trust = caller(trust);
  for (const id of organizations ?? []) trust = trust.withinOrganization(id);
  return trust._problems.length === 0 ? trust : undefined;
}

/**
 * `Trust.organization` (`StringEquals aws:PrincipalOrgID`, one organization) or
 * `Trust.organizationalUnits` (`ForAnyValue:StringLike aws:PrincipalOrgPaths`, each value the
 * `<org>/*` + `/<ou>/*` pattern it writes, all of one organization), with MFA and
 * `aws:PrincipalArn`: the statement of `"*"` these write, and no other.
 */
function liftOrganization(conditions: ConditionValues): TrustRelationship | undefined {
  const rest = new Map(conditions);
  const organizations = take(rest, 'StringEquals', 'aws:PrincipalOrgID');
  const paths = take(rest, ORG_PATHS_OPERATOR, 'aws:PrincipalOrgPaths');
  const caller = takeCallerConditions(rest);
  if (rest.size > 0 || !caller || (organizations === undefined) === (paths === undefined)) return undefined;
  let trust: OrganizationTrust;
  if (organizations) {
    if (organizations.length !== 1) return undefined;
    trust = Trust.organization(organizations[0]);
  } else {
    const units = paths!.map(readOrganizationalUnitPath);
    if (units.some((u) => u === undefined) || new Set(units.map((u) => u!.organizationId)).size !== 1) return undefined;
    trust = Trust.organizationalUnits(units[0]!.organizationId, units.map((u) => u!.organizationalUnitId));
  }
  trust = caller(trust);
  return trust._problems.length === 0 ? trust : undefined;
}

/** What `requireMfa` and `withPrincipalArn` write on a caller, with or without it. */
interface CallerTrust<T> {
  requireMfa(maxAge?: Duration): T;
  withPrincipalArn(pattern: string): T;
}

/**
 * Takes the MFA and `aws:PrincipalArn` conditions out of a block and returns what applies them
 * to a trust, or `undefined` when they are not in the shape `requireMfa` writes
 * (`aws:MultiFactorAuthPresent` "true", and the age only with it).
 */
function takeCallerConditions(rest: ConditionValues): (<T extends CallerTrust<T>>(trust: T) => T) | undefined {
  const mfa = take(rest, 'Bool', 'aws:MultiFactorAuthPresent');
  const mfaAge = take(rest, 'NumericLessThanEquals', 'aws:MultiFactorAuthAge');
  const principalArns = take(rest, 'ArnLike', 'aws:PrincipalArn') ?? [];
  if ((mfa || mfaAge) && (!mfa || mfa.length !== 1 || mfa[0] !== 'true')) return undefined;
  if (mfaAge && (mfaAge.length !== 1 || !/^[1-9]\d*$/.test(mfaAge[0]))) return undefined;
  return <T extends CallerTrust<T>>(trust: T): T => {
    let out = mfa ? trust.requireMfa(mfaAge ? Duration.seconds(Number(mfaAge[0])) : undefined) : trust;
    for (const pattern of principalArns) out = out.withPrincipalArn(pattern);
    return out;
  };
}

/** `Trust.services` with the confused-deputy conditions `ServiceTrust` writes. */
function liftServices(services: string[], conditions: ConditionValues): TrustRelationship | undefined {
  // Only names the factory writes back unchanged (`lambda.amazonaws.com`, not `lambda`).
  if (services.some((s) => servicePrincipalName(s) !== s)) return undefined;
  let trust = Trust.services(services);
  const rest = new Map(conditions);
  const accounts = take(rest, 'StringEquals', 'aws:SourceAccount');
  const arns = take(rest, 'ArnLike', 'aws:SourceArn');
  if (rest.size > 0) return undefined;
  for (const account of accounts ?? []) {
    // `{account}` is what withSourceAccount() writes (the stack's account).
    trust = account === '{account}' ? trust.withSourceAccount() : trust.withSourceAccount(account);
  }
  for (const arn of arns ?? []) trust = trust.withSourceArn(arn);
  return trust._problems.length === 0 ? trust : undefined;
}

/** `Trust.saml` with its `SAML:aud` audiences, which it always writes. */
function liftSaml(providerArn: string, conditions: ConditionValues): TrustRelationship | undefined {
  const rest = new Map(conditions);
  const audiences = take(rest, 'StringEquals', 'SAML:aud');
  if (rest.size > 0 || !audiences) return undefined;
  const trust = Trust.saml(providerArn, { audiences });
  return trust._problems.length === 0 ? trust : undefined;
}

/**
 * `Trust.eksServiceAccounts` (subjects `system:serviceaccount:<ns>:<name>`, audience
 * `sts.amazonaws.com`), a CI preset (`Trust.githubActions`, `gitlabCi`, `hcpTerraform`, see
 * ci-lifting.ts) or `Trust.openIdConnect`, with the `aud` and `sub` conditions they
 * write: exact values with `StringEquals`, patterns with `StringLike`.
 */
function liftWebIdentity(providerArn: string, conditions: ConditionValues): TrustRelationship | undefined {
  const issuer = OidcIssuer.fromProviderArn(providerArn);
  if (issuer._problem || /[{}]/.test(issuer.issuer)) return undefined;
  const rest = new Map(conditions);
  const exactAud = take(rest, 'StringEquals', `${issuer.issuer}:aud`);
  const likeAud = take(rest, 'StringLike', `${issuer.issuer}:aud`);
  const exactSub = take(rest, 'StringEquals', `${issuer.issuer}:sub`);
  const likeSub = take(rest, 'StringLike', `${issuer.issuer}:sub`);
  if (rest.size > 0 || (exactAud && likeAud) || (exactSub && likeSub)) return undefined;
  const audiences = exactAud ?? likeAud;
  const subjects = exactSub ?? likeSub;
  // The factory compares audiences with StringLike exactly when one has a wildcard, and puts
  // each subject under the operator its wildcards call for; one statement is one operator.
  // Under StringEquals a `*` is a literal character, under StringLike a wildcard
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html),
  // so a statement is lifted only when its operators are the ones the factory would choose.
  if (!audiences || !subjects) return undefined;
  if (exactAud ? audiences.some(hasWildcard) : !audiences.some(hasWildcard)) return undefined;
  if (exactSub ? subjects.some(hasWildcard) : !subjects.every(hasWildcard)) return undefined;
  const accounts = subjects.map((s) => /^system:serviceaccount:([^:]+:[^:]+)$/.exec(s)?.[1]);
  if (audiences.length === 1 && audiences[0] === STS_AUDIENCE && accounts.every((a) => a !== undefined)) {
    const eks = Trust.eksServiceAccounts(issuer, accounts as string[]);
    if (eks._problems.length === 0) return eks;
  }
  const preset = liftCiPreset(issuer, subjects, audiences);
  if (preset) return preset;
  const trust = Trust.openIdConnect(issuer, { subjects, audiences });
  return trust._problems.length === 0 ? trust : undefined;
}

/**
 * `Trust.cognitoIdentityPool`, `Trust.google`, `Trust.facebook` or `Trust.loginWithAmazon`, with
 * the conditions they write: the audience and user keys with `StringEquals`, Google's `oaud`,
 * Cognito's `amr` (`authenticated` / `unauthenticated`) with `ForAnyValue:StringLike`, which the
 * factory always writes. A Cognito statement lifts only under the principal of its pool's Region,
 * the one the factory names.
 */
function liftBuiltinWebIdentity(principal: string, conditions: ConditionValues): TrustRelationship | undefined {
  const provider = BUILTIN_PROVIDERS[principal];
  const rest = new Map(conditions);
  const audiences = take(rest, 'StringEquals', provider.audienceKey);
  const userIds = take(rest, 'StringEquals', provider.subjectKey);
  if (!audiences) return undefined;
  let trust: BuiltinWebIdentityTrust;
  if (isCognitoPrincipal(principal)) {
    const amr = take(rest, 'ForAnyValue:StringLike', `${principal}:amr`);
    if (rest.size > 0 || !amr || audiences.length !== 1 || amr.some((v) => v !== AUTHENTICATED && v !== UNAUTHENTICATED)) return undefined;
    trust = Trust.cognitoIdentityPool(audiences[0], {
      authenticated: amr.includes(AUTHENTICATED), unauthenticated: amr.includes(UNAUTHENTICATED), identityIds: userIds,
    });
    if (trust._poolRegion === undefined || cognitoPrincipalOf(trust._poolRegion) !== principal) return undefined;
  } else if (principal === GOOGLE.principal) {
    const originalAudiences = take(rest, 'StringEquals', GOOGLE_ORIGINAL_AUDIENCE_KEY);
    if (rest.size > 0) return undefined;
    trust = Trust.google(audiences, { userIds, originalAudiences });
  } else {
    if (rest.size > 0) return undefined;
    trust = principal === FACEBOOK.principal ? Trust.facebook(audiences, { userIds }) : Trust.loginWithAmazon(audiences, { userIds });
  }
  return trust._problems.length === 0 ? trust : undefined;
}

/** Removes and returns the values of one operator and key, `undefined` when absent. */
export function take(conditions: ConditionValues, operator: string, key: string): string[] | undefined {
  const block = conditions.get(operator);
  const values = block?.get(key);
  if (!block || !values) return undefined;
  const remaining = new Map(block);
  remaining.delete(key);
  if (remaining.size === 0) conditions.delete(operator);
  else conditions.set(operator, remaining);
  return values;
}

/** A condition block with string values only (IAM also accepts booleans and numbers; those stay verbatim). */
function conditionValues(condition: unknown): ConditionValues | undefined {
  const out: ConditionValues = new Map();
  if (condition === undefined) return out;
  if (!isPlainObject(condition)) return undefined;
  for (const [operator, block] of Object.entries(condition)) {
    if (!isPlainObject(block)) return undefined;
    const keys = new Map<string, string[]>();
    for (const [key, value] of Object.entries(block)) {
      const values = stringList(value);
      if (!values || values.length === 0) return undefined;
      keys.set(key, values);
    }
    out.set(operator, keys);
  }
  return out;
}

function stringList(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  return list.length > 0 && list.every((v) => typeof v === 'string') && new Set(list).size === list.length ? list as string[] : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

