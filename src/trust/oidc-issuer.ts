import { Fn, Token } from 'aws-cdk-lib';
import type { ICluster } from 'aws-cdk-lib/aws-eks';
import type { IOpenIdConnectProvider } from 'aws-cdk-lib/aws-iam';
import { arnProblem, renderArn } from '../private/arn-values';
import { GITLAB_COM_ISSUER, HCP_TERRAFORM_ISSUER } from '../private/ci-issuers';
import { ISSUER_URL, matches, OIDC_PROVIDER_ARN } from '../private/rules';
import { GITHUB_ACTIONS_ISSUER } from '../private/web-identity';

/**
 * An OpenID Connect identity provider registered in IAM, as a trust policy needs it: the
 * provider ARN (the `Federated` principal) and the issuer host and path that prefix its
 * condition keys (`<issuer>:sub`, `<issuer>:aud`).
 */
export class OidcIssuer {
  /**
   * From the IAM OIDC provider ARN, e.g.
   * `arn:{partition}:iam::{account}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC`.
   *
   * Placeholders may stand for the partition and the account only: the issuer part also
   * prefixes the condition keys (`<issuer>:sub`), which must be literal.
   *
   * @param providerArn an ARN or ARN template; a token is split at deploy time
   */
  public static fromProviderArn(providerArn: string): OidcIssuer {
    const problem = arnProblem(providerArn, OIDC_PROVIDER_ARN);
    if (Token.isUnresolved(providerArn)) {
      return new OidcIssuer(providerArn, Fn.select(1, Fn.split(':oidc-provider/', providerArn)), problem);
    }
    const host = providerArn.split(':oidc-provider/')[1] ?? '';
    return new OidcIssuer(providerArn, host, problem);
  }

  /**
   * From the issuer URL, e.g. an EKS cluster's `https://oidc.eks.us-east-1.amazonaws.com/id/ABC`.
   * The provider is expected in the stack's own account.
   *
   * @param issuerUrl the URL, with or without `https://`
   */
  public static fromIssuerUrl(issuerUrl: string): OidcIssuer {
    if (Token.isUnresolved(issuerUrl)) {
      const host = Fn.select(1, Fn.split('https://', issuerUrl));
      return new OidcIssuer(`arn:{partition}:iam::{account}:oidc-provider/${host}`, host);
    }
    const host = issuerUrl.replace(/^https:\/\//, '').replace(/\/$/, '');
    const problem = matches(ISSUER_URL, issuerUrl) ? undefined : `${JSON.stringify(issuerUrl)} is not an OIDC issuer URL (https://host/path)`;
    return new OidcIssuer(`arn:{partition}:iam::{account}:oidc-provider/${host}`, host, problem);
  }

  /**
   * From an IAM OIDC provider construct (`iam.OpenIdConnectProvider` or one imported with
   * `fromOpenIdConnectProviderArn`).
   *
   * @param provider the provider
   */
  public static fromOpenIdConnectProvider(provider: IOpenIdConnectProvider): OidcIssuer {
    return new OidcIssuer(provider.openIdConnectProviderArn, provider.openIdConnectProviderIssuer);
  }

  /**
   * From an EKS cluster of `aws-cdk-lib/aws-eks`: its OIDC provider (created on first use for
   * a cluster defined in this app).
   *
   * @param cluster the cluster
   */
  public static fromCluster(cluster: ICluster): OidcIssuer {
    return OidcIssuer.fromOpenIdConnectProvider(cluster.openIdConnectProvider);
  }

  /**
   * GitHub Actions' issuer `token.actions.githubusercontent.com`, registered as an IAM OIDC
   * provider in the stack's account.
   *
   * @param providerArn the provider ARN
   * @default `arn:{partition}:iam::{account}:oidc-provider/token.actions.githubusercontent.com`
   */
  public static githubActions(providerArn?: string): OidcIssuer {
    return providerArn
      ? OidcIssuer.fromProviderArn(providerArn)
      : new OidcIssuer(`arn:{partition}:iam::{account}:oidc-provider/${GITHUB_ACTIONS_ISSUER}`, GITHUB_ACTIONS_ISSUER);
  }

  /**
   * GitLab's issuer, registered as an IAM OIDC provider in the stack's account: gitlab.com, or a
   * GitLab Self-Managed or Dedicated instance by its URL ("Provider URL: The address of your
   * GitLab instance", https://docs.gitlab.com/ci/cloud_services/aws/).
   *
   * @param instanceUrl the instance URL, e.g. `https://gitlab.example.com`
   * @default `https://gitlab.com`: `arn:{partition}:iam::{account}:oidc-provider/gitlab.com`
   */
  public static gitlab(instanceUrl?: string): OidcIssuer {
    return instanceUrl === undefined
      ? new OidcIssuer(`arn:{partition}:iam::{account}:oidc-provider/${GITLAB_COM_ISSUER}`, GITLAB_COM_ISSUER)
      : OidcIssuer.fromIssuerUrl(instanceUrl);
  }

  /**
   * HCP Terraform's issuer `app.terraform.io`, or a Terraform Enterprise instance by its URL,
   * registered as an IAM OIDC provider in the stack's account
   * (https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/aws-configuration).
   *
   * @param instanceUrl the address of HCP Terraform or of the Terraform Enterprise instance, e.g. `https://tfe.example.com`
   * @default `https://app.terraform.io`: `arn:{partition}:iam::{account}:oidc-provider/app.terraform.io`
   */
  public static hcpTerraform(instanceUrl?: string): OidcIssuer {
    return instanceUrl === undefined
      ? new OidcIssuer(`arn:{partition}:iam::{account}:oidc-provider/${HCP_TERRAFORM_ISSUER}`, HCP_TERRAFORM_ISSUER)
      : OidcIssuer.fromIssuerUrl(instanceUrl);
  }

  /**
   * The provider ARN as written (may be an ARN template).
   */
  public readonly providerArn: string;

  /**
   * The issuer host and path that prefix condition keys, e.g.
   * `oidc.eks.us-east-1.amazonaws.com/id/ABC` (may be a token).
   */
  public readonly issuer: string;

  /** @internal */
  public readonly _problem?: string;

  private constructor(providerArn: string, issuer: string, problem?: string) {
    this.providerArn = providerArn;
    this.issuer = issuer;
    this._problem = problem;
  }

  /**
   * The provider ARN with placeholders rendered to CloudFormation pseudo parameters.
   */
  public renderedProviderArn(): string {
    return renderArn(this.providerArn);
  }
}
