/**
 * Bad input to IrsaRole (src/roles/irsa-role.ts): its issuers, service accounts and manifests.
 * Each row is built in a fresh stack and must give exactly the outcome a user sees; the tables and
 * their runners are in test/support/bad-input.ts.
 */
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IrsaRole, OidcIssuer } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, EKS_ISSUER, ErrorRow, REF_P } from '../support/bad-input';
import { newStack, stringParameter } from '../support/stacks';
import { findingMessages } from '../validation/validation-support';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'IrsaRole with no issuer',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [], serviceAccounts: ['payments:api'] }),
    at: 'construction',
    error: 'Stack/Role: invalid issuers []: give at least one OIDC issuer, e.g. OidcIssuer.fromCluster(cluster)',
  },
  {
    name: 'IrsaRole with no service account',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: [] }),
    at: 'construction',
    error: 'Stack/Role: invalid serviceAccounts []: give at least one service account as "namespace:name"',
  },
  {
    name: 'IrsaRole service account written namespace/name',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: ['payments/api'] }),
    at: 'construction',
    error: 'Stack/Role: invalid serviceAccounts ["payments/api"]: service account "payments/api" must be written "namespace:name"',
  },
  {
    // Kubernetes namespaces are DNS labels: the catalog once accepted this and the construct did not.
    name: 'IrsaRole namespace with a dot',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: ['team.a:api'] }),
    at: 'construction',
    error: 'Stack/Role: invalid serviceAccounts ["team.a:api"]: namespace "team.a" in "team.a:api" must be a lowercase DNS label of at most 63 characters (a-z, 0-9, "-"; "*" and "?" as wildcards)',
  },
  {
    name: 'IrsaRole second issuer given as a provider host instead of an ARN',
    build: (s) => new IrsaRole(s, 'Role', {
      issuers: [EKS_ISSUER, OidcIssuer.fromProviderArn('oidc.eks.eu-west-1.amazonaws.com/id/X')],
      serviceAccounts: ['payments:api'],
    }),
    at: 'construction',
    error: 'Stack/Role: invalid issuers[1] "Trust.eksServiceAccounts(system:serviceaccount:payments:api)": '
      + 'OIDC provider: "oidc.eks.eu-west-1.amazonaws.com/id/X" is not an ARN (it must start with "arn:")',
  },
  {
    name: 'IrsaRole manifest for a service account the role does not trust',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: ['payments:api'] }).serviceAccountManifestYaml('payments', 'worker'),
    at: 'construction',
    error: 'Stack/Role: invalid serviceAccountManifestYaml "payments:worker": the role does not trust this service account; it trusts payments:api',
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'IrsaRole with wildcard service accounts',
    build: (s) => new IrsaRole(s, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: ['jobs:worker-*', '*:reader'] }),
    inTemplate: '"StringLike":{"oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789:sub":["system:serviceaccount:jobs:worker-*","system:serviceaccount:*:reader"]}',
  },
];

describeErrorRows('IrsaRole: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('IrsaRole: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);

/**
 * Problems found while writing the bad-input table, now fixed: each test states the behaviour the
 * library promises (bad input names the construct path, the field, the value and the rule;
 * deploy-time values are skipped, never a crash). The comments say what happened before.
 */
describe('IrsaRole: regressions found by the bad-input table', () => {
  test('an IrsaRole service account whose name is a token is skipped', () => {
    // Before: "invalid serviceAccounts [...]: service account name "${Token[TOKEN.n]}" ... must be a lowercase DNS name".
    const stack = newStack();
    new IrsaRole(stack, 'Role', { issuers: [EKS_ISSUER], serviceAccounts: [`payments:${stringParameter(stack)}`] });
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).toContain(REF_P);
  });

  test('an IrsaRole trusting an OIDC provider of the same app has no error-level finding', () => {
    // Before: two PolicyGrammar errors, because the trust condition is a CfnJson ({"Fn::GetAtt": ...})
    // and the trust-policy schema reads "Fn::GetAtt" as a condition operator.
    const stack = newStack();
    const provider = new iam.OidcProviderNative(stack, 'Oidc', { url: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789' });
    new IrsaRole(stack, 'Role', { issuers: [OidcIssuer.fromOpenIdConnectProvider(provider)], serviceAccounts: ['payments:api'] });
    expect(findingMessages(stack, 'PolicyGrammar', 'error')).toEqual([]);
  });
});
