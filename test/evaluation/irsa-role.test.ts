/**
 * Who may assume an IrsaRole (or a role trusting Trust.eksServiceAccount(s)): a token of a
 * trusted service account, issued by a trusted cluster's OIDC provider for STS, and nothing else.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { allow, CLUSTER_A, CLUSTER_B, CLUSTER_C, deny, describeCases, HOME, PARTNER, STRANGER } from './evaluation-fixtures';
import { AssumableRole, IrsaRole, OidcIssuer, Trust } from '../../src';
import { newStack } from '../support/stacks';
import { Callers } from '../support/trust-evaluator';

const sa = (namespace: string, name: string) => `system:serviceaccount:${namespace}:${name}`;

describeCases('IrsaRole with two clusters, exact and wildcard service accounts', () => {
  const stack = newStack();
  return {
    stack,
    role: new IrsaRole(stack, 'Workload', {
      issuers: [
        OidcIssuer.fromProviderArn(`arn:{partition}:iam::{account}:oidc-provider/${CLUSTER_A}`),
        OidcIssuer.fromIssuerUrl(`https://${CLUSTER_B}`),
      ],
      serviceAccounts: ['payments:api', 'batch:job-*', 'monitoring:agent-?'],
    }),
  };
}, [
  allow('payments:api of cluster A', Callers.webIdentity(CLUSTER_A, sa('payments', 'api'))),
  allow('payments:api of cluster B', Callers.webIdentity(CLUSTER_B, sa('payments', 'api'))),
  allow('batch:job-nightly (job-*) of cluster A', Callers.webIdentity(CLUSTER_A, sa('batch', 'job-nightly'))),
  allow('batch:job-nightly (job-*) of cluster B', Callers.webIdentity(CLUSTER_B, sa('batch', 'job-nightly'))),
  allow('batch:job- (a * also matches nothing)', Callers.webIdentity(CLUSTER_A, sa('batch', 'job-'))),
  allow('monitoring:agent-1 (agent-?)', Callers.webIdentity(CLUSTER_A, sa('monitoring', 'agent-1'))),
  deny('another service account of the namespace', Callers.webIdentity(CLUSTER_A, sa('payments', 'web'))),
  deny('the service account name in another namespace', Callers.webIdentity(CLUSTER_A, sa('billing', 'api'))),
  deny('a name extending the exact one', Callers.webIdentity(CLUSTER_A, sa('payments', 'api-admin'))),
  deny('a name the wildcard must not match (jobx)', Callers.webIdentity(CLUSTER_A, sa('batch', 'jobx'))),
  deny('the wildcard name in another namespace', Callers.webIdentity(CLUSTER_A, sa('batch-evil', 'job-nightly'))),
  deny('agent-10 (? is exactly one character)', Callers.webIdentity(CLUSTER_A, sa('monitoring', 'agent-10'))),
  deny('a subject without the system:serviceaccount prefix', Callers.webIdentity(CLUSTER_A, 'payments:api')),
  deny('the right subject for another audience', Callers.webIdentity(CLUSTER_A, sa('payments', 'api'), { aud: 'kubernetes.default.svc' })),
  deny('the right subject from a third cluster', Callers.webIdentity(CLUSTER_C, sa('payments', 'api'))),
  deny('the right issuer registered as a provider in another account', Callers.webIdentity(CLUSTER_A, sa('payments', 'api'), { providerAccount: STRANGER })),
  deny('the web identity call with session tags (not enabled)', Callers.webIdentity(CLUSTER_A, sa('payments', 'api')), ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']),
  deny('a role of the account', Callers.role(HOME, 'node')),
  deny('a role of another account', Callers.role(PARTNER, 'node')),
]);

describeCases('IrsaRole with a namespace wildcard', () => {
  const stack = newStack();
  return {
    stack,
    role: new IrsaRole(stack, 'Reader', {
      issuers: [OidcIssuer.fromProviderArn(`arn:{partition}:iam::{account}:oidc-provider/${CLUSTER_A}`)],
      serviceAccounts: ['team-*:reader'],
    }),
  };
}, [
  allow('team-a:reader', Callers.webIdentity(CLUSTER_A, sa('team-a', 'reader'))),
  allow('team-payments:reader', Callers.webIdentity(CLUSTER_A, sa('team-payments', 'reader'))),
  deny('team-a:writer', Callers.webIdentity(CLUSTER_A, sa('team-a', 'writer'))),
  deny('teama:reader (the dash is literal)', Callers.webIdentity(CLUSTER_A, sa('teama', 'reader'))),
  deny('kube-system:reader', Callers.webIdentity(CLUSTER_A, sa('kube-system', 'reader'))),
]);

describeCases('IrsaRole of a cluster whose provider is defined in the stack (deploy-time issuer, CfnJson)', () => {
  const stack = newStack();
  const provider = new iam.OpenIdConnectProvider(stack, 'ClusterProvider', { url: `https://${CLUSTER_B}` });
  return {
    stack,
    role: new IrsaRole(stack, 'Dns', { issuers: [OidcIssuer.fromOpenIdConnectProvider(provider)], serviceAccounts: ['kube-system:external-dns', 'dns-*:sync'] }),
  };
}, [
  allow('kube-system:external-dns', Callers.webIdentity(CLUSTER_B, sa('kube-system', 'external-dns'))),
  allow('dns-zone1:sync', Callers.webIdentity(CLUSTER_B, sa('dns-zone1', 'sync'))),
  deny('kube-system:other', Callers.webIdentity(CLUSTER_B, sa('kube-system', 'other'))),
  deny('another cluster', Callers.webIdentity(CLUSTER_A, sa('kube-system', 'external-dns'))),
  deny('the wrong audience', Callers.webIdentity(CLUSTER_B, sa('kube-system', 'external-dns'), { aud: 'sts.amazonaws.com.evil' })),
]);

// STS accepts web identities only through an IAM OIDC provider of the role's own account, so the
// service account relationship naming another account's provider grants nothing.
describeCases('Trust.eksServiceAccount added to another role, with a provider in another account', () => {
  const stack = newStack();
  const issuer = OidcIssuer.fromProviderArn(`arn:{partition}:iam::${PARTNER}:oidc-provider/${CLUSTER_C}`);
  return {
    stack,
    role: new AssumableRole(stack, 'Shared', { trust: [Trust.account(PARTNER), Trust.eksServiceAccount(issuer, 'apps', 'uploader')] }),
  };
}, [
  deny('apps:uploader through the provider of the other account (federation is same-account only)',
    Callers.webIdentity(CLUSTER_C, sa('apps', 'uploader'), { providerAccount: PARTNER })),
  deny('apps:uploader through a provider of the same issuer in the role\'s account', Callers.webIdentity(CLUSTER_C, sa('apps', 'uploader'))),
  deny('apps:downloader', Callers.webIdentity(CLUSTER_C, sa('apps', 'downloader'), { providerAccount: PARTNER })),
  allow('a role of the trusted account (the other relationship)', Callers.role(PARTNER, 'admin')),
]);
