/**
 * The review's words for CI parties (src/review/party-words.ts), read from the statements the CI
 * presets synthesize: who may assume, in the words a reviewer reads in a pull request.
 */
import { GitHubSubjectFormat, HcpTerraformRunPhase, OidcIssuer, Trust, TrustRelationship } from '../../src';
import { PartyContext, trustedParties } from '../../src/review/trusted-party';
import { deployedStatements } from '../trust/trust-fixtures';

const context: PartyContext = { ownAccount: '123456789012', ownAccountKnown: true, display: (text) => text, roleLabel: (index) => `App/Role${index}` };

function sentences(trust: TrustRelationship, partition: 'aws' | 'aws-cn' | 'aws-us-gov' = 'aws'): string[] {
  return trustedParties({ Statement: deployedStatements([trust], partition) }, context).map((p) => p.sentence);
}

const WORKFLOW = 'octo-org/automation/.github/workflows/deploy.yml@refs/heads/main';

describe.each(['aws', 'aws-cn', 'aws-us-gov'] as const)('CI parties in plain words (%s)', (partition) => {
  test('GitLab CI: project and branch; the default STS audience goes without saying', () => {
    expect(sentences(Trust.gitlabCi({ project: 'group/app', branches: ['main'] }), partition)).toEqual(['GitLab CI: project group/app, branch main']);
  });

  test('GitLab CI pinned by IDs and protected refs on gitlab.com', () => {
    expect(sentences(Trust.gitlabCi({ project: 'group/app', branches: ['main'], projectId: '67890', namespaceId: '12345', protectedRefsOnly: true }), partition))
      .toEqual(['GitLab CI: project group/app, branch main, project ID 67890, namespace ID 12345, protected branches and tags only']);
  });

  test('GitLab CI of a self-managed instance: every project of a group, any tag, the instance URL as audience', () => {
    const trust = Trust.gitlabCi({ project: 'platform/*', tags: ['*'], issuer: OidcIssuer.gitlab('https://gitlab.example.com'), audiences: ['https://gitlab.example.com'] });
    expect(sentences(trust, partition)).toEqual(['GitLab CI of gitlab.example.com: any project of platform, any tag, audience https://gitlab.example.com']);
  });

  test('HCP Terraform: organization, workspace and run phase; its default audience goes without saying', () => {
    expect(sentences(Trust.hcpTerraform({ organization: 'acme', workspaces: ['prod'], runPhases: [HcpTerraformRunPhase.APPLY] }), partition))
      .toEqual(['HCP Terraform: organization acme, workspace prod, apply']);
    expect(sentences(Trust.hcpTerraform({ organization: 'acme', projects: ['Networking'] }), partition))
      .toEqual(['HCP Terraform: organization acme, project Networking, any workspace, plan or apply']);
  });

  test('HCP Terraform with another audience says so', () => {
    expect(sentences(Trust.hcpTerraform({ organization: 'acme', workspaces: ['prod'], audiences: ['sts.amazonaws.com'] }), partition))
      .toEqual(['HCP Terraform: organization acme, workspace prod, plan or apply, audience sts.amazonaws.com']);
  });

  test('GitHub Actions, immutable subjects: the IDs with the names', () => {
    const trust = Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], subjectFormat: GitHubSubjectFormat.IMMUTABLE, repositoryOwnerId: '111', repositoryId: '222' });
    expect(sentences(trust, partition)).toEqual(['GitHub Actions: repository octo-org/app (owner ID 111, repository ID 222), branch main']);
  });

  test('GitHub Actions with the claims AWS evaluates', () => {
    const trust = Trust.githubActions({ repository: 'octo-org/*', environments: ['prod'], repositoryOwnerId: '111', jobWorkflowRefs: [WORKFLOW], actorIds: ['49699333'] });
    expect(sentences(trust, partition)).toEqual([
      `GitHub Actions: any repository of octo-org, environment prod, owner ID 111, reusable workflow ${WORKFLOW}, actor ID 49699333`,
    ]);
  });

  test('GitHub Actions with customized subject templates', () => {
    expect(sentences(Trust.githubActions({ repository: 'octo-org/app', environments: ['prod'], subjectClaimKeys: ['repo', 'context', 'job_workflow_ref'], jobWorkflowRefs: [WORKFLOW] }), partition))
      .toEqual([`GitHub Actions: repository octo-org/app, environment prod, reusable workflow ${WORKFLOW}`]);
    expect(sentences(Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], subjectClaimKeys: ['repository_owner_id'], repositoryOwnerId: '111' }), partition))
      .toEqual(['GitHub Actions: owner ID 111, repository octo-org/app, branch main']);
  });
});
