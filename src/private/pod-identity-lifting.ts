import { POD_IDENTITY_SERVICE, POD_IDENTITY_TAG_KEYS, PodIdentityRestrictionInput } from './pod-identity';
import { matches, ROLE_ARN } from './rules';
import type { ConditionValues } from './trust-lifting';
import { take } from './trust-lifting';
import { hasWildcard } from './web-identity';
import { ServiceTrust } from '../trust/service-trust';
import { Trust } from '../trust/trust';
import { TrustRelationship } from '../trust/trust-relationship';

/**
 * The statements `Trust.eksPodIdentity` and `Trust.eksPodIdentityRole` write, read back from
 * JSON (see trust-lifting.ts): the session-tag conditions each under the operator the factory
 * chooses (`StringLike` exactly when a value has a wildcard), clusters by name or by ARN but not
 * both (the factory writes those as two statements), and nothing else but what the factory adds.
 */

/** `Trust.eksPodIdentity(...)` (with its source guards), or `undefined`. */
export function liftPodIdentity(services: string[], actions: string[], conditions: ConditionValues): TrustRelationship | undefined {
  if (services.length !== 1 || services[0] !== POD_IDENTITY_SERVICE || !podIdentityActions(actions)) return undefined;
  const rest = new Map(conditions);
  const options = restrictionOf(rest);
  const accounts = take(rest, 'StringEquals', 'aws:SourceAccount');
  const arns = take(rest, 'ArnLike', 'aws:SourceArn');
  if (!options || rest.size > 0) return undefined;
  let trust: ServiceTrust = Trust.eksPodIdentity(options);
  // `{account}` is what withSourceAccount() writes (the stack's account).
  for (const account of accounts ?? []) trust = account === '{account}' ? trust.withSourceAccount() : trust.withSourceAccount(account);
  for (const arn of arns ?? []) trust = trust.withSourceArn(arn);
  return finished(trust, actions);
}

/** `Trust.eksPodIdentityRole(...)`: the account root, `ArnEquals` `aws:PrincipalArn` naming a role of it, the tags; or `undefined`. */
export function liftPodIdentityRole(principals: string[], actions: string[], conditions: ConditionValues): TrustRelationship | undefined {
  const root = principals.length === 1 ? /^arn:([^:]+):iam::(\d{12}|\{account\}):root$/.exec(principals[0]) : null;
  if (!root || !podIdentityActions(actions)) return undefined;
  const rest = new Map(conditions);
  const roles = take(rest, 'ArnEquals', 'aws:PrincipalArn');
  const options = restrictionOf(rest);
  if (!roles || roles.length !== 1 || !options || rest.size > 0) return undefined;
  const [role] = roles;
  if (!matches(ROLE_ARN, role) || !role.startsWith(`arn:${root[1]}:iam::${root[2]}:role/`)) return undefined;
  return finished(Trust.eksPodIdentityRole(role, options), actions);
}

/** Both actions EKS calls, and only the optional ones besides. */
function podIdentityActions(actions: string[]): boolean {
  return actions.includes('sts:AssumeRole') && actions.includes('sts:TagSession')
    && actions.every((a) => a === 'sts:AssumeRole' || a === 'sts:TagSession' || a === 'sts:SetSourceIdentity');
}

function finished(trust: TrustRelationship, actions: string[]): TrustRelationship | undefined {
  const withIdentity = actions.includes('sts:SetSourceIdentity') ? trust.withSourceIdentity() : trust;
  return withIdentity._problems.length === 0 ? withIdentity : undefined;
}

/** The restriction of the tag conditions (taken from `rest`), or `undefined` when the factory would not write them so. */
function restrictionOf(rest: ConditionValues): PodIdentityRestrictionInput | undefined {
  const read = (key: string): string[] | undefined | null => {
    const exact = take(rest, 'StringEquals', key);
    const like = take(rest, 'StringLike', key);
    if (exact && like) return null;
    if (exact) return exact.some(hasWildcard) ? null : exact;
    if (like) return like.some(hasWildcard) ? like : null;
    return undefined;
  };
  const clusterNames = read(POD_IDENTITY_TAG_KEYS.clusterName);
  const clusterArns = read(POD_IDENTITY_TAG_KEYS.clusterArn);
  const namespaces = read(POD_IDENTITY_TAG_KEYS.namespace);
  const serviceAccounts = read(POD_IDENTITY_TAG_KEYS.serviceAccount);
  if ([clusterNames, clusterArns, namespaces, serviceAccounts].includes(null) || (clusterNames && clusterArns)) return undefined;
  return {
    clusterNames: clusterNames ?? undefined,
    clusterArns: clusterArns ?? undefined,
    namespaces: namespaces ?? undefined,
    serviceAccounts: serviceAccounts ?? undefined,
  };
}
