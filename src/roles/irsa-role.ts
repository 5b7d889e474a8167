import * as eks from 'aws-cdk-lib/aws-eks';
import { Construct } from 'constructs';
import { AssumableRole, AssumableRoleProps } from './assumable-role';
import { ServiceAccountOptions } from './service-account-options';
import { invalidInput, throwFirst } from '../private/errors';
import { kubernetesHandoff } from '../private/lazy-features';
import { irsaRoleInput } from '../private/role-input';
import { stackEnvOf } from '../private/stack-env';
import { wildcardMatch } from '../private/web-identity';
import { OidcIssuer } from '../trust/oidc-issuer';

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
   * (matched with `StringLike`, in a statement of their own). A namespace is a lowercase
   * RFC 1123 DNS label (a-z, 0-9 and `-`, no dot), as Kubernetes requires of namespaces; a name
   * is a lowercase DNS subdomain (dots allowed).
   */
  readonly serviceAccounts: string[];
}

/**
 * A role that Kubernetes service accounts of EKS clusters assume through IAM Roles for
 * Service Accounts (IRSA).
 *
 * @example
 * const role = new IrsaRole(this, 'ExternalDns', {
 *   issuers: [OidcIssuer.fromCluster(cluster)],
 *   serviceAccounts: ['kube-system:external-dns'],
 * });
 * role.addServiceAccountManifest(cluster, 'kube-system', 'external-dns');
 */
export class IrsaRole extends AssumableRole {
  /**
   * The path of the web identity token that EKS mounts into pods of a trusted service
   * account, for `cliProfile({ webIdentityTokenFile })`.
   */
  public static readonly TOKEN_FILE: string = '/var/run/secrets/eks.amazonaws.com/serviceaccount/token';

  private readonly serviceAccounts: string[];

  /**
   * @param scope the construct this role belongs to
   * @param id the construct ID; also the basis of the role's CloudFormation logical ID
   * @param props the role's configuration
   */
  constructor(scope: Construct, id: string, props: IrsaRoleProps) {
    super(scope, id, props);
    this.serviceAccounts = props.serviceAccounts ?? [];
    const { trusts, problems } = irsaRoleInput(props, stackEnvOf(this));
    throwFirst(this, problems);
    for (const [field, trust] of trusts) {
      this.addTrustFor(field, trust);
    }
  }

  /**
   * The annotations a Kubernetes ServiceAccount needs to use this role:
   * `eks.amazonaws.com/role-arn`.
   */
  public get serviceAccountAnnotations(): { [key: string]: string } {
    return kubernetesHandoff().serviceAccountAnnotations(this.roleArn);
  }

  /**
   * The ServiceAccount manifest as YAML text, for clusters not managed by this CDK app
   * (commit it to a GitOps repository, or pass it to a `CfnOutput`). The role ARN in it is a
   * token until deploy time.
   *
   * @param namespace the service account's namespace
   * @param name the service account's name; it must be one the role trusts
   * @param options extra annotations and labels
   */
  public serviceAccountManifestYaml(namespace: string, name: string, options: ServiceAccountOptions = {}): string {
    return kubernetesHandoff().toYaml(this.manifest(namespace, name, options, 'serviceAccountManifestYaml'));
  }

  /**
   * Adds the ServiceAccount manifest, annotated with this role, to a cluster managed by CDK.
   *
   * @param cluster the cluster
   * @param namespace the service account's namespace
   * @param name the service account's name; it must be one the role trusts
   * @param options extra annotations and labels
   */
  public addServiceAccountManifest(
    cluster: eks.ICluster, namespace: string, name: string, options: ServiceAccountOptions = {},
  ): eks.KubernetesManifest {
    const manifest = this.manifest(namespace, name, options, 'addServiceAccountManifest');
    // Namespaces and names cannot contain '/', so this id is unique per service account.
    return cluster.addManifest(`${this.node.id}-ServiceAccount-${namespace}-${name}`, manifest);
  }

  private manifest(namespace: string, name: string, options: ServiceAccountOptions, field: string): any {
    const subject = `${namespace}:${name}`;
    if (!this.serviceAccounts.some((pattern) => wildcardMatch(pattern, subject))) {
      throw invalidInput(this, field, subject, `the role does not trust this service account; it trusts ${this.serviceAccounts.join(', ')}`);
    }
    const { serviceAccountAnnotations, serviceAccountManifest, tokenExpirationProblem } = kubernetesHandoff();
    const expirationProblem = tokenExpirationProblem(options);
    if (expirationProblem) {
      throw invalidInput(this, `${field} tokenExpiration`, options.tokenExpiration?.toHumanString(), expirationProblem);
    }
    return serviceAccountManifest(namespace, name, serviceAccountAnnotations(this.roleArn, options), options.labels);
  }
}
