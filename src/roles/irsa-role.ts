import * as eks from 'aws-cdk-lib/aws-eks';
import { Construct } from 'constructs';
import { AssumableRole, AssumableRoleProps } from './assumable-role';
import { OidcIssuer } from '../trust/oidc-issuer';
import { Trust } from '../trust/trust';
import { invalidInput } from '../validation/errors';

/** The annotation that binds a Kubernetes service account to an IAM role (IRSA). */
export const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';

/**
 * Props of `IrsaRole`.
 */
export interface IrsaRoleProps extends AssumableRoleProps {
  /**
   * The OIDC providers of the EKS clusters whose service accounts may assume the role; one
   * trust statement per provider.
   */
  readonly issuers: OidcIssuer[];

  /**
   * The service accounts, as `namespace:name`; `*` and `?` are wildcards
   * (matched with `StringLike`, in a statement of their own).
   */
  readonly serviceAccounts: string[];
}

/**
 * A role that Kubernetes service accounts of EKS clusters assume through IAM Roles for
 * Service Accounts (IRSA).
 *
 * @example
 * declare const cluster: eks.ICluster;
 * const role = new IrsaRole(this, 'ExternalDns', {
 *   issuers: [OidcIssuer.fromCluster(cluster)],
 *   serviceAccounts: ['kube-system:external-dns'],
 * });
 * role.addServiceAccountManifest(cluster, 'kube-system', 'external-dns');
 */
export class IrsaRole extends AssumableRole {
  private readonly serviceAccounts: string[];

  /**
   * @param scope the construct this role belongs to
   * @param id the construct ID; also the basis of the role's CloudFormation logical ID
   * @param props the role's configuration
   */
  constructor(scope: Construct, id: string, props: IrsaRoleProps) {
    super(scope, id, props);
    this.serviceAccounts = props.serviceAccounts ?? [];
    if ((props.issuers ?? []).length === 0) {
      throw invalidInput(this, 'issuers', props.issuers, 'give at least one OIDC issuer, e.g. OidcIssuer.fromCluster(cluster)');
    }
    props.issuers.forEach((issuer, i) => this.addTrustFor(`issuers[${i}]`, Trust.eksServiceAccounts(issuer, this.serviceAccounts)));
  }

  /**
   * The annotations a Kubernetes ServiceAccount needs to use this role:
   * `eks.amazonaws.com/role-arn`.
   */
  public get serviceAccountAnnotations(): { [key: string]: string } {
    return { [ROLE_ARN_ANNOTATION]: this.roleArn };
  }

  /**
   * Adds the ServiceAccount manifest, annotated with this role, to a cluster managed by CDK.
   *
   * @param cluster the cluster
   * @param namespace the service account's namespace
   * @param name the service account's name; it must be one the role trusts
   */
  public addServiceAccountManifest(cluster: eks.ICluster, namespace: string, name: string): eks.KubernetesManifest {
    const subject = `${namespace}:${name}`;
    if (!this.serviceAccounts.some((pattern) => wildcardMatch(pattern, subject))) {
      throw invalidInput(this, 'addServiceAccountManifest', subject, `the role does not trust this service account; it trusts ${this.serviceAccounts.join(', ')}`);
    }
    return cluster.addManifest(`${this.node.id}ServiceAccount${namespace}${name}`.replace(/[^A-Za-z0-9]/g, ''), {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, namespace, annotations: this.serviceAccountAnnotations },
    });
  }
}

/** IAM `StringLike` matching: `*` any run of characters, `?` one character. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(value);
}
