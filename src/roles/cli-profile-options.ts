import { Duration } from 'aws-cdk-lib';

/** Where the AWS CLI / SDK gets the credentials that assume the role. */
export enum CredentialSource {
  /** The EC2 instance profile of the machine (`Ec2InstanceMetadata`). */
  EC2_INSTANCE_METADATA = 'Ec2InstanceMetadata',
  /** The ECS task role of the container (`EcsContainer`). */
  ECS_CONTAINER = 'EcsContainer',
  /** `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` in the environment (`Environment`). */
  ENVIRONMENT = 'Environment',
}

/** Options for an AWS CLI / SDK config profile that assumes a role. */
export interface CliProfileOptions {
  /**
   * The profile's name (`[profile NAME]`).
   */
  readonly profileName: string;

  /**
   * A profile holding the credentials that assume the role (`source_profile`). Give exactly
   * one of `sourceProfile`, `credentialSource` and `webIdentityTokenFile`.
   *
   * @default - none
   */
  readonly sourceProfile?: string;

  /**
   * Where the credentials that assume the role come from (`credential_source`).
   *
   * @default - none
   */
  readonly credentialSource?: CredentialSource;

  /**
   * A web identity token file (`web_identity_token_file`), e.g. the IRSA token
   * `/var/run/secrets/eks.amazonaws.com/serviceaccount/token`.
   *
   * @default - none
   */
  readonly webIdentityTokenFile?: string;

  /**
   * The ExternalId to pass (`external_id`).
   *
   * @default - none
   */
  readonly externalId?: string;

  /**
   * The ARN of the MFA device to prompt for (`mfa_serial`).
   *
   * @default - no MFA
   */
  readonly mfaSerial?: string;

  /**
   * The session length to request (`duration_seconds`), 15 minutes up to the role's maximum.
   *
   * @default - the CLI's default (1 hour)
   */
  readonly duration?: Duration;

  /**
   * The session name (`role_session_name`).
   *
   * @default - chosen by the CLI / SDK
   */
  readonly roleSessionName?: string;

  /**
   * The region of the profile (`region`).
   *
   * @default - none
   */
  readonly region?: string;
}
