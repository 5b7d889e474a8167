import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT_ID, arnOf, describeAssumableRoleBehaviour, join, logicalIdOf, PARTITION, trustStatements } from './role-behaviour';
import { IrsaRole, OidcIssuer } from '../../src';
import { newStack } from '../support/stacks';

const ISSUER_URL = 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC';
const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/ABC';
const PROVIDER_ARN = 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC';
const OWN_PROVIDER = join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC');

/** The trust statement IRSA needs for one provider and `StringEquals`/`StringLike` subjects. */
function irsaStatement(provider: unknown, issuer: string, subjects: string | string[], operator: 'StringEquals' | 'StringLike' = 'StringEquals'): any {
  const condition: any = { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com' } };
  condition[operator] = { ...(condition[operator] ?? {}), [`${issuer}:sub`]: subjects };
  return { Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition };
}

function importedCluster(stack: Stack): eks.ICluster {
  return eks.Cluster.fromClusterAttributes(stack, 'C', {
    clusterName: 'c',
    kubectlRoleArn: 'arn:aws:iam::123456789012:role/kubectl',
    openIdConnectProvider: iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'P', PROVIDER_ARN),
  });
}

describeAssumableRoleBehaviour('IrsaRole', {
  make: (scope, id, props = {}) => new IrsaRole(scope, id, { ...props, issuers: [OidcIssuer.fromIssuerUrl(ISSUER_URL)], serviceAccounts: ['ns:app'] }),
  ownStatements: [irsaStatement(OWN_PROVIDER, ISSUER, 'system:serviceaccount:ns:app')],
  extraTrustFirst: true,
  plainPrincipal: () => new iam.WebIdentityPrincipal(PROVIDER_ARN),
});

describe('IrsaRole', () => {
  test('has the logical ID a plain iam.Role with the same id gets', () => {
    const stack = newStack();
    const role = new IrsaRole(stack, 'ExternalDns', { issuers: [OidcIssuer.fromIssuerUrl(ISSUER_URL)], serviceAccounts: ['kube-system:external-dns'] });
    const plain = new iam.Role(newStack({ id: 'Other' }), 'ExternalDns', { assumedBy: new iam.WebIdentityPrincipal(PROVIDER_ARN) });
    expect(logicalIdOf(role)).toBe('ExternalDns122DB255');
    expect(logicalIdOf(plain)).toBe('ExternalDns122DB255');
  });

  test('one issuer of a cluster: the provider is the principal, aud and sub are required', () => {
    const stack = newStack();
    const role = new IrsaRole(stack, 'Role', {
      issuers: [OidcIssuer.fromCluster(importedCluster(stack))],
      serviceAccounts: ['kube-system:external-dns', 'kube-system:cert-manager'],
    });
    expect(trustStatements(role)).toEqual([
      irsaStatement(PROVIDER_ARN, ISSUER, ['system:serviceaccount:kube-system:external-dns', 'system:serviceaccount:kube-system:cert-manager']),
    ]);
  });

  test('wildcard service accounts go to a StringLike statement of their own', () => {
    const stack = newStack();
    const role = new IrsaRole(stack, 'Role', {
      issuers: [OidcIssuer.fromProviderArn(PROVIDER_ARN)],
      serviceAccounts: ['jobs:runner', 'jobs:worker-*', 'batch-?:*'],
    });
    expect(trustStatements(role)).toEqual([
      irsaStatement(PROVIDER_ARN, ISSUER, 'system:serviceaccount:jobs:runner'),
      irsaStatement(PROVIDER_ARN, ISSUER, ['system:serviceaccount:jobs:worker-*', 'system:serviceaccount:batch-?:*'], 'StringLike'),
    ]);
  });

  test('two issuers: one statement per issuer, wildcards apart', () => {
    const stack = newStack();
    const role = new IrsaRole(stack, 'Role', {
      issuers: [
        OidcIssuer.fromIssuerUrl(ISSUER_URL),
        OidcIssuer.fromProviderArn('arn:{partition}:iam::444455556666:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/DEF'),
      ],
      serviceAccounts: ['apps:api', 'apps:job-*'],
    });
    const other = join('arn:', PARTITION, ':iam::444455556666:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/DEF');
    const otherIssuer = 'oidc.eks.eu-west-1.amazonaws.com/id/DEF';
    expect(trustStatements(role)).toEqual([
      irsaStatement(OWN_PROVIDER, ISSUER, 'system:serviceaccount:apps:api'),
      irsaStatement(OWN_PROVIDER, ISSUER, 'system:serviceaccount:apps:job-*', 'StringLike'),
      irsaStatement(other, otherIssuer, 'system:serviceaccount:apps:api'),
      irsaStatement(other, otherIssuer, 'system:serviceaccount:apps:job-*', 'StringLike'),
    ]);
  });

  test('an issuer known only at deploy time gets its condition through CfnJson', () => {
    const stack = newStack();
    const provider = new iam.OidcProviderNative(stack, 'Oidc', { url: ISSUER_URL });
    const role = new IrsaRole(stack, 'Role', { issuers: [OidcIssuer.fromOpenIdConnectProvider(provider)], serviceAccounts: ['ns:app'] });
    const template = Template.fromStack(stack).toJSON();
    const providerRef = { Ref: stack.getLogicalId(provider.node.defaultChild as iam.CfnOIDCProvider) };
    const statements = trustStatements(role);
    expect(statements).toEqual([{
      Effect: 'Allow',
      Principal: { Federated: providerRef },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { 'Fn::GetAtt': [expect.any(String), 'Value'] },
    }]);
    const conditionResource = template.Resources[statements[0].Condition['Fn::GetAtt'][0]];
    expect(conditionResource.Type).toBe('Custom::AWSCDKCfnJson');
    // At deploy time the issuer is the part of the provider ARN after ":oidc-provider/".
    const issuerExpression = { 'Fn::Select': [1, { 'Fn::Split': [':oidc-provider/', providerRef] }] };
    const [separator, parts] = conditionResource.Properties.Value['Fn::Join'];
    expect(separator).toBe('');
    parts.filter((p: unknown) => typeof p !== 'string').forEach((p: unknown) => expect(p).toEqual(issuerExpression));
    const condition = JSON.parse(parts.map((p: unknown) => typeof p === 'string' ? p : ISSUER).join(''));
    expect(condition).toEqual(irsaStatement(providerRef, ISSUER, 'system:serviceaccount:ns:app').Condition);
  });

  test('serviceAccountAnnotations binds a ServiceAccount to the role', () => {
    const stack = newStack();
    const role = new IrsaRole(stack, 'Role', { issuers: [OidcIssuer.fromIssuerUrl(ISSUER_URL)], serviceAccounts: ['ns:app'] });
    expect(role.serviceAccountAnnotations).toEqual({ 'eks.amazonaws.com/role-arn': role.roleArn });
    expect(stack.resolve(role.serviceAccountAnnotations)).toEqual({ 'eks.amazonaws.com/role-arn': arnOf(role) });
  });

  test('addServiceAccountManifest adds the annotated ServiceAccount to the cluster', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const role = new IrsaRole(stack, 'Role', { issuers: [OidcIssuer.fromCluster(cluster)], serviceAccounts: ['ns:app'] });
    const manifest = role.addServiceAccountManifest(cluster, 'ns', 'app');
    expect(manifest).toBeInstanceOf(eks.KubernetesManifest);
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::AWSCDK-EKS-KubernetesResource', 1);
    template.hasResourceProperties('Custom::AWSCDK-EKS-KubernetesResource', {
      ClusterName: 'c',
      RoleArn: 'arn:aws:iam::123456789012:role/kubectl',
    });
    const resource = Object.values(template.findResources('Custom::AWSCDK-EKS-KubernetesResource'))[0];
    const [separator, parts] = resource.Properties.Manifest['Fn::Join'];
    expect(separator).toBe('');
    expect(parts.filter((p: unknown) => typeof p !== 'string')).toEqual([arnOf(role)]);
    const objects = JSON.parse(parts.map((p: unknown) => typeof p === 'string' ? p : 'ROLE_ARN').join(''));
    expect(objects).toEqual([{
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'app',
        namespace: 'ns',
        annotations: { 'eks.amazonaws.com/role-arn': 'ROLE_ARN' },
        labels: expect.any(Object),
      },
    }]);
  });

  test('addServiceAccountManifest accepts a service account matched by a wildcard', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const role = new IrsaRole(stack, 'Role', { issuers: [OidcIssuer.fromCluster(cluster)], serviceAccounts: ['jobs:worker-*'] });
    role.addServiceAccountManifest(cluster, 'jobs', 'worker-7');
    Template.fromStack(stack).hasResourceProperties('Custom::AWSCDK-EKS-KubernetesResource', {
      Manifest: { 'Fn::Join': ['', ['[{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"worker-7","namespace":"jobs","annotations":{"eks.amazonaws.com/role-arn":"', arnOf(role), Match.stringLikeRegexp('^"}')]] },
    });
  });

  test('addServiceAccountManifest for a service account the role does not trust throws', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const role = new IrsaRole(stack, 'Role', { issuers: [OidcIssuer.fromCluster(cluster)], serviceAccounts: ['ns:app', 'jobs:worker-*'] });
    expect(() => role.addServiceAccountManifest(cluster, 'ns', 'other'))
      .toThrow(/^Stack\/Role: invalid addServiceAccountManifest "ns:other": the role does not trust this service account; it trusts ns:app, jobs:worker-\*/);
    expect(() => role.addServiceAccountManifest(cluster, 'jobs', 'runner')).toThrow(/"jobs:runner": the role does not trust/);
  });

  test('no issuers throws', () => {
    expect(() => new IrsaRole(newStack(), 'Role', { issuers: [], serviceAccounts: ['ns:app'] }))
      .toThrow(/^Stack\/Role: invalid issuers \[\]: give at least one OIDC issuer/);
  });

  test('no service accounts throws', () => {
    expect(() => new IrsaRole(newStack(), 'Role', { issuers: [OidcIssuer.fromIssuerUrl(ISSUER_URL)], serviceAccounts: [] }))
      .toThrow(/^Stack\/Role: invalid serviceAccounts \[\]: give at least one service account/);
  });

  test('malformed service accounts throw with the value', () => {
    expect(() => new IrsaRole(newStack(), 'Role', { issuers: [OidcIssuer.fromIssuerUrl(ISSUER_URL)], serviceAccounts: ['external-dns'] }))
      .toThrow(/^Stack\/Role: invalid .*service account "external-dns" must be written "namespace:name"/);
    expect(() => new IrsaRole(newStack(), 'Role', { issuers: [OidcIssuer.fromIssuerUrl(ISSUER_URL)], serviceAccounts: ['Kube-System:dns'] }))
      .toThrow(/^Stack\/Role: invalid .*namespace "Kube-System"/);
  });

  test('two clusters: a provider ARN template of the stack account and an issuer URL, with a wildcard namespace', () => {
    const stack = newStack({ id: 'Dns', env: { account: '123456789012', region: 'us-east-1' } });
    const role = new IrsaRole(stack, 'ExternalDns', {
      issuers: [
        OidcIssuer.fromProviderArn('arn:{partition}:iam::{account}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC'),
        OidcIssuer.fromIssuerUrl('https://oidc.eks.us-west-2.amazonaws.com/id/DEF'),
      ],
      serviceAccounts: ['kube-system:external-dns', 'dns-*:external-dns'],
    });
    const west = join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/DEF');
    const westIssuer = 'oidc.eks.us-west-2.amazonaws.com/id/DEF';
    expect(trustStatements(role)).toEqual([
      irsaStatement(OWN_PROVIDER, ISSUER, 'system:serviceaccount:kube-system:external-dns'),
      irsaStatement(OWN_PROVIDER, ISSUER, 'system:serviceaccount:dns-*:external-dns', 'StringLike'),
      irsaStatement(west, westIssuer, 'system:serviceaccount:kube-system:external-dns'),
      irsaStatement(west, westIssuer, 'system:serviceaccount:dns-*:external-dns', 'StringLike'),
    ]);
  });
});
