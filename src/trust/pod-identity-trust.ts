import { IConstruct } from 'constructs';
import { ServiceTrust } from './service-trust';
import {
  clusterArnAccounts, isRestricted, POD_IDENTITY_ACTIONS, POD_IDENTITY_SERVICE, PodIdentityRestriction, podIdentityRestriction,
  restrictionConditions, restrictionText,
} from '../private/pod-identity';
import { StackEnv } from '../private/stack-env';
import { TrustStatement } from '../private/statement';

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

/**
 * Trust in EKS Pod Identity (`pods.eks.amazonaws.com`, with `sts:AssumeRole` and
 * `sts:TagSession`), optionally restricted to clusters, namespaces and service accounts by the
 * session tags EKS sets (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html).
 *
 * Associations that disable session tags (`disableSessionTags`) send none, so a restricted
 * trust admits none of them.
 */
export class EksPodIdentityTrust extends ServiceTrust {
  /**
   * Made by `Trust.eksPodIdentity`.
   * @internal
   */
  public static _forPods(options: EksPodIdentityTrustOptions): EksPodIdentityTrust {
    const { restriction, problems } = podIdentityRestriction(options);
    return new EksPodIdentityTrust(restriction, problems);
  }

  /** @internal */
  public readonly _restriction: PodIdentityRestriction;

  private constructor(restriction: PodIdentityRestriction, problems: string[]) {
    super([POD_IDENTITY_SERVICE], POD_IDENTITY_ACTIONS);
    this._restriction = restriction;
    this._problems.push(...problems);
  }

  /** The cluster names this trust admits; empty when it does not restrict them by name. */
  public get clusterNames(): string[] {
    return [...this._restriction.clusterNames];
  }

  /** The cluster ARNs (or ARN templates, or patterns) this trust admits; empty when it does not restrict them by ARN. */
  public get clusterArns(): string[] {
    return [...this._restriction.clusterArns];
  }

  /** The namespaces this trust admits; empty when any. */
  public get namespaces(): string[] {
    return [...this._restriction.namespaces];
  }

  /** The service account names this trust admits; empty when any. */
  public get serviceAccounts(): string[] {
    return [...this._restriction.serviceAccounts];
  }

  public toString(): string {
    return `Trust.eksPodIdentity(${restrictionText(this._restriction)})`;
  }

  /** @internal */
  public _stackProblems(env: StackEnv): string[] {
    // EKS needs iam:PassRole on the role to create an association, which only principals of the
    // role's own account have: a cluster of another account can never use the role
    // (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html).
    const others = clusterArnAccounts(this._restriction).filter((a) => a !== '{account}' && env.account !== undefined && a !== env.account);
    return others.map((account) => `a cluster ARN names account ${account}, but the role is in account ${env.account}; `
      + 'a Pod Identity association can use only a role of its cluster\'s account (EKS passes the role with iam:PassRole): '
      + 'create the role in that account, or give this role to the other account\'s association as its target role (Trust.eksPodIdentityRole)');
  }

  /** @internal */
  public _statements(scope: IConstruct): TrustStatement[] {
    const statements = super._statements(scope);
    if (!isRestricted(this._restriction)) return statements;
    return statements.flatMap((s) => restrictionConditions(this._restriction, s.conditions).map((conditions) => ({ ...s, conditions })));
  }
}
