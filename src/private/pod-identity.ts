import { arnProblem, renderArn } from './arn-values';
import { breaks, EKS_CLUSTER_ARN, EKS_CLUSTER_NAME_PATTERN, KUBERNETES_NAME, KUBERNETES_NAMESPACE } from './rules';
import { StackEnv } from './stack-env';
import { addCondition, Conditions, TrustStatement, unique } from './statement';
import { hasWildcard } from './web-identity';

/**
 * EKS Pod Identity as trust policies see it: the service principal, the actions it calls, and
 * the session tags it sets, which a trust policy compares to restrict the role to clusters,
 * namespaces and service accounts.
 *
 * Facts (Amazon EKS User Guide):
 * - the trust policy of a Pod Identity role allows `pods.eks.amazonaws.com` `sts:AssumeRole`
 *   and `sts:TagSession`, and may restrict the role with `aws:RequestTag/kubernetes-namespace`
 *   and `aws:RequestTag/kubernetes-service-account` conditions
 *   (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html);
 * - the session tags are `eks-cluster-arn`, `eks-cluster-name`, `kubernetes-namespace`,
 *   `kubernetes-service-account`, `kubernetes-pod-name` and `kubernetes-pod-uid`; an association
 *   can disable them (`disableSessionTags`), and they are transitive
 *   (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html);
 * - a target role (in any account) trusts the Pod Identity role with `sts:AssumeRole` and
 *   `sts:TagSession`, restricted with the same request tags, the Pod Identity role being in the
 *   cluster's account because EKS needs `iam:PassRole` on it
 *   (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html).
 */

/** The service principal of EKS Pod Identity. */
export const POD_IDENTITY_SERVICE = 'pods.eks.amazonaws.com';

/** What EKS Pod Identity calls on the roles it assumes. */
export const POD_IDENTITY_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'];

/** The condition keys of the session tags a restriction compares, by what they name. */
export const POD_IDENTITY_TAG_KEYS = {
  clusterName: 'aws:RequestTag/eks-cluster-name',
  clusterArn: 'aws:RequestTag/eks-cluster-arn',
  namespace: 'aws:RequestTag/kubernetes-namespace',
  serviceAccount: 'aws:RequestTag/kubernetes-service-account',
} as const;

/**
 * Which associations a Pod Identity trust admits: each list ORs its values (with `*` and `?`
 * wildcards); the lists are ANDed; an empty list does not restrict.
 */
export interface PodIdentityRestriction {
  readonly clusterNames: string[];
  readonly clusterArns: string[];
  readonly namespaces: string[];
  readonly serviceAccounts: string[];
}

/** The options a restriction is made from (`EksPodIdentityTrustOptions`). */
export interface PodIdentityRestrictionInput {
  readonly clusterNames?: string[];
  readonly clusterArns?: string[];
  readonly namespaces?: string[];
  readonly serviceAccounts?: string[];
}

/** The restriction the options ask for, and what is wrong with them. */
export function podIdentityRestriction(options: PodIdentityRestrictionInput): { restriction: PodIdentityRestriction; problems: string[] } {
  const problems: string[] = [];
  const list = (field: keyof PodIdentityRestrictionInput, check: (value: string) => string | undefined): string[] => {
    const values = options[field];
    if (values === undefined) return [];
    if (values.length === 0) {
      // An empty list would silently mean "any": the opposite of what it says.
      problems.push(`${field} is an empty list; leave it out to admit any ${FIELD_WORDS[field]}, or name at least one`);
    }
    for (const value of values) {
      const problem = check(value);
      if (problem) problems.push(problem);
    }
    return unique(values);
  };
  const restriction: PodIdentityRestriction = {
    clusterNames: list('clusterNames', (name) => {
      if (!breaks(EKS_CLUSTER_NAME_PATTERN, name)) return undefined;
      return name.startsWith('arn:')
        ? `cluster name ${JSON.stringify(name)} is an ARN; give cluster ARNs in clusterArns`
        : `cluster name ${JSON.stringify(name)} ${EKS_CLUSTER_NAME_PATTERN.rule}`;
    }),
    clusterArns: list('clusterArns', (arn) => {
      const problem = arnProblem(arn, EKS_CLUSTER_ARN);
      return problem ? `cluster ARN: ${problem}` : undefined;
    }),
    namespaces: list('namespaces', (ns) => (breaks(KUBERNETES_NAMESPACE, ns) ? `namespace ${JSON.stringify(ns)} ${KUBERNETES_NAMESPACE.rule}` : undefined)),
    serviceAccounts: list('serviceAccounts', (name) => {
      if (!breaks(KUBERNETES_NAME, name)) return undefined;
      return name.includes(':')
        ? `service account ${JSON.stringify(name)} must be a name only, without its namespace; give the namespace in namespaces`
        : `service account name ${JSON.stringify(name)} ${KUBERNETES_NAME.rule}`;
    }),
  };
  return { restriction, problems };
}

const FIELD_WORDS: Record<keyof PodIdentityRestrictionInput, string> = {
  clusterNames: 'cluster',
  clusterArns: 'cluster',
  namespaces: 'namespace',
  serviceAccounts: 'service account',
};

/** Whether the restriction restricts anything. */
export function isRestricted(r: PodIdentityRestriction): boolean {
  return r.clusterNames.length + r.clusterArns.length + r.namespaces.length + r.serviceAccounts.length > 0;
}

/**
 * The condition blocks of a restricted statement, each `base` plus the session-tag conditions:
 * one block, or two when clusters are named both by name and by ARN (one statement each, so
 * that IAM ORs them; in one statement it would require both tags to match).
 *
 * Each key is compared with `StringLike` when one of its values has a wildcard, and with
 * `StringEquals` otherwise: a value without `*` or `?` matches only itself under both
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String).
 */
export function restrictionConditions(r: PodIdentityRestriction, base: Conditions): Conditions[] {
  let shared = base;
  shared = tagCondition(shared, POD_IDENTITY_TAG_KEYS.namespace, r.namespaces);
  shared = tagCondition(shared, POD_IDENTITY_TAG_KEYS.serviceAccount, r.serviceAccounts);
  const byName = tagCondition(shared, POD_IDENTITY_TAG_KEYS.clusterName, r.clusterNames);
  const byArn = tagCondition(shared, POD_IDENTITY_TAG_KEYS.clusterArn, r.clusterArns.map(renderArn));
  if (r.clusterNames.length > 0 && r.clusterArns.length > 0) return [byName, byArn];
  return [r.clusterArns.length > 0 ? byArn : byName];
}

function tagCondition(conditions: Conditions, key: string, values: string[]): Conditions {
  if (values.length === 0) return conditions;
  return addCondition(conditions, values.some(hasWildcard) ? 'StringLike' : 'StringEquals', key, values);
}

/** The restriction in words, for `toString`: `cluster prod, namespace payments, service account api`. */
export function restrictionText(r: PodIdentityRestriction): string {
  return [
    ...(r.clusterNames.length ? [`cluster ${r.clusterNames.join(' or ')}`] : []),
    ...(r.clusterArns.length ? [`cluster ${r.clusterArns.join(' or ')}`] : []),
    ...(r.namespaces.length ? [`namespace ${r.namespaces.join(' or ')}`] : []),
    ...(r.serviceAccounts.length ? [`service account ${r.serviceAccounts.join(' or ')}`] : []),
  ].join(', ');
}

/** The literal accounts of the cluster ARNs (`{account}` as written), for rules about accounts. */
export function clusterArnAccounts(r: PodIdentityRestriction): string[] {
  return unique(r.clusterArns.map((arn) => /^arn:[^:]+:eks:[^:]+:(\d{12}|\{account\}):cluster\//.exec(arn)?.[1]).filter((a): a is string => a !== undefined));
}

/** The statements of a Pod Identity trust: `statement` with the session-tag conditions (one or two). */
export function podIdentityStatements(r: PodIdentityRestriction, statement: TrustStatement): TrustStatement[] {
  if (!isRestricted(r)) return [statement];
  return restrictionConditions(r, statement.conditions).map((conditions) => ({ ...statement, conditions }));
}

/**
 * Cluster ARNs of another account than the role's: EKS needs iam:PassRole on the role to create
 * an association, which only principals of the role's own account have, so a cluster of another
 * account can never use the role
 * (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html).
 */
export function podIdentityStackProblems(r: PodIdentityRestriction, env: StackEnv): string[] {
  const others = clusterArnAccounts(r).filter((a) => a !== '{account}' && env.account !== undefined && a !== env.account);
  return others.map((account) => `a cluster ARN names account ${account}, but the role is in account ${env.account}; `
    + 'a Pod Identity association can use only a role of its cluster\'s account (EKS passes the role with iam:PassRole): '
    + 'create the role in that account, or give this role to the other account\'s association as its target role (Trust.eksPodIdentityRole)');
}
