/**
 * Bad input to Web-identity trust (src/trust/web-identity-trust.ts): EKS service accounts, OpenID
 * Connect and GitHub Actions. Each row is built in a fresh stack and must give exactly the outcome
 * a user sees; the tables and their runners are in test/support/bad-input.ts.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { Trust } from '../../src';
import { describeErrorRows, EKS_ISSUER, ErrorRow, REF_P, trusting } from '../support/bad-input';
import { newStack, stringParameter } from '../support/stacks';

const ERROR_ROWS: ErrorRow[] = [
  // ---- Trust: EKS service accounts and OIDC ----
  {
    name: 'EKS service account without a namespace',
    build: (s) => trusting(s, Trust.eksServiceAccounts(EKS_ISSUER, ['default'])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:default)": service account "default" must be written "namespace:name"',
  },
  {
    name: 'EKS service account given as the whole subject system:serviceaccount:ns:name',
    build: (s) => trusting(s, Trust.eksServiceAccounts(EKS_ISSUER, ['system:serviceaccount:payments:api'])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:system:serviceaccount:payments:api)": '
      + 'service account "system:serviceaccount:payments:api" must be written "namespace:name"',
  },
  {
    name: 'EKS namespace with upper-case letters',
    build: (s) => trusting(s, Trust.eksServiceAccount(EKS_ISSUER, 'Payments', 'api')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:Payments:api)": '
      + 'namespace "Payments" in "Payments:api" must be a lowercase DNS label of at most 63 characters (a-z, 0-9, "-"; "*" and "?" as wildcards)',
  },
  {
    name: 'EKS namespace of 64 characters',
    build: (s) => trusting(s, Trust.eksServiceAccount(EKS_ISSUER, 'n'.repeat(64), 'api')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:${'n'.repeat(64)}:api)": `
      + `namespace "${'n'.repeat(64)}" in "${'n'.repeat(64)}:api" must be a lowercase DNS label of at most 63 characters (a-z, 0-9, "-"; "*" and "?" as wildcards)`,
  },
  {
    name: 'EKS service account name with an underscore',
    build: (s) => trusting(s, Trust.eksServiceAccount(EKS_ISSUER, 'payments', 'api_server')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:payments:api_server)": '
      + 'service account name "api_server" in "payments:api_server" must be a lowercase DNS name of at most 253 characters (a-z, 0-9, "-", "."; "*" and "?" as wildcards)',
  },
  {
    name: 'Trust.eksServiceAccounts with no service account',
    build: (s) => trusting(s, Trust.eksServiceAccounts(EKS_ISSUER, [])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.eksServiceAccounts()": Trust.eksServiceAccounts needs at least one subject; '
      + 'without a "sub" condition every identity of the issuer could assume the role',
  },
  {
    name: 'Trust.openIdConnect with no subject',
    build: (s) => trusting(s, Trust.openIdConnect(EKS_ISSUER, { subjects: [] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.openIdConnect()": Trust.openIdConnect needs at least one subject; without a "sub" condition every identity of the issuer could assume the role',
  },
  {
    name: 'Trust.openIdConnect with an empty audience list',
    build: (s) => trusting(s, Trust.openIdConnect(EKS_ISSUER, { subjects: ['user-1'], audiences: [] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.openIdConnect(user-1)": Trust.openIdConnect needs at least one audience ("aud")',
  },

  // ---- Trust: GitHub Actions ----
  {
    name: 'GitHub repository without the owner',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org' })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org:*)": repository "octo-org" must be written "owner/name"',
  },
  {
    name: 'GitHub repository given as a URL',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'https://github.com/octo-org/app' })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:https://github.com/octo-org/app:*)": repository "https://github.com/octo-org/app" must be written "owner/name"',
  },
  {
    name: 'GitHub branch with a space',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', branches: ['release 1'] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app:ref:refs/heads/release 1)": branch, tag or environment "release 1" must be non-empty and contain no whitespace',
  },
  {
    name: 'GitHub environment that is empty',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', environments: [''] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app:environment:)": branch, tag or environment "" must be non-empty and contain no whitespace',
  },
  {
    name: 'GitHub trust with withAudiences([])',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', branches: ['main'] }).withAudiences([])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app:ref:refs/heads/main)": Trust.githubActions needs at least one audience ("aud")',
  },
];

describeErrorRows('Web-identity trust: bad inputs throw the exact error', ERROR_ROWS);

/**
 * Problems found while writing the bad-input table, now fixed: each test states the behaviour the
 * library promises (bad input names the construct path, the field, the value and the rule;
 * deploy-time values are skipped, never a crash). The comments say what happened before.
 */
describe('Web-identity trust: regressions found by the bad-input table', () => {
  test('a GitHub repository that is a token is skipped', () => {
    // Before: "invalid trust[0] ...: repository "${Token[TOKEN.n]}" must be written "owner/name"".
    const stack = newStack();
    trusting(stack, Trust.githubActions({ repository: stringParameter(stack), branches: ['main'] }));
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).toContain(REF_P);
  });
});
