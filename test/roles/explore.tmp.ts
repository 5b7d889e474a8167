import { App, Stack, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as eks from 'aws-cdk-lib/aws-eks';
import { ServiceRole, CrossAccountRole, IrsaRole, PermissionsBoundary, OidcIssuer, AssumableRole, Trust } from '../../src';
const app = new App();
const stack = new Stack(app, 'Stack');
const r = new ServiceRole(stack, 'Fn', { services: ['lambda'], restrictToSourceAccount: true, sourceArns: ['arn:{partition}:events:{region}:{account}:rule/*'],
  managedPolicyArns: ['arn:{partition}:iam::{account}:policy/x'], awsManagedPolicyNames: ['ReadOnlyAccess'], permissionsBoundary: PermissionsBoundary.fromName('b'),
  tags: { a: 'b' }, removalPolicy: RemovalPolicy.RETAIN, outputs: true, maxSessionDuration: Duration.hours(2),
  inlinePolicyJson: { p: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:{partition}:s3:::b/${aws:username}/*"}}' } });
const o = new Stack(app, 'O');
const p = new iam.Role(o, 'Fn', { assumedBy: new iam.ServicePrincipal('lambda') });
console.log(stack.getLogicalId(r.role.node.defaultChild as any), o.getLogicalId(p.node.defaultChild as any));
new CrossAccountRole(stack, 'X', { trustedAccounts: ['111122223333', '444455556666'], trustedRoleArns: ['arn:{partition}:iam::111122223333:role/ci'], externalIds: ['abc123'], requireMfa: true, mfaMaxAge: Duration.hours(1), sessionTags: true });
const cluster = eks.Cluster.fromClusterAttributes(stack, 'C', { clusterName: 'c', kubectlRoleArn: 'arn:aws:iam::123456789012:role/kubectl', openIdConnectProvider: iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'P', 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC') });
const irsa = new IrsaRole(stack, 'I', { issuers: [OidcIssuer.fromCluster(cluster)], serviceAccounts: ['ns:app', 'ns:job-*'] });
irsa.addServiceAccountManifest(cluster, 'ns', 'app');
const a = new AssumableRole(stack, 'A', { trust: [Trust.service('ec2')] });
a.role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], principals: [new iam.AccountPrincipal('111111111111')] }));
const t = Template.fromStack(stack).toJSON();
console.log(JSON.stringify(t, null, 1));
