import { AssumableRole, GitHubSubjectFormat, IrsaRole, OidcIssuer, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, GITHUB_AUD, GITHUB_ISSUER, githubWebIdentity, plainRole } from '../validation-support';

describe('OidcSubjectTooBroad (warning)', () => {
  const EKS = OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE');

  test.each([
    ['every service account of the cluster', ['*:*'], '"system:serviceaccount:*:*"'],
    ['every service account, next to a named one', ['*:*', 'payments:api'], '"system:serviceaccount:*:*"'],
  ])('is reported for an IrsaRole trusting %s', (_label, serviceAccounts, shown) => {
    const stack = newStack();
    new IrsaRole(stack, 'Role', { issuers: [EKS], serviceAccounts });
    expect(findingMessages(stack, 'OidcSubjectTooBroad', 'warning').map((m) => m.message)).toEqual([
      expect.stringMatching(new RegExp(`^\\[cdk-assumable-roles:OidcSubjectTooBroad\\] trust statement \\d \\(sts:AssumeRoleWithWebIdentity\\) accepts any subject of the issuer \\(${shown.replace(/[*]/g, '\\*')}\\)\\. Name the namespace`)),
    ]);
  });

  test.each([
    ['repo:*', 'StringLike'],
    ['repo:*/*:*', 'StringLike'],
    ['*', 'StringLike'],
  ])('is reported for a plain role whose GitHub sub is %s', (sub, operator) => {
    const stack = checkedStack();
    plainRole(stack, [githubWebIdentity({ StringEquals: GITHUB_AUD, [operator]: { [`${GITHUB_ISSUER}:sub`]: sub } })]);
    expectFinding(stack, 'OidcSubjectTooBroad', 'warning');
  });

  test.each([
    ['a namespace wildcard', () => new IrsaRole(newStack(), 'Role', { issuers: [EKS], serviceAccounts: ['payments:*'] })],
    ['named service accounts', () => new IrsaRole(newStack(), 'Role', { issuers: [EKS], serviceAccounts: ['payments:api', 'jobs:runner-?'] })],
    ['a repository with any ref', () => new AssumableRole(newStack(), 'Role', { trust: [Trust.githubActions({ repository: 'octo-org/app' })] })],
    ['every repository of an organization', () => new AssumableRole(newStack(), 'Role', { trust: [Trust.githubActions({ repository: 'octo-org/*' })] })],
  ])('is not reported for %s', (_label, build) => {
    const role = build();
    expectNoFinding(role.stack, 'OidcSubjectTooBroad', 'warning');
  });

  test.each([
    ['any repository of anyone, on main', GITHUB_ISSUER, 'repo:*:ref:refs/heads/main'],
    ['any GitLab group\'s project "web"', 'gitlab.com', 'project_path:*/web:ref_type:branch:ref:main'],
    ['any GitLab project', 'gitlab.com', 'project_path:*'],
    ['any HCP Terraform organization\'s workspace "prod"', 'app.terraform.io', 'organization:*:project:*:workspace:prod:run_phase:*'],
  ])('is reported for %s (%s)', (_label, issuer, sub) => {
    const stack = checkedStack();
    plainRole(stack, [{
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${issuer}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${issuer}:sub`]: sub } },
    }]);
    expect(findingMessages(stack, 'OidcSubjectTooBroad', 'warning').map((m) => m.message)).toEqual([
      expect.stringContaining(`accepts any owner, group or organization of the issuer (${JSON.stringify(sub)})`),
    ]);
  });

  test.each([
    ['every project of a GitLab group', () => Trust.gitlabCi({ project: 'acme/*', branches: ['main'] })],
    ['any ref of a GitLab project', () => Trust.gitlabCi({ project: 'acme/web' })],
    ['every workspace of an HCP Terraform organization', () => Trust.hcpTerraform({ organization: 'acme' })],
    ['every repository of a GitHub owner pinned by ID (immutable subjects)',
      () => Trust.githubActions({ repository: 'octo-org/*', subjectFormat: GitHubSubjectFormat.IMMUTABLE, repositoryOwnerId: '123456' })],
  ])('is not reported for %s', (_label, make) => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [make()] });
    expectNoFinding(stack, 'OidcSubjectTooBroad', 'warning');
  });

  test('is not reported for "repo:*" under StringEquals, where "*" is literal: WildcardInExactOperator says so', () => {
    const stack = checkedStack();
    plainRole(stack, [githubWebIdentity({ StringEquals: { ...GITHUB_AUD, [`${GITHUB_ISSUER}:sub`]: 'repo:*' } })]);
    expectNoFinding(stack, 'OidcSubjectTooBroad', 'warning');
    expectFinding(stack, 'WildcardInExactOperator', 'warning');
  });
});
