import { Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { isPolicyJsonTrust } from './lazy-features';
import { POD_IDENTITY_SERVICE, PodIdentityRestriction } from './pod-identity';
import { StackEnv } from './stack-env';
import { wildcardMatch } from './web-identity';
import { ServiceTrust } from '../trust/service-trust';
import { TrustRelationship } from '../trust/trust-relationship';

/**
 * Whether a role's trust lets EKS Pod Identity assume it for one association: the association's
 * cluster, namespace and service account, and whether it sends session tags. Only a certain
 * "no" is reported: a trust this model cannot read through (a statement kept as written, a
 * condition of the user's own, a deploy-time value compared with another) counts as "maybe".
 */

/** What EKS sends when it assumes the role for an association. */
export interface AssociationFacts {
  readonly clusterName: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  /** Whether EKS sets the session tags (and so calls `sts:TagSession`). */
  readonly sessionTags: boolean;
}

type Verdict = { readonly admits: 'yes' | 'maybe' } | { readonly admits: 'no'; readonly why?: string };

/**
 * Why no trust relationship of the role admits the association, or `undefined` when one does
 * (or may). `otherStatements` says whether the trust policy has statements of no relationship
 * (added to `role.assumeRolePolicy` directly), which this model cannot read.
 */
export function associationProblem(
  trusts: TrustRelationship[], otherStatements: boolean, facts: AssociationFacts, env: StackEnv,
): string | undefined {
  const verdicts = trusts.map((trust) => ({ trust, verdict: verdictOf(trust, facts, env) }));
  if (otherStatements || verdicts.some(({ verdict }) => verdict.admits !== 'no')) return undefined;
  const reasons = verdicts.flatMap(({ trust, verdict }) => (verdict.admits === 'no' && verdict.why ? [`${trust}: ${verdict.why}`] : []));
  if (reasons.length === 0) {
    return 'the role does not trust EKS Pod Identity; add Trust.eksPodIdentity(...) to its trust';
  }
  return `the role's trust admits no such association (${reasons.join('; ')}); `
    + 'widen the trust (Trust.eksPodIdentity({ clusterNames, namespaces, serviceAccounts })) or change the association';
}

function verdictOf(trust: TrustRelationship, facts: AssociationFacts, env: StackEnv): Verdict {
  if (isPolicyJsonTrust(trust)) {
    // The statements kept as written: not read here.
    return trust.verbatimStatements.length > 0 ? { admits: 'maybe' } : { admits: 'no' };
  }
  if (!(trust instanceof ServiceTrust) || !trust._services.includes(POD_IDENTITY_SERVICE)) {
    return { admits: 'no' };
  }
  const actions = [...trust._actions, ...trust._extraActions];
  if (facts.sessionTags && !actions.includes('sts:TagSession')) {
    return { admits: 'no', why: 'it allows sts:AssumeRole without sts:TagSession, which EKS Pod Identity calls to set its session tags; use Trust.eksPodIdentity()' };
  }
  if (trust._podIdentity) {
    const tags = restrictionVerdict(trust._podIdentity, facts, env);
    if (tags.admits === 'no') return tags;
    if (tags.admits === 'maybe') return tags;
  }
  // Conditions this model does not compare with what EKS sends.
  const unread = trust._sourceAccounts.length > 0 || trust._sourceArns.length > 0 || Object.keys(trust._extraConditions).length > 0;
  return { admits: unread ? 'maybe' : 'yes' };
}

function restrictionVerdict(r: PodIdentityRestriction, facts: AssociationFacts, env: StackEnv): Verdict {
  const restricted = r.clusterNames.length + r.clusterArns.length + r.namespaces.length + r.serviceAccounts.length > 0;
  if (!restricted) return { admits: 'yes' };
  if (!facts.sessionTags) {
    return { admits: 'no', why: 'it compares the session tags EKS sets, and the association disables them (disableSessionTags)' };
  }
  const results: Array<Verdict> = [];
  if (r.clusterNames.length > 0 || r.clusterArns.length > 0) {
    const byName = r.clusterNames.length > 0 ? valueVerdict(r.clusterNames, facts.clusterName) : 'no';
    const arn = clusterArn(facts.clusterName, env);
    const byArn = r.clusterArns.length > 0 ? valueVerdict(r.clusterArns.map((p) => withEnv(p, env)), arn) : 'no';
    const cluster = byName === 'yes' || byArn === 'yes' ? 'yes' : byName === 'maybe' || byArn === 'maybe' ? 'maybe' : 'no';
    results.push(cluster === 'no'
      ? { admits: 'no', why: `cluster ${JSON.stringify(facts.clusterName)} (${arn}) is not ${[...r.clusterNames, ...r.clusterArns].join(' or ')}` }
      : { admits: cluster });
  }
  for (const [values, value, what] of [[r.namespaces, facts.namespace, 'namespace'], [r.serviceAccounts, facts.serviceAccount, 'service account']] as const) {
    if (values.length === 0) continue;
    const verdict = valueVerdict(values, value);
    results.push(verdict === 'no' ? { admits: 'no', why: `${what} ${JSON.stringify(value)} is not ${values.join(' or ')}` } : { admits: verdict });
  }
  const no = results.filter((v) => v.admits === 'no') as Array<{ admits: 'no'; why?: string }>;
  if (no.length > 0) return { admits: 'no', why: no.map((v) => v.why).join(', ') };
  return results.some((v) => v.admits === 'maybe') ? { admits: 'maybe' } : { admits: 'yes' };
}

/** Whether a value matches one of the patterns; a deploy-time value or pattern is "maybe" unless written the same. */
function valueVerdict(patterns: string[], value: string): 'yes' | 'no' | 'maybe' {
  if (patterns.includes(value)) return 'yes';
  const unread = (text: string) => Token.isUnresolved(text) || /[{}]/.test(text);
  if (unread(value)) return 'maybe';
  if (patterns.some((p) => !unread(p) && wildcardMatch(p, value))) return 'yes';
  return patterns.some(unread) ? 'maybe' : 'no';
}

/** The ARN template of the association's cluster: it is in the stack's account and Region. */
function clusterArn(clusterName: string, env: StackEnv): string {
  return withEnv(`arn:{partition}:eks:{region}:{account}:cluster/${clusterName}`, env);
}

/** An ARN template with the placeholders the stack's environment knows filled in. */
function withEnv(arn: string, env: StackEnv): string {
  const partition = env.region ? RegionInfo.get(env.region).partition : undefined;
  return arn
    .replace(/\{account\}/g, env.account ?? '{account}')
    .replace(/\{region\}/g, env.region ?? '{region}')
    .replace(/\{partition\}/g, partition ?? '{partition}');
}
