/**
 * Catalog trust entries for the CI presets: each entry gives the same trust statements as the
 * Trust factory it stands for (src/catalog/catalog-roles.ts).
 */
import { Template } from 'aws-cdk-lib/assertions';
import { GitHubSubjectFormat, HcpTerraformRunPhase, OidcIssuer, RoleCatalog, Trust, TrustRelationship } from '../../src';
import { newStack } from '../support/stacks';
import { rawStatements } from '../trust/trust-fixtures';

function catalogStatements(entry: string): any[] {
  const stack = newStack();
  RoleCatalog.fromYaml(stack, 'Roles', ['roles:', '  - name: ci', '    kind: assumable', '    trust:', `      - ${entry}`].join('\n'));
  const roles = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role'));
  expect(roles).toHaveLength(1);
  return roles[0].Properties.AssumeRolePolicyDocument.Statement;
}

const WORKFLOW = 'octo-org/automation/.github/workflows/deploy.yml@refs/heads/main';

test.each<[string, string, TrustRelationship]>([
  ['GitHub immutable subjects with IDs written as numbers',
    '{gitHubRepository: octo-org/app, branches: [main], tags: ["v*"], pullRequests: true, subjectFormat: immutable, repositoryOwnerId: 111, repositoryId: "222"}',
    Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], tags: ['v*'], pullRequests: true, subjectFormat: GitHubSubjectFormat.IMMUTABLE, repositoryOwnerId: '111', repositoryId: '222' })],
  ['GitHub claims and a customized template, for the China audience',
    '{gitHubRepository: "octo-org/*", environments: [prod], subjectClaimKeys: [repo, context, job_workflow_ref, repository_visibility], subjectClaimValues: {repository_visibility: private}, '
    + `jobWorkflowRefs: ["${WORKFLOW}"], workflows: [Deploy], actors: ["dependabot[bot]"], actorIds: [49699333], enterpriseId: 7, audiences: [sts.amazonaws.com.cn]}`,
    Trust.githubActions({
      repository: 'octo-org/*',
      environments: ['prod'],
      subjectClaimKeys: ['repo', 'context', 'job_workflow_ref', 'repository_visibility'],
      subjectClaimValues: { repository_visibility: 'private' },
      jobWorkflowRefs: [WORKFLOW],
      workflows: ['Deploy'],
      actors: ['dependabot[bot]'],
      actorIds: ['49699333'],
      enterpriseId: '7',
    }).withAudiences(['sts.amazonaws.com.cn'])],
  ['GitLab on gitlab.com, pinned by IDs',
    '{gitLabProject: acme/web, branches: [main], tags: ["v*"], projectId: 67890, namespaceId: 12345, protectedRefsOnly: true}',
    Trust.gitlabCi({ project: 'acme/web', branches: ['main'], tags: ['v*'], projectId: '67890', namespaceId: '12345', protectedRefsOnly: true })],
  ['GitLab self-managed, with the instance URL as audience',
    '{gitLabProject: "platform/*", branches: [main], instanceUrl: "https://gitlab.example.com", audiences: ["https://gitlab.example.com"]}',
    Trust.gitlabCi({ project: 'platform/*', branches: ['main'], issuer: OidcIssuer.gitlab('https://gitlab.example.com'), audiences: ['https://gitlab.example.com'] })],
  ['HCP Terraform, a workspace in apply',
    '{hcpTerraformOrganization: acme, projects: [Default Project], workspaces: [prod], runPhases: [apply]}',
    Trust.hcpTerraform({ organization: 'acme', projects: ['Default Project'], workspaces: ['prod'], runPhases: [HcpTerraformRunPhase.APPLY] })],
  ['Terraform Enterprise with its audience',
    '{hcpTerraformOrganization: acme, instanceUrl: "https://tfe.example.com", audiences: [tfe-aws]}',
    Trust.hcpTerraform({ organization: 'acme', issuer: OidcIssuer.hcpTerraform('https://tfe.example.com'), audiences: ['tfe-aws'] })],
])('%s: the same statements as the Trust factory', (_name, entry, typed) => {
  expect(catalogStatements(entry)).toEqual(rawStatements([typed]));
});
