/**
 * Who may assume a role trusting GitHub Actions or another OpenID Connect provider: workflows
 * of the trusted repository and refs, with a token for STS (or the configured audience), through
 * the configured IAM OIDC provider.
 */
import { allow, deny, describeCases, GITHUB, HOME, PARTNER, STRANGER } from './evaluation-fixtures';
import { AssumableRole, OidcIssuer, Trust } from '../../src';
import { newStack } from '../support/stacks';
import { Callers } from '../support/trust-evaluator';

const gh = (sub: string, options: { aud?: string; providerAccount?: string } = {}) => Callers.webIdentity(GITHUB, sub, options);
const branch = (repo: string, name: string) => `repo:${repo}:ref:refs/heads/${name}`;
const tag = (repo: string, name: string) => `repo:${repo}:ref:refs/tags/${name}`;

describeCases('Trust.githubActions with branches, tags, an environment and pull requests', () => {
  const stack = newStack();
  const trust = Trust.githubActions({
    repository: 'octo-org/app', branches: ['main', 'release/*'], tags: ['v*'], environments: ['prod'], pullRequests: true,
  });
  return { stack, role: new AssumableRole(stack, 'Deploy', { trust: [trust] }) };
}, [
  allow('the main branch', gh(branch('octo-org/app', 'main'))),
  allow('a release branch', gh(branch('octo-org/app', 'release/2024.1'))),
  allow('a version tag', gh(tag('octo-org/app', 'v1.2.3'))),
  allow('the prod environment', gh('repo:octo-org/app:environment:prod')),
  allow('a pull request', gh('repo:octo-org/app:pull_request')),
  deny('a feature branch', gh(branch('octo-org/app', 'feature/x'))),
  deny('a branch extending an exact one', gh(branch('octo-org/app', 'main-evil'))),
  deny('a branch named like the tag pattern', gh(branch('octo-org/app', 'v1.2.3'))),
  deny('a tag named like a branch', gh(tag('octo-org/app', 'main'))),
  deny('releases/x (release/* needs the exact prefix)', gh(branch('octo-org/app', 'releases/x'))),
  deny('another environment', gh('repo:octo-org/app:environment:staging')),
  deny('another repository of the organization', gh(branch('octo-org/other', 'main'))),
  deny('a repository whose name extends the trusted one', gh(branch('octo-org/app-evil', 'main'))),
  deny('the same repository name in another organization', gh(branch('evil-org/app', 'main'))),
  deny('the right subject for another audience', gh(branch('octo-org/app', 'main'), { aud: 'sigstore' })),
  deny('the right subject through a provider in another account', gh(branch('octo-org/app', 'main'), { providerAccount: STRANGER })),
  deny('the same subject from another issuer', Callers.webIdentity('gitlab.com', branch('octo-org/app', 'main'))),
  deny('the web identity call with session tags (not enabled)', gh(branch('octo-org/app', 'main')), ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']),
  deny('a role of the account', Callers.role(HOME, 'ci')),
]);

describeCases('Trust.githubActions for a whole repository', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Ci', { trust: [Trust.githubActions({ repository: 'octo-org/app' })] }) };
}, [
  allow('any branch', gh(branch('octo-org/app', 'feature/x'))),
  allow('any environment', gh('repo:octo-org/app:environment:staging')),
  allow('a pull request', gh('repo:octo-org/app:pull_request')),
  deny('a repository whose name extends the trusted one', gh(branch('octo-org/app2', 'main'))),
  deny('another organization', gh(branch('octo-org-evil/app', 'main'))),
]);

describeCases('Trust.githubActions for every repository of an organization, on main, with session tags', () => {
  const stack = newStack();
  const trust = Trust.githubActions({ repository: 'octo-org/*', branches: ['main'] }).withSessionTags();
  return { stack, role: new AssumableRole(stack, 'OrgCi', { trust: [trust] }) };
}, [
  allow('main of any repository of the organization, with session tags', gh(branch('octo-org/app', 'main')), ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']),
  allow('main of another repository', gh(branch('octo-org/infra', 'main'))),
  deny('a feature branch', gh(branch('octo-org/app', 'feature'))),
  deny('an organization whose name extends the trusted one', gh(branch('octo-org-evil/app', 'main'))),
  deny('another organization', gh(branch('evil/app', 'main'))),
  deny('session tags with the wrong audience', gh(branch('octo-org/app', 'main'), { aud: 'sigstore' }), ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']),
]);

// STS accepts web identities only through an IAM OIDC provider of the role's own account: a
// trust naming another account's provider can never be used (the library accepts it, see report).
describeCases('Trust.githubActions naming a provider of another account', () => {
  const stack = newStack();
  const issuer = OidcIssuer.githubActions(`arn:{partition}:iam::${PARTNER}:oidc-provider/${GITHUB}`);
  return { stack, role: new AssumableRole(stack, 'Shared', { trust: [Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], issuer })] }) };
}, [
  deny('a token presented to that provider (federation is same-account only)', gh(branch('octo-org/app', 'main'), { providerAccount: PARTNER })),
  deny('a token presented to a provider in the role\'s account', gh(branch('octo-org/app', 'main'))),
]);

describeCases('Trust.openIdConnect with custom audiences', () => {
  const stack = newStack();
  const issuer = OidcIssuer.fromProviderArn('arn:{partition}:iam::{account}:oidc-provider/auth.example.com/tenant-1');
  const trust = Trust.openIdConnect(issuer, { subjects: ['user-1', 'group:admins:*'], audiences: ['client-a', 'client-b'] });
  return { stack, role: new AssumableRole(stack, 'App', { trust: [trust] }) };
}, [
  allow('user-1 for client-a', Callers.webIdentity('auth.example.com/tenant-1', 'user-1', { aud: 'client-a' })),
  allow('an admin for client-b', Callers.webIdentity('auth.example.com/tenant-1', 'group:admins:bob', { aud: 'client-b' })),
  deny('user-1 with the STS default audience (replaced, not added)', Callers.webIdentity('auth.example.com/tenant-1', 'user-1')),
  deny('user-2', Callers.webIdentity('auth.example.com/tenant-1', 'user-2', { aud: 'client-a' })),
  deny('group:users:bob', Callers.webIdentity('auth.example.com/tenant-1', 'group:users:bob', { aud: 'client-a' })),
  deny('another tenant of the issuer', Callers.webIdentity('auth.example.com/tenant-2', 'user-1', { aud: 'client-a' })),
]);

describeCases('Trust.openIdConnect(...).withAudiences', () => {
  const stack = newStack();
  const issuer = OidcIssuer.fromProviderArn('arn:{partition}:iam::{account}:oidc-provider/auth.example.com');
  const trust = Trust.openIdConnect(issuer, { subjects: ['svc-*'] }).withAudiences(['api://default']);
  return { stack, role: new AssumableRole(stack, 'Svc', { trust: [trust] }) };
}, [
  allow('svc-billing for api://default', Callers.webIdentity('auth.example.com', 'svc-billing', { aud: 'api://default' })),
  deny('svc-billing for sts.amazonaws.com', Callers.webIdentity('auth.example.com', 'svc-billing')),
  deny('user-1 for api://default', Callers.webIdentity('auth.example.com', 'user-1', { aud: 'api://default' })),
]);

describeCases('Trust.openIdConnect with a wildcard audience', () => {
  const stack = newStack();
  const issuer = OidcIssuer.fromProviderArn('arn:{partition}:iam::{account}:oidc-provider/auth.example.com');
  return { stack, role: new AssumableRole(stack, 'Wild', { trust: [Trust.openIdConnect(issuer, { subjects: ['user-1'], audiences: ['client-*'] })] }) };
}, [
  allow('user-1 for client-web', Callers.webIdentity('auth.example.com', 'user-1', { aud: 'client-web' })),
  deny('user-1 for a client outside the pattern', Callers.webIdentity('auth.example.com', 'user-1', { aud: 'other-client' })),
  deny('user-10 (the subject stays exact)', Callers.webIdentity('auth.example.com', 'user-10', { aud: 'client-web' })),
]);

// configure-aws-credentials documents the audience sts.amazonaws.com.cn for the China partition;
// Trust.githubActions expects sts.amazonaws.com in every partition unless told otherwise.
describeCases('Trust.githubActions and the China audience', () => {
  const stack = newStack();
  return {
    stack,
    role: new AssumableRole(stack, 'China', {
      trust: [
        Trust.githubActions({ repository: 'octo-org/app', branches: ['main'] }),
        Trust.githubActions({ repository: 'octo-org/cn-app', branches: ['main'] }).withAudiences(['sts.amazonaws.com.cn']),
      ],
    }),
  };
}, [
  deny('a token for sts.amazonaws.com.cn with the default audience', gh(branch('octo-org/app', 'main'), { aud: 'sts.amazonaws.com.cn' })),
  allow('a token for sts.amazonaws.com.cn with withAudiences', gh(branch('octo-org/cn-app', 'main'), { aud: 'sts.amazonaws.com.cn' })),
  deny('a token for sts.amazonaws.com once the audience is replaced', gh(branch('octo-org/cn-app', 'main'))),
], ['aws-cn']);
