/**
 * Which EKS Pod Identity associations may use a role, compared with the session tags EKS sets
 * when it assumes the role (`aws:RequestTag/eks-cluster-name`, `eks-cluster-arn`,
 * `kubernetes-namespace`, `kubernetes-service-account`;
 * https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html).
 *
 * Each list admits any of its values; the lists given must all hold (IAM ORs the values of a
 * condition and ANDs its keys): `namespaces: ['a', 'b']` with `serviceAccounts: ['api']` admits
 * `a/api` and `b/api`. For pairs that must not cross, use one trust value per pair. Values with
 * `*` or `?` are wildcards (compared with `StringLike`).
 */
export interface EksPodIdentityTrustOptions {
  /**
   * Names of the clusters whose associations may use the role (the `eks-cluster-name` tag),
   * e.g. `['prod']` or `['prod-*']`. A name matches the clusters of that name in every Region;
   * give `clusterArns` to name one Region.
   *
   * @default - any cluster (unless `clusterArns` names some)
   */
  readonly clusterNames?: string[];

  /**
   * ARNs (or ARN templates, or patterns) of the clusters whose associations may use the role
   * (the `eks-cluster-arn` tag), e.g. `arn:{partition}:eks:{region}:{account}:cluster/prod`.
   * Given with `clusterNames`, a cluster matching either is admitted.
   *
   * @default - any cluster (unless `clusterNames` names some)
   */
  readonly clusterArns?: string[];

  /**
   * Kubernetes namespaces whose associations may use the role (the `kubernetes-namespace`
   * tag), e.g. `['payments']`.
   *
   * @default - any namespace
   */
  readonly namespaces?: string[];

  /**
   * Names of the Kubernetes service accounts whose associations may use the role (the
   * `kubernetes-service-account` tag), without their namespace, e.g. `['api']`; give the
   * namespace in `namespaces`.
   *
   * @default - any service account
   */
  readonly serviceAccounts?: string[];
}
