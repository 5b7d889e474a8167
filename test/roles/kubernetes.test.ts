import { Duration, Stack } from 'aws-cdk-lib';
import { parse } from 'yaml';
import { IrsaRole, OidcIssuer, ServiceRole } from '../../src';
import { newStack } from '../support/stacks';

function irsaRole(): { stack: Stack; role: IrsaRole } {
  const stack = newStack();
  const role = new IrsaRole(stack, 'Role', {
    roleName: 'external-dns',
    issuers: [OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/ABC')],
    serviceAccounts: ['kube-system:external-dns', 'batch:job-*'],
  });
  return { stack, role };
}

describe('ServiceAccount manifest as YAML', () => {
  test('has the role-arn annotation and the optional IRSA annotations', () => {
    const { stack, role } = irsaRole();
    const yamlText = role.serviceAccountManifestYaml('kube-system', 'external-dns', {
      stsRegionalEndpoints: true,
      tokenExpiration: Duration.hours(1),
      labels: { app: 'external-dns' },
    });
    // The role ARN is a token until deploy time; substitute a value to read the YAML.
    const text = stack.resolve(yamlText)['Fn::Join'][1].map((p: any) => (typeof p === 'string' ? p : 'arn:aws:iam::123456789012:role/external-dns')).join('');
    expect(parse(text)).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'external-dns',
        namespace: 'kube-system',
        labels: { app: 'external-dns' },
        annotations: {
          'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/external-dns',
          'eks.amazonaws.com/sts-regional-endpoints': 'true',
          'eks.amazonaws.com/token-expiration': '3600',
        },
      },
    });
  });

  test('a service account matched by a wildcard subject is accepted', () => {
    const { role } = irsaRole();
    expect(role.serviceAccountManifestYaml('batch', 'job-nightly')).toContain('name: job-nightly');
  });

  test('a service account the role does not trust is an error', () => {
    const { role } = irsaRole();
    expect(() => role.serviceAccountManifestYaml('default', 'external-dns'))
      .toThrow('Stack/Role: invalid serviceAccountManifestYaml "default:external-dns": the role does not trust this service account; it trusts kube-system:external-dns, batch:job-*');
  });

  test.each([Duration.minutes(9), Duration.hours(25)])('token expiration %s is out of range', (d) => {
    const { role } = irsaRole();
    expect(() => role.serviceAccountManifestYaml('kube-system', 'external-dns', { tokenExpiration: d })).toThrow(/must be 600-86400 seconds/);
  });
});

describe('kube2iam / kiam annotations', () => {
  test('name the role and, when given, the ExternalId', () => {
    const stack = newStack();
    const role = new ServiceRole(stack, 'Role', { services: ['ec2'] });
    const logicalId = stack.getLogicalId(role.role.node.defaultChild as any);
    expect(stack.resolve(role.kube2iamAnnotations())).toEqual({ 'iam.amazonaws.com/role': { 'Fn::GetAtt': [logicalId, 'Arn'] } });
    expect(stack.resolve(role.kube2iamAnnotations('ext-1'))).toEqual({
      'iam.amazonaws.com/role': { 'Fn::GetAtt': [logicalId, 'Arn'] },
      'iam.amazonaws.com/external-id': 'ext-1',
    });
  });
});
