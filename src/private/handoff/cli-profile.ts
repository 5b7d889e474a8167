import { Token } from 'aws-cdk-lib';
import { CliProfileOptions } from '../../roles/cli-profile-options';

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
