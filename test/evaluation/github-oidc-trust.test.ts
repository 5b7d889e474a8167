/**
 * Who may assume a role trusting GitHub Actions or another OpenID Connect provider: workflows
 * of the trusted repository and refs, with a token for STS (or the configured audience), through
 * the configured IAM OIDC provider.
 */
import { createValidatedPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { gitHubJob } from './ci-tokens';
import { allow, deny, describeCases, GITHUB, HOME, PARTNER, STRANGER } from './evaluation-fixtures';
import { AssumableRole, GitHubSubjectFormat, OidcIssuer, Trust } from '../../src';
import { newStack } from '../support/stacks';
import { Callers, TrustEvaluator, WebIdentityCaller } from '../support/trust-evaluator';

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

// ---- Subject formats and the claims AWS STS evaluates for GitHub tokens ----
// Callers hold whole tokens (test/evaluation/ci-tokens.ts): the subject and the other claims of
// one job, so each look-alike changes one thing.

const IDS = { repositoryOwnerId: '111111', repositoryId: '222222' };
const DEPLOY_WORKFLOW = 'octo-org/automation/.github/workflows/deploy.yml@refs/heads/main';

describeCases('Trust.githubActions with immutable subjects (owner and repository IDs)', () => {
  const stack = newStack();
  const trust = Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], subjectFormat: GitHubSubjectFormat.IMMUTABLE, ...IDS });
  return { stack, role: new AssumableRole(stack, 'Immutable', { trust: [trust] }) };
}, [
  allow('main of the repository, in the immutable format', gitHubJob({ immutable: true })),
  deny('the same job in the names format (not the format this trust expects)', gitHubJob()),
  deny('a recycled owner name: the same names with another owner ID', gitHubJob({ immutable: true, ownerId: '999999', repoId: '333333' })),
  deny('a recycled repository name: the same names with another repository ID', gitHubJob({ immutable: true, repoId: '333333' })),
  deny('another branch', gitHubJob({ immutable: true, ref: 'refs/heads/feature' })),
  deny('a repository whose name extends the trusted one, same owner', gitHubJob({ immutable: true, repo: 'app-evil', repoId: '333333' })),
]);

describeCases('Trust.githubActions by names, pinned by the repository_id and repository_owner_id claims', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Pinned', { trust: [Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], ...IDS })] }) };
}, [
  allow('main of the repository, whose IDs match', gitHubJob()),
  deny('a recycled repository name: same subject, another repository ID', gitHubJob({ repoId: '333333' })),
  deny('a recycled owner name: same subject, another owner ID', gitHubJob({ ownerId: '999999' })),
  deny('the right IDs on another branch', gitHubJob({ ref: 'refs/heads/feature' })),
  deny('the right claims with another audience', gitHubJob({ aud: 'sigstore' })),
]);

describeCases('Trust.githubActions for an organization\'s deployments through one reusable workflow', () => {
  const stack = newStack();
  const trust = Trust.githubActions({ repository: 'octo-org/*', environments: ['prod'], repositoryOwnerId: '111111', jobWorkflowRefs: [DEPLOY_WORKFLOW] });
  return { stack, role: new AssumableRole(stack, 'Central', { trust: [trust] }) };
}, [
  allow('a repository of the organization deploying to prod through the workflow', gitHubJob({ environment: 'prod', jobWorkflowRef: DEPLOY_WORKFLOW })),
  allow('another repository of the organization, through the workflow', gitHubJob({ repo: 'billing', repoId: '444444', environment: 'prod', jobWorkflowRef: DEPLOY_WORKFLOW })),
  deny('prod without the reusable workflow (no job_workflow_ref claim)', gitHubJob({ environment: 'prod' })),
  deny('the workflow at another ref', gitHubJob({ environment: 'prod', jobWorkflowRef: 'octo-org/automation/.github/workflows/deploy.yml@refs/heads/feature' })),
  deny('a copy of the workflow in the calling repository', gitHubJob({ environment: 'prod', jobWorkflowRef: 'octo-org/app/.github/workflows/deploy.yml@refs/heads/main' })),
  deny('the workflow from another environment', gitHubJob({ environment: 'staging', jobWorkflowRef: DEPLOY_WORKFLOW })),
  deny('an organization whose name extends the trusted one', gitHubJob({ owner: 'octo-org-evil', ownerId: '999999', environment: 'prod', jobWorkflowRef: DEPLOY_WORKFLOW })),
  deny('a recycled organization name (another owner ID)', gitHubJob({ ownerId: '999999', environment: 'prod', jobWorkflowRef: DEPLOY_WORKFLOW })),
]);

describeCases('Trust.githubActions with a customized subject template (repo, context, job_workflow_ref)', () => {
  const stack = newStack();
  const trust = Trust.githubActions({ repository: 'octo-org/app', environments: ['prod'], subjectClaimKeys: ['repo', 'context', 'job_workflow_ref'], jobWorkflowRefs: [DEPLOY_WORKFLOW] });
  return { stack, role: new AssumableRole(stack, 'Custom', { trust: [trust] }) };
}, [
  allow('a prod job through the workflow, with the template applied', gitHubJob({ environment: 'prod', jobWorkflowRef: DEPLOY_WORKFLOW, template: ['repo', 'context', 'job_workflow_ref'] })),
  deny('the same job without the template (GitHub\'s default subject)', gitHubJob({ environment: 'prod', jobWorkflowRef: DEPLOY_WORKFLOW })),
  deny('another environment, template applied', gitHubJob({ environment: 'staging', jobWorkflowRef: DEPLOY_WORKFLOW, template: ['repo', 'context', 'job_workflow_ref'] })),
]);

describeCases('Trust.githubActions with a template that names the owner ID only: the repository is still a claim', () => {
  const stack = newStack();
  const trust = Trust.githubActions({ repository: 'octo-org/app', subjectClaimKeys: ['repository_owner_id'], repositoryOwnerId: '111111' });
  return { stack, role: new AssumableRole(stack, 'OwnerTemplate', { trust: [trust] }) };
}, [
  allow('a job of the repository', gitHubJob({ template: ['repository_owner_id'] })),
  deny('another repository of the same owner (same subject, other repository claim)', gitHubJob({ repo: 'other', repoId: '444444', template: ['repository_owner_id'] })),
]);

describeCases('Trust.githubActions for Dependabot only (actor_id), on any branch', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Dependabot', { trust: [Trust.githubActions({ repository: 'octo-org/app', actorIds: ['49699333'], workflows: ['Deploy'] })] }) };
}, [
  allow('dependabot[bot] running Deploy', gitHubJob({ actor: 'dependabot[bot]', actorId: '49699333', ref: 'refs/heads/dependabot/npm/x' })),
  deny('another actor', gitHubJob({ actor: 'octocat', actorId: '583231' })),
  deny('an actor who took the login but not the ID', gitHubJob({ actor: 'dependabot[bot]', actorId: '1' })),
  deny('dependabot[bot] running another workflow', gitHubJob({ actor: 'dependabot[bot]', actorId: '49699333', workflow: 'Release' })),
]);

test('the engine evaluates the GitHub claims natively: only sub and aud go through the workaround', async () => {
  const stack = newStack();
  const role = new AssumableRole(stack, 'Native', { trust: [Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], ...IDS, jobWorkflowRefs: [DEPLOY_WORKFLOW] })] });
  const evaluator = TrustEvaluator.forStack(stack);
  const resolved = evaluator.role(role);
  const caller = gitHubJob({ jobWorkflowRef: DEPLOY_WORKFLOW }) as WebIdentityCaller;
  const direct = await runSimulation({
    request: {
      principal: `arn:aws:iam::${HOME}:oidc-provider/${GITHUB}`,
      action: 'sts:AssumeRoleWithWebIdentity',
      resource: { resource: resolved.arn, accountId: HOME },
      contextVariables: { [`${GITHUB}:sub`]: caller.sub, [`${GITHUB}:aud`]: 'sts.amazonaws.com', ...caller.context },
    },
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: createValidatedPolicy(resolved.trustPolicy, validateTrustPolicy, { name: 'trust' }),
  }, {});
  expect(direct.resultType === 'single' && [...(direct.result.ignoredContextKeys ?? [])].sort()).toEqual([`${GITHUB}:aud`, `${GITHUB}:sub`]);
  const decision = await evaluator.mayAssume(role, caller);
  expect([decision.allowed, decision.workarounds]).toEqual([true, ['oidc-claim-keys']]);
});
