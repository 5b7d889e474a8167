import { Duration, Token } from 'aws-cdk-lib';

/** Where the AWS CLI / SDK gets the credentials that assume the role. */
export enum CredentialSource {
  /** The EC2 instance profile of the machine (`Ec2InstanceMetadata`). */
  EC2_INSTANCE_METADATA = 'Ec2InstanceMetadata',
  /** The ECS task role of the container (`EcsContainer`). */
  ECS_CONTAINER = 'EcsContainer',
  /** `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` in the environment (`Environment`). */
  ENVIRONMENT = 'Environment',
}

/** The path where EKS mounts the IRSA web identity token. */
export const IRSA_TOKEN_FILE = '/var/run/secrets/eks.amazonaws.com/serviceaccount/token';

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

/**
 * Renders the profile as config-file text. The role ARN may be a token; the text then
 * resolves at deploy time (e.g. in a `CfnOutput` or a ConfigMap manifest).
 */
export function renderCliProfile(roleArn: string, options: CliProfileOptions): { text?: string; problem?: string } {
  const sources = [options.sourceProfile, options.credentialSource, options.webIdentityTokenFile].filter((s) => s !== undefined);
  if (sources.length !== 1) {
    return { problem: 'give exactly one of sourceProfile, credentialSource and webIdentityTokenFile' };
  }
  if (!/^[\w.@+=,-]+$/.test(options.profileName)) {
    return { problem: `profileName ${JSON.stringify(options.profileName)} may contain only letters, digits and _.@+=,-` };
  }
  const seconds = options.duration?.toSeconds();
  if (seconds !== undefined && !Token.isUnresolved(seconds) && (seconds < 900 || seconds > 43200)) {
    return { problem: `duration must be 15 minutes to 12 hours (it is ${seconds} seconds)` };
  }
  const lines = [`[profile ${options.profileName}]`, `role_arn = ${roleArn}`];
  const add = (key: string, value: string | number | undefined) => {
    if (value !== undefined) lines.push(`${key} = ${value}`);
  };
  add('source_profile', options.sourceProfile);
  add('credential_source', options.credentialSource);
  add('web_identity_token_file', options.webIdentityTokenFile);
  add('external_id', options.externalId);
  add('mfa_serial', options.mfaSerial);
  add('duration_seconds', seconds);
  add('role_session_name', options.roleSessionName);
  add('region', options.region);
  return { text: lines.join('\n') + '\n' };
}
