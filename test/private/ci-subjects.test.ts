/**
 * The subjects of GitLab CI (https://docs.gitlab.com/ci/secrets/id_token_authentication/,
 * https://docs.gitlab.com/ci/cloud_services/) and HCP Terraform
 * (https://developer.hashicorp.com/terraform/cloud-docs/dynamic-provider-credentials/workload-identity-tokens):
 * the documented examples are the expected values here.
 */
import { gitLabIdentity, hcpTerraformIdentity } from '../../src/private/ci-subjects';
import { HcpTerraformRunPhase } from '../../src/trust/ci-trust-options';

describe('gitLabIdentity', () => {
  test('a branch of a project (the AWS guide\'s example)', () => {
    expect(gitLabIdentity({ project: 'mygroup/myproject', branches: ['main'] }, 'gitlab.com'))
      .toEqual({ subjects: ['project_path:mygroup/myproject:ref_type:branch:ref:main'], claims: {}, problems: [] });
  });

  test('the filters of "Connect to cloud services": any branch, every project of a group, a tag', () => {
    expect(gitLabIdentity({ project: 'mygroup/myproject', branches: ['*'] }, 'gitlab.com').subjects).toEqual(['project_path:mygroup/myproject:ref_type:branch:ref:*']);
    expect(gitLabIdentity({ project: 'mygroup/*', branches: ['main'] }, 'gitlab.com').subjects).toEqual(['project_path:mygroup/*:ref_type:branch:ref:main']);
    expect(gitLabIdentity({ project: 'mygroup/*', tags: ['1.0'] }, 'gitlab.com').subjects).toEqual(['project_path:mygroup/*:ref_type:tag:ref:1.0']);
  });

  test('subgroups; branches then tags; any ref without either', () => {
    expect(gitLabIdentity({ project: 'agroup/bgroup/myproject', branches: ['main'], tags: ['v4.2.0'] }, 'gitlab.com').subjects).toEqual([
      'project_path:agroup/bgroup/myproject:ref_type:branch:ref:main',
      'project_path:agroup/bgroup/myproject:ref_type:tag:ref:v4.2.0',
    ]);
    expect(gitLabIdentity({ project: 'g/p' }, 'gitlab.com').subjects).toEqual(['project_path:g/p:*']);
  });

  test('project ID, namespace ID and protected refs are claims of gitlab.com', () => {
    expect(gitLabIdentity({ project: 'mygroup/myproject', branches: ['main'], projectId: '67890', namespaceId: '12345', protectedRefsOnly: true }, 'gitlab.com').claims).toEqual({
      StringEquals: { 'gitlab.com:project_id': ['67890'], 'gitlab.com:namespace_id': ['12345'], 'gitlab.com:ref_protected': ['true'] },
    });
    expect(gitLabIdentity({ project: 'g/p', protectedRefsOnly: false }, 'gitlab.com').claims).toEqual({});
  });

  test.each([
    [{ project: 'myproject' }, 'project "myproject" must be a GitLab project path written "group/project" (subgroups allowed: "group/subgroup/project"), without whitespace or ":"; * and ? are wildcards'],
    [{ project: 'g/p:ref_type:tag:ref:v1' }, 'project "g/p:ref_type:tag:ref:v1" must be a GitLab project path written "group/project" (subgroups allowed: "group/subgroup/project"), without whitespace or ":"; * and ? are wildcards'],
    [{ project: 'g//p' }, 'project "g//p" must be a GitLab project path written "group/project" (subgroups allowed: "group/subgroup/project"), without whitespace or ":"; * and ? are wildcards'],
    [{ project: 'g/p', branches: ['main:ref_type:tag'] }, 'branch "main:ref_type:tag" must be a Git branch or tag name: not empty, without whitespace or any of ~ ^ : [ \\ (git check-ref-format); * and ? are wildcards'],
    [{ project: 'g/p', tags: ['v 1'] }, 'tag "v 1" must be a Git branch or tag name: not empty, without whitespace or any of ~ ^ : [ \\ (git check-ref-format); * and ? are wildcards'],
    [{ project: 'g/p', branches: [] }, 'branches is empty: omit it to accept any branch, or name at least one'],
    [{ project: 'g/p', projectId: 'g/p' }, 'projectId "g/p" must be a numeric ID (digits only, e.g. 123456)'],
  ])('%j', (options, problem) => {
    expect(gitLabIdentity(options, 'gitlab.com').problems).toEqual([problem]);
  });

  test('the gitlab.com claims are refused for a self-managed instance, where AWS evaluates sub alone', () => {
    expect(gitLabIdentity({ project: 'g/p', projectId: '1', protectedRefsOnly: true }, 'gitlab.example.com').problems).toEqual([
      'the claims project_id, ref_protected are evaluated by AWS STS for the gitlab.com provider only, not for gitlab.example.com: GitLab Self-Managed and Dedicated instances are trusted by sub alone',
    ]);
  });
});

describe('hcpTerraformIdentity', () => {
  test('a workspace of a project in one run phase (the documented format)', () => {
    expect(hcpTerraformIdentity({ organization: 'my-org', projects: ['Default Project'], workspaces: ['my-workspace'], runPhases: [HcpTerraformRunPhase.APPLY] }))
      .toEqual({ subjects: ['organization:my-org:project:Default Project:workspace:my-workspace:run_phase:apply'], claims: {}, problems: [] });
  });

  test('every field not given is a wildcard of its own: workspace runs only, never module test runs', () => {
    expect(hcpTerraformIdentity({ organization: 'acme' }).subjects).toEqual(['organization:acme:project:*:workspace:*:run_phase:*']);
    expect(hcpTerraformIdentity({ organization: 'acme', workspaces: ['prod'] }).subjects).toEqual(['organization:acme:project:*:workspace:prod:run_phase:*']);
  });

  test('several values multiply; a phase named twice counts once', () => {
    expect(hcpTerraformIdentity({ organization: 'acme', workspaces: ['net', 'dns'], runPhases: [HcpTerraformRunPhase.PLAN, HcpTerraformRunPhase.PLAN, HcpTerraformRunPhase.APPLY] }).subjects).toEqual([
      'organization:acme:project:*:workspace:net:run_phase:plan',
      'organization:acme:project:*:workspace:net:run_phase:apply',
      'organization:acme:project:*:workspace:dns:run_phase:plan',
      'organization:acme:project:*:workspace:dns:run_phase:apply',
    ]);
  });

  test.each([
    [{ organization: '' }, 'organization "" must be an HCP Terraform organization name: not empty, without whitespace or ":"'],
    [{ organization: 'acme:project:*' }, 'organization "acme:project:*" must be an HCP Terraform organization name: not empty, without whitespace or ":"'],
    [{ organization: 'acme', workspaces: ['prod:run_phase:apply'] }, 'workspace "prod:run_phase:apply" must be an HCP Terraform workspace name: letters, digits, "-" and "_"; * and ? are wildcards'],
    [{ organization: 'acme', workspaces: ['my workspace'] }, 'workspace "my workspace" must be an HCP Terraform workspace name: letters, digits, "-" and "_"; * and ? are wildcards'],
    [{ organization: 'acme', projects: [' Default'] }, 'project " Default" must be an HCP Terraform project name: letters, digits, spaces, "-" and "_", not starting or ending with a space; * and ? are wildcards'],
    [{ organization: 'acme', projects: ['a:workspace:b'] }, 'project "a:workspace:b" must be an HCP Terraform project name: letters, digits, spaces, "-" and "_", not starting or ending with a space; * and ? are wildcards'],
    [{ organization: 'acme', workspaces: [] }, 'workspaces is empty: omit it to accept any workspace, or name at least one'],
    [{ organization: 'acme', runPhases: [] }, 'runPhases is empty: omit it to accept plan and apply, or name at least one'],
    [{ organization: 'acme', runPhases: ['destroy' as HcpTerraformRunPhase] }, 'run phase "destroy" must be plan or apply'],
  ])('%j', (options, problem) => {
    expect(hcpTerraformIdentity(options).problems).toEqual([problem]);
  });
});
