import { Duration } from 'aws-cdk-lib';

/** Options for the ServiceAccount of an `IrsaRole`. */
export interface ServiceAccountOptions {
  /**
   * Whether pods use the regional STS endpoint (`eks.amazonaws.com/sts-regional-endpoints`).
   *
   * @default - the annotation is not set (the EKS default applies)
   */
  readonly stsRegionalEndpoints?: boolean;

  /**
   * Lifetime of the projected token (`eks.amazonaws.com/token-expiration`), 10 minutes to
   * 24 hours (600-86400 seconds).
   *
   * @default - the annotation is not set (the webhook's default, 86400 seconds)
   */
  readonly tokenExpiration?: Duration;

  /**
   * Extra labels of the ServiceAccount.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}
