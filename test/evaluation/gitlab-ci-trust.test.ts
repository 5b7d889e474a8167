/**
 * Who may assume a role trusting GitLab CI: jobs of the trusted project and refs, with a token for
 * the configured audience, through the GitLab instance's IAM OIDC provider; on gitlab.com also
 * pinned by the project and namespace IDs and protected refs AWS evaluates there. Callers hold
 * whole tokens (ci-tokens.ts), so each look-alike changes one thing.
 */
import { GITLAB, gitLabJob } from './ci-tokens';
import { allow, deny, describeCases, STRANGER } from './evaluation-fixtures';
import { AssumableRole, OidcIssuer, Trust } from '../../src';
import { newStack } from '../support/stacks';
import { Callers } from '../support/trust-evaluator';

describeCases('Trust.gitlabCi: a branch and tags of a project on gitlab.com', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Deploy', { trust: [Trust.gitlabCi({ project: 'acme/web', branches: ['main'], tags: ['v*'] })] }) };
}, [
  allow('the main branch', gitLabJob()),
  allow('a version tag', gitLabJob({ refType: 'tag', ref: 'v1.2.3' })),
  deny('another branch', gitLabJob({ ref: 'feature' })),
  deny('a branch extending the trusted one', gitLabJob({ ref: 'main-evil' })),
  deny('a branch named like the tag pattern', gitLabJob({ ref: 'v1.2.3' })),
  deny('a tag named like the branch', gitLabJob({ refType: 'tag', ref: 'main' })),
  deny('another project of the group', gitLabJob({ project: 'acme/api' })),
  deny('a project whose name extends the trusted one', gitLabJob({ project: 'acme/web-evil' })),
  deny('a project of a subgroup named like the project', gitLabJob({ project: 'acme/web/evil' })),
  deny('the same project name in another group', gitLabJob({ project: 'evil/web' })),
  deny('a group whose name extends the trusted one', gitLabJob({ project: 'acme-evil/web' })),
  deny('the instance URL as audience (not configured)', gitLabJob({ aud: 'https://gitlab.com' })),
  deny('the same subject from a self-managed instance', gitLabJob({}, 'gitlab.example.com')),
  deny('the same subject from another issuer', Callers.webIdentity('app.terraform.io', 'project_path:acme/web:ref_type:branch:ref:main')),
  deny('the right token through a provider in another account', gitLabJob({ providerAccount: STRANGER })),
]);

describeCases('Trust.gitlabCi pinned by project ID, namespace ID and protected refs (gitlab.com)', () => {
  const stack = newStack();
  const trust = Trust.gitlabCi({ project: 'acme/web', branches: ['main'], projectId: '67890', namespaceId: '12345', protectedRefsOnly: true });
  return { stack, role: new AssumableRole(stack, 'Pinned', { trust: [trust] }) };
}, [
  allow('main of the project, protected, IDs matching', gitLabJob()),
  deny('a recycled path: same subject, another project ID', gitLabJob({ projectId: '99999' })),
  deny('the project moved to another namespace (same path, another namespace ID)', gitLabJob({ namespaceId: '54321' })),
  deny('an unprotected main branch', gitLabJob({ refProtected: false })),
]);

describeCases('Trust.gitlabCi for every project of a group, on main', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Group', { trust: [Trust.gitlabCi({ project: 'acme/*', branches: ['main'] })] }) };
}, [
  allow('a project of the group', gitLabJob({ project: 'acme/api' })),
  allow('a project of a subgroup (the wildcard spans "/")', gitLabJob({ project: 'acme/platform/api' })),
  deny('a group whose name extends the trusted one', gitLabJob({ project: 'acme-evil/api' })),
  deny('another branch of a project of the group', gitLabJob({ project: 'acme/api', ref: 'feature' })),
]);

describeCases('Trust.gitlabCi on a self-managed instance, with the instance URL as audience', () => {
  const stack = newStack();
  const trust = Trust.gitlabCi({ project: 'platform/app', branches: ['main'], issuer: OidcIssuer.gitlab('https://gitlab.example.com'), audiences: ['https://gitlab.example.com'] });
  return { stack, role: new AssumableRole(stack, 'SelfManaged', { trust: [trust] }) };
}, [
  allow('main of the project, on the instance', gitLabJob({ project: 'platform/app', aud: 'https://gitlab.example.com' }, 'gitlab.example.com')),
  deny('the same job on gitlab.com', gitLabJob({ project: 'platform/app', aud: 'https://gitlab.example.com' }, GITLAB)),
  deny('the STS audience (not configured)', gitLabJob({ project: 'platform/app' }, 'gitlab.example.com')),
]);
