/**
 * Trust policies written as JSON whose statements are exactly what a CI preset writes are lifted
 * into that preset (src/private/ci-lifting.ts), and render the same statements; any other
 * subject set stays a plain `Trust.openIdConnect`.
 */
import { HcpTerraformRunPhase, OidcIssuer, Trust, TrustRelationship } from '../../src';
import { rawStatements } from '../trust/trust-fixtures';

function oidc(host: string, condition: object): object {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:{partition}:iam::{account}:oidc-provider/${host}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition }],
  };
}

const GITHUB = 'token.actions.githubusercontent.com';
const PROVIDER = (host: string) => OidcIssuer.fromProviderArn(`arn:{partition}:iam::{account}:oidc-provider/${host}`);

const LIFTED: Array<[string, object, string, TrustRelationship]> = [
  ['GitHub branches, an environment with ":" and pull requests of one repository', oidc(GITHUB, {
    StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: ['repo:octo-org/app:ref:refs/heads/main', 'repo:octo-org/app:environment:prod%3Aeu', 'repo:octo-org/app:pull_request'] },
  }), 'Trust.githubActions(', Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], environments: ['prod:eu'], pullRequests: true, issuer: PROVIDER(GITHUB) })],
  ['GitHub, any ref of one repository, for the China audience', oidc(GITHUB, {
    StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com.cn' }, StringLike: { [`${GITHUB}:sub`]: 'repo:octo-org/app:*' },
  }), 'Trust.githubActions(', Trust.githubActions({ repository: 'octo-org/app', issuer: PROVIDER(GITHUB) }).withAudiences(['sts.amazonaws.com.cn'])],
  ['GitLab branch of a project (GitLab\'s AWS guide)', oidc('gitlab.com', {
    StringEquals: { 'gitlab.com:aud': 'https://gitlab.com', 'gitlab.com:sub': 'project_path:mygroup/myproject:ref_type:branch:ref:main' },
  }), 'Trust.gitlabCi(', Trust.gitlabCi({ project: 'mygroup/myproject', branches: ['main'], audiences: ['https://gitlab.com'], issuer: PROVIDER('gitlab.com') })],
  ['GitLab tags of every project of a group on a self-managed instance', oidc('gitlab.example.com', {
    StringEquals: { 'gitlab.example.com:aud': 'sts.amazonaws.com' }, StringLike: { 'gitlab.example.com:sub': 'project_path:platform/*:ref_type:tag:ref:v*' },
  }), 'Trust.gitlabCi(', Trust.gitlabCi({ project: 'platform/*', tags: ['v*'], issuer: OidcIssuer.gitlab('https://gitlab.example.com') })],
  ['HCP Terraform, any run phase of a workspace (HashiCorp\'s guide)', oidc('app.terraform.io', {
    StringEquals: { 'app.terraform.io:aud': 'aws.workload.identity' }, StringLike: { 'app.terraform.io:sub': 'organization:acme:project:Default Project:workspace:prod:run_phase:*' },
  }), 'Trust.hcpTerraform(', Trust.hcpTerraform({ organization: 'acme', projects: ['Default Project'], workspaces: ['prod'] })],
  ['HCP Terraform, two workspaces in apply', oidc('app.terraform.io', {
    StringEquals: { 'app.terraform.io:aud': 'aws.workload.identity' },
    StringLike: { 'app.terraform.io:sub': ['organization:acme:project:*:workspace:net:run_phase:apply', 'organization:acme:project:*:workspace:dns:run_phase:apply'] },
  }), 'Trust.hcpTerraform(', Trust.hcpTerraform({ organization: 'acme', workspaces: ['net', 'dns'], runPhases: [HcpTerraformRunPhase.APPLY] })],
];

describe('Trust.fromPolicyJson lifts statements a CI preset writes into that preset', () => {
  test.each(LIFTED)('%s', (_name, document, label, typed) => {
    const trust = Trust.fromPolicyJson(document);
    expect(trust.verbatimStatements).toEqual([]);
    expect(trust.liftedTrusts.map((t) => t.toString().slice(0, label.length))).toEqual([label]);
    expect(rawStatements([trust])).toEqual(rawStatements([typed]));
  });
});

const NOT_PRESETS: Array<[string, object]> = [
  ['two GitHub repositories in one statement', oidc(GITHUB, {
    StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: ['repo:octo-org/app:ref:refs/heads/main', 'repo:octo-org/api:ref:refs/heads/main'] },
  })],
  ['a GitHub immutable subject (names and IDs are not one repository option)', oidc(GITHUB, {
    StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:octo-org@1/app@2:ref:refs/heads/main' },
  })],
  ['a GitHub "any ref" next to a branch (the preset writes one or the other)', oidc(GITHUB, {
    StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: ['repo:octo-org/app:*', 'repo:octo-org/app:ref:refs/heads/release/*'] },
  })],
  ['two GitLab projects', oidc('gitlab.com', {
    StringEquals: { 'gitlab.com:aud': 'sts.amazonaws.com', 'gitlab.com:sub': ['project_path:a/web:ref_type:branch:ref:main', 'project_path:a/api:ref_type:branch:ref:main'] },
  })],
  ['HCP Terraform subjects that are not every combination of their fields', oidc('app.terraform.io', {
    StringEquals: {
      'app.terraform.io:aud': 'aws.workload.identity',
      'app.terraform.io:sub': ['organization:acme:project:A:workspace:net:run_phase:plan', 'organization:acme:project:B:workspace:dns:run_phase:apply'],
    },
  })],
  ['an HCP Terraform module test run', oidc('app.terraform.io', {
    StringEquals: { 'app.terraform.io:aud': 'aws.workload.identity', 'app.terraform.io:sub': 'organization:acme:module:vpc:operation:test_run' },
  })],
];

describe('other subject sets stay Trust.openIdConnect', () => {
  test.each(NOT_PRESETS)('%s', (_name, document) => {
    const trust = Trust.fromPolicyJson(document);
    expect(trust.liftedTrusts.map((t) => t.toString().split('(')[0])).toEqual(['Trust.openIdConnect']);
  });

  test('a preset with the same subjects and a claim of its own is not what the JSON says: GitHub options are not guessed from claims', () => {
    const trust = Trust.fromPolicyJson(oidc(GITHUB, {
      StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:octo-org/app:ref:refs/heads/main', [`${GITHUB}:repository_id`]: '2' },
    }));
    // A condition no factory writes from JSON: kept as written.
    expect(trust.liftedTrusts).toEqual([]);
    expect(trust.verbatimStatements).toHaveLength(1);
  });
});
