/**
 * The trust statements of the CI presets as CloudFormation deploys them: GitHub Actions with its
 * subject formats and the claims AWS STS evaluates, GitLab CI and HCP Terraform. Every claim is
 * in the same statement as `sub`, so all of them must match.
 */
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { deployedStatements, deployedStatementsOf, rawStatements, roleTrusting } from './trust-fixtures';
import { GitHubSubjectFormat, HcpTerraformRunPhase, OidcIssuer, Trust } from '../../src';
import { newStack } from '../support/stacks';

const ACCOUNT = '123456789012';
const GITHUB = 'token.actions.githubusercontent.com';

function webIdentity(host: string, condition: object, partition = 'aws'): object {
  return { Effect: 'Allow', Principal: { Federated: `arn:${partition}:iam::${ACCOUNT}:oidc-provider/${host}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition };
}

describe('Trust.githubActions: subject formats and claims', () => {
  const AUD = { [`${GITHUB}:aud`]: 'sts.amazonaws.com' };

  test('the immutable format puts the IDs in the subject', () => {
    const trust = Trust.githubActions({
      repository: 'octo-org/app', branches: ['main'], subjectFormat: GitHubSubjectFormat.IMMUTABLE, repositoryOwnerId: '123456', repositoryId: '456789',
    });
    expect(deployedStatements([trust])).toEqual([
      webIdentity(GITHUB, { StringEquals: { ...AUD, [`${GITHUB}:sub`]: 'repo:octo-org@123456/app@456789:ref:refs/heads/main' } }),
    ]);
  });

  test('the repository ID and a reusable workflow pattern are in each statement of sub, exact and pattern alike', () => {
    const trust = Trust.githubActions({
      repository: 'octo-org/app', branches: ['main', 'release/*'], repositoryId: '456789', jobWorkflowRefs: ['octo-org/automation/.github/workflows/deploy.yml@refs/tags/v*'],
    });
    const claims = { [`${GITHUB}:job_workflow_ref`]: 'octo-org/automation/.github/workflows/deploy.yml@refs/tags/v*' };
    expect(deployedStatements([trust])).toEqual([
      webIdentity(GITHUB, { StringEquals: { ...AUD, [`${GITHUB}:repository_id`]: '456789', [`${GITHUB}:sub`]: 'repo:octo-org/app:ref:refs/heads/main' }, StringLike: claims }),
      webIdentity(GITHUB, { StringEquals: { ...AUD, [`${GITHUB}:repository_id`]: '456789' }, StringLike: { ...claims, [`${GITHUB}:sub`]: 'repo:octo-org/app:ref:refs/heads/release/*' } }),
    ]);
  });

  test('a customized template: the subject as the template writes it, the repository as a claim', () => {
    const trust = Trust.githubActions({
      repository: 'octo-org/*',
      subjectClaimKeys: ['repository_owner_id', 'job_workflow_ref'],
      repositoryOwnerId: '123456',
      jobWorkflowRefs: ['octo-org/automation/.github/workflows/deploy.yml@refs/heads/main'],
    });
    expect(deployedStatements([trust])).toEqual([
      webIdentity(GITHUB, {
        StringEquals: { ...AUD, [`${GITHUB}:sub`]: 'repository_owner_id:123456:job_workflow_ref:octo-org/automation/.github/workflows/deploy.yml@refs/heads/main' },
        StringLike: { [`${GITHUB}:repository`]: 'octo-org/*' },
      }),
    ]);
  });

  test('two values of a claim are ORed by IAM within the one condition', () => {
    const [statement] = deployedStatements([Trust.githubActions({ repository: 'octo-org/app', workflows: ['Deploy', 'Release'], actorIds: ['1', '2'] })]);
    expect(statement.Condition.StringEquals).toEqual({ ...AUD, [`${GITHUB}:workflow`]: ['Deploy', 'Release'], [`${GITHUB}:actor_id`]: ['1', '2'] });
  });

  test('withCondition and withAudiences keep the claims', () => {
    const trust = Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], repositoryId: '456789' }).withAudiences(['sts.amazonaws.com.cn']);
    expect(deployedStatements([trust], 'aws-cn')[0].Condition.StringEquals).toEqual({
      [`${GITHUB}:aud`]: 'sts.amazonaws.com.cn', [`${GITHUB}:repository_id`]: '456789', [`${GITHUB}:sub`]: 'repo:octo-org/app:ref:refs/heads/main',
    });
  });

  test('an issuer known only at deploy time: the claims are keyed by it, in CfnJson', () => {
    const stack = newStack();
    const provider = new iam.OpenIdConnectProvider(stack, 'GitHub', { url: `https://${GITHUB}`, clientIds: ['sts.amazonaws.com'] });
    const trust = Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], repositoryId: '456789', issuer: OidcIssuer.fromOpenIdConnectProvider(provider) });
    const [statement] = rawStatements([trust], stack);
    expect(statement.Condition).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^RoleTrustCondition/), 'Value'] });
    const cfnJson = Object.values(Template.fromStack(stack).findResources('Custom::AWSCDKCfnJson'));
    expect(cfnJson).toHaveLength(1);
    expect(JSON.stringify(cfnJson[0].Properties.Value)).toMatch(/:repository_id\\":\\"456789/);
  });
});

describe('Trust.gitlabCi', () => {
  const AUD = { 'gitlab.com:aud': 'sts.amazonaws.com' };

  test('a branch and tags of a project on gitlab.com, with the STS audience', () => {
    expect(deployedStatements([Trust.gitlabCi({ project: 'mygroup/myproject', branches: ['main'], tags: ['v*'] })])).toEqual([
      webIdentity('gitlab.com', { StringEquals: { ...AUD, 'gitlab.com:sub': 'project_path:mygroup/myproject:ref_type:branch:ref:main' } }),
      webIdentity('gitlab.com', { StringEquals: AUD, StringLike: { 'gitlab.com:sub': 'project_path:mygroup/myproject:ref_type:tag:ref:v*' } }),
    ]);
  });

  test('the project and namespace IDs and protected refs in the same statement, as GitLab\'s AWS guide shows', () => {
    const trust = Trust.gitlabCi({ project: 'mygroup/myproject', branches: ['main'], projectId: '67890', namespaceId: '12345', protectedRefsOnly: true });
    expect(deployedStatements([trust])).toEqual([
      webIdentity('gitlab.com', {
        StringEquals: {
          ...AUD,
          'gitlab.com:sub': 'project_path:mygroup/myproject:ref_type:branch:ref:main',
          'gitlab.com:project_id': '67890',
          'gitlab.com:namespace_id': '12345',
          'gitlab.com:ref_protected': 'true',
        },
      }),
    ]);
  });

  test('a self-managed instance by URL, with the audience its jobs ask for', () => {
    const trust = Trust.gitlabCi({ project: 'platform/app', branches: ['main'], issuer: OidcIssuer.gitlab('https://gitlab.example.com'), audiences: ['https://gitlab.example.com'] });
    expect(deployedStatements([trust])).toEqual([
      webIdentity('gitlab.example.com', {
        StringEquals: { 'gitlab.example.com:aud': 'https://gitlab.example.com', 'gitlab.example.com:sub': 'project_path:platform/app:ref_type:branch:ref:main' },
      }),
    ]);
  });

  test.each(['aws-cn', 'aws-us-gov'] as const)('the default provider ARN follows the partition (%s)', (partition) => {
    expect(deployedStatements([Trust.gitlabCi({ project: 'g/p', branches: ['main'] })], partition)[0].Principal)
      .toEqual({ Federated: `arn:${partition}:iam::${ACCOUNT}:oidc-provider/gitlab.com` });
  });
});

describe('Trust.hcpTerraform', () => {
  const AUD = { 'app.terraform.io:aud': 'aws.workload.identity' };

  test('one workspace, apply only, with HCP Terraform\'s AWS audience', () => {
    const trust = Trust.hcpTerraform({ organization: 'acme', projects: ['Default Project'], workspaces: ['prod'], runPhases: [HcpTerraformRunPhase.APPLY] });
    expect(deployedStatements([trust])).toEqual([
      webIdentity('app.terraform.io', { StringEquals: { ...AUD, 'app.terraform.io:sub': 'organization:acme:project:Default Project:workspace:prod:run_phase:apply' } }),
    ]);
  });

  test('any run phase of a workspace: StringLike, as HashiCorp\'s guide writes it', () => {
    expect(deployedStatements([Trust.hcpTerraform({ organization: 'acme', workspaces: ['prod'] })])).toEqual([
      webIdentity('app.terraform.io', { StringEquals: AUD, StringLike: { 'app.terraform.io:sub': 'organization:acme:project:*:workspace:prod:run_phase:*' } }),
    ]);
  });

  test('Terraform Enterprise by URL, with a custom audience', () => {
    const trust = Trust.hcpTerraform({ organization: 'acme', workspaces: ['prod'], runPhases: [HcpTerraformRunPhase.PLAN], issuer: OidcIssuer.hcpTerraform('https://tfe.example.com'), audiences: ['tfe-aws'] });
    expect(deployedStatementsOf(roleTrusting([trust]))).toEqual([
      webIdentity('tfe.example.com', { StringEquals: { 'tfe.example.com:aud': 'tfe-aws' }, StringLike: { 'tfe.example.com:sub': 'organization:acme:project:*:workspace:prod:run_phase:plan' } }),
    ]);
  });
});

describe('the checks stay silent on the CI presets as recommended', () => {
  test.each([
    ['GitHub Actions, immutable subjects', () => Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], subjectFormat: GitHubSubjectFormat.IMMUTABLE, repositoryOwnerId: '1', repositoryId: '2' })],
    ['GitHub Actions, an organization through a reusable workflow', () => Trust.githubActions({
      repository: 'octo-org/*', environments: ['prod'], repositoryOwnerId: '1', jobWorkflowRefs: ['octo-org/automation/.github/workflows/deploy.yml@refs/heads/main'],
    })],
    ['GitHub Actions, a customized template', () => Trust.githubActions({ repository: 'octo-org/app', subjectClaimKeys: ['repository_owner_id'], repositoryOwnerId: '1' })],
    ['GitLab CI, a branch pinned by project ID', () => Trust.gitlabCi({ project: 'acme/web', branches: ['main'], projectId: '67890', protectedRefsOnly: true })],
    ['GitLab CI, every project of a group', () => Trust.gitlabCi({ project: 'acme/*', branches: ['main'] })],
    ['GitLab CI, self-managed', () => Trust.gitlabCi({ project: 'platform/app', tags: ['v*'], issuer: OidcIssuer.gitlab('https://gitlab.example.com') })],
    ['HCP Terraform, one workspace, apply', () => Trust.hcpTerraform({ organization: 'acme', workspaces: ['prod'], runPhases: [HcpTerraformRunPhase.APPLY] })],
    ['HCP Terraform, the whole organization', () => Trust.hcpTerraform({ organization: 'acme' })],
  ])('%s', (_name, make) => {
    const stack = newStack();
    roleTrusting([make()], stack);
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});
