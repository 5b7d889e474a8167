/**
 * An EKS Pod Identity association of a role: which service account of which cluster gets the
 * role's credentials (`AWS::EKS::PodIdentityAssociation`,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-eks-podidentityassociation.html).
 *
 * The association is created in the stack's account and Region, where its cluster must be; the
 * role must trust EKS Pod Identity (`Trust.eksPodIdentity`) for that cluster, namespace and
 * service account, which is checked when the app is synthesized.
 */
export interface PodIdentityAssociationOptions {
  /**
   * The name of the cluster, e.g. `cluster.clusterName` of an `aws-eks` or `aws-eks-v2` cluster,
   * or the name of a cluster this app does not define.
   */
  readonly clusterName: string;

  /** The Kubernetes namespace of the service account, e.g. `payments`. */
  readonly namespace: string;

  /** The name of the Kubernetes service account, e.g. `api`. */
  readonly serviceAccount: string;

  /**
   * A role (in this or another account) that EKS assumes with this role's credentials and gives
   * to the pods instead (role chaining). This role is given `sts:AssumeRole` and
   * `sts:TagSession` on it; the target role must trust this role, e.g. with
   * `Trust.eksPodIdentityRole(<this role's ARN>, {...})`
   * (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html).
   *
   * @default - no target role: the pods get this role's credentials
   */
  readonly targetRoleArn?: string;

  /**
   * Whether EKS leaves out the session tags it sets (cluster, namespace, service account, pod),
   * e.g. when they make the packed session too large (`PackedPolicyTooLarge`). A trust restricted
   * by those tags then admits none of the association's sessions
   * (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html).
   *
   * @default false
   */
  readonly disableSessionTags?: boolean;
}
