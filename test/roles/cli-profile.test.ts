import { Duration, Stack } from 'aws-cdk-lib';
import { CredentialSource, CrossAccountRole, IrsaRole, OidcIssuer } from '../../src';
import { newStack } from '../support/stacks';

function partnerRole(): { stack: Stack; role: CrossAccountRole } {
  const stack = newStack();
  const role = new CrossAccountRole(stack, 'Role', { trustedAccounts: ['111122223333'], externalIds: ['partner-1'] });
  return { stack, role };
}

describe('cliProfile', () => {
  test('renders every option as the AWS CLI config keys, with the role ARN resolved at deploy time', () => {
    const { stack, role } = partnerRole();
    const text = role.cliProfile({
      profileName: 'partner',
      sourceProfile: 'default',
      externalId: 'partner-1',
      mfaSerial: 'arn:aws:iam::111122223333:mfa/alice',
      duration: Duration.hours(2),
      roleSessionName: 'alice',
      region: 'eu-west-1',
    });
    const resolved = stack.resolve(text);
    expect(resolved).toEqual({
      'Fn::Join': ['', [
        '[profile partner]\nrole_arn = ',
        { 'Fn::GetAtt': [stack.getLogicalId(role.role.node.defaultChild as any), 'Arn'] },
        '\nsource_profile = default\nexternal_id = partner-1\nmfa_serial = arn:aws:iam::111122223333:mfa/alice\n'
          + 'duration_seconds = 7200\nrole_session_name = alice\nregion = eu-west-1\n',
      ]],
    });
  });

  test.each([
    [CredentialSource.EC2_INSTANCE_METADATA, 'Ec2InstanceMetadata'],
    [CredentialSource.ECS_CONTAINER, 'EcsContainer'],
    [CredentialSource.ENVIRONMENT, 'Environment'],
  ])('credential_source %s is written as %s', (source, text) => {
    const { role } = partnerRole();
    expect(role.cliProfile({ profileName: 'p', credentialSource: source })).toContain(`\ncredential_source = ${text}\n`);
  });

  test('an IRSA profile reads the token EKS mounts', () => {
    const stack = newStack();
    const role = new IrsaRole(stack, 'Role', { issuers: [OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/ABC')], serviceAccounts: ['ns:app'] });
    expect(role.cliProfile({ profileName: 'app', webIdentityTokenFile: IrsaRole.TOKEN_FILE }))
      .toContain('\nweb_identity_token_file = /var/run/secrets/eks.amazonaws.com/serviceaccount/token\n');
  });

  test.each([
    [{ profileName: 'p' }, /exactly one of sourceProfile, credentialSource and webIdentityTokenFile/],
    [{ profileName: 'p', sourceProfile: 'a', credentialSource: CredentialSource.ENVIRONMENT }, /exactly one of/],
    [{ profileName: 'has space', sourceProfile: 'a' }, /profileName "has space" may contain only/],
    [{ profileName: 'p', sourceProfile: 'a', duration: Duration.minutes(10) }, /duration must be 15 minutes to 12 hours \(it is 600 seconds\)/],
  ])('rejects %j', (options, message) => {
    const { role } = partnerRole();
    expect(() => role.cliProfile(options)).toThrow(message);
    expect(() => role.cliProfile(options)).toThrow(/^Stack\/Role: invalid cliProfile/);
  });
});
