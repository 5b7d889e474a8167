/**
 * Bad input to the CI presets (src/trust/trust.ts Trust.githubActions / gitlabCi / hcpTerraform,
 * built in src/private/github-subjects.ts and ci-subjects.ts). Each row is built in a fresh
 * stack and must give exactly the outcome a user sees; the tables and their runners are in
 * test/support/bad-input.ts. Values that would write a `:` into a `sub` field, where it would
 * read as another field, are refused.
 */
import { GitHubSubjectFormat, HcpTerraformRunPhase, OidcIssuer, Trust } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, REF_P, trusting } from '../support/bad-input';
import { stringParameter } from '../support/stacks';

const GIT_REF_RULE = 'must be a Git branch or tag name: not empty, without whitespace or any of ~ ^ : [ \\ (git check-ref-format); * and ? are wildcards';
const GITLAB_PATH_RULE = 'must be a GitLab project path written "group/project" (subgroups allowed: "group/subgroup/project"), without whitespace or ":"; * and ? are wildcards';

const ERROR_ROWS: ErrorRow[] = [
  // ---- GitHub Actions: subject formats and claims ----
  {
    name: 'GitHub immutable subjects without the IDs',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', subjectFormat: GitHubSubjectFormat.IMMUTABLE })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org@<repositoryOwnerId>/app:*)": '
      + 'subjectFormat IMMUTABLE needs repositoryOwnerId: the immutable subject is "repo:OWNER@OWNER-ID/REPO@REPO-ID:..."; '
      + 'subjectFormat IMMUTABLE needs repositoryId for the repository "octo-org/app": the immutable subject is "repo:OWNER@OWNER-ID/REPO@REPO-ID:..."',
  },
  {
    name: 'GitHub repository ID given as a name',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', repositoryId: 'app' })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app:*)": repositoryId "app" must be a numeric ID (digits only, e.g. 123456)',
  },
  {
    name: 'GitHub claims with a GitHub Enterprise Server issuer, for which AWS evaluates none',
    build: (s) => trusting(s, Trust.githubActions({
      repository: 'octo-org/app',
      jobWorkflowRefs: ['octo-org/automation/.github/workflows/deploy.yml@refs/heads/main'],
      issuer: OidcIssuer.fromIssuerUrl('https://github.example.com/_services/token'),
    })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app:*)": the claim job_workflow_ref is evaluated by AWS STS only for GitHub\'s own issuers '
      + '(token.actions.githubusercontent.com, token.actions.githubusercontent.com/<enterprise>, token.actions.<subdomain>.ghe.com), '
      + 'not for github.example.com/_services/token: name them in the subject instead',
  },
  {
    name: 'GitHub branch with a ":" (no Git ref has one)',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', branches: ['main:environment:prod'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app:ref:refs/heads/main:environment:prod)": branch or tag "main:environment:prod" ${GIT_REF_RULE}`,
  },
  {
    name: 'GitHub subject template naming job_workflow_ref without jobWorkflowRefs',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', subjectClaimKeys: ['repo', 'job_workflow_ref'] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app:job_workflow_ref:*)": subjectClaimKeys names "job_workflow_ref": give jobWorkflowRefs',
  },
  {
    name: 'GitHub subject value for the repo key (the repository comes from repository)',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', subjectClaimKeys: ['repo'], subjectClaimValues: { repo: 'evil-org/app' } })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.githubActions(repo:octo-org/app)": subjectClaimValues["repo"]: the "repo" claim comes from the typed options '
      + '(repository, branches, environments, jobWorkflowRefs, repositoryOwnerId, repositoryId)',
  },

  // ---- GitLab CI ----
  {
    name: 'GitLab project without its group',
    build: (s) => trusting(s, Trust.gitlabCi({ project: 'app' })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.gitlabCi(project_path:app:*)": project "app" ${GITLAB_PATH_RULE}`,
  },
  {
    name: 'GitLab project carrying sub fields of its own',
    build: (s) => trusting(s, Trust.gitlabCi({ project: 'group/app:ref_type:tag:ref:v1', branches: ['main'] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.gitlabCi(project_path:group/app:ref_type:tag:ref:v1:ref_type:branch:ref:main)": '
      + `project "group/app:ref_type:tag:ref:v1" ${GITLAB_PATH_RULE}`,
  },
  {
    name: 'GitLab tag with a ":"',
    build: (s) => trusting(s, Trust.gitlabCi({ project: 'group/app', tags: ['v1:x'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.gitlabCi(project_path:group/app:ref_type:tag:ref:v1:x)": tag "v1:x" ${GIT_REF_RULE}`,
  },
  {
    name: 'GitLab empty branch list (it would mean any ref)',
    build: (s) => trusting(s, Trust.gitlabCi({ project: 'group/app', branches: [] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.gitlabCi(project_path:group/app:*)": branches is empty: omit it to accept any branch, or name at least one',
  },
  {
    name: 'GitLab project ID on a self-managed instance, where AWS evaluates sub alone',
    build: (s) => trusting(s, Trust.gitlabCi({ project: 'group/app', branches: ['main'], projectId: '42', issuer: OidcIssuer.gitlab('https://gitlab.example.com') })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.gitlabCi(project_path:group/app:ref_type:branch:ref:main)": the claim project_id is evaluated by AWS STS for the gitlab.com provider only, '
      + 'not for gitlab.example.com: GitLab Self-Managed and Dedicated instances are trusted by sub alone',
  },
  {
    name: 'GitLab with no audience',
    build: (s) => trusting(s, Trust.gitlabCi({ project: 'group/app', branches: ['main'], audiences: [] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.gitlabCi(project_path:group/app:ref_type:branch:ref:main)": Trust.gitlabCi needs at least one audience ("aud")',
  },
  {
    name: 'GitLab instance URL that is not a URL',
    build: (s) => trusting(s, Trust.gitlabCi({ project: 'group/app', branches: ['main'], issuer: OidcIssuer.gitlab('gitlab example') })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.gitlabCi(project_path:group/app:ref_type:branch:ref:main)": OIDC provider: "gitlab example" is not an OIDC issuer URL (https://host/path)',
  },

  // ---- HCP Terraform ----
  {
    name: 'HCP Terraform with an empty organization',
    build: (s) => trusting(s, Trust.hcpTerraform({ organization: '' })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.hcpTerraform(organization::project:*:workspace:*:run_phase:*)": '
      + 'organization "" must be an HCP Terraform organization name: not empty, without whitespace or ":"',
  },
  {
    name: 'HCP Terraform organization carrying sub fields of its own',
    build: (s) => trusting(s, Trust.hcpTerraform({ organization: 'acme:project:*', workspaces: ['prod'] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.hcpTerraform(organization:acme:project:*:project:*:workspace:prod:run_phase:*)": '
      + 'organization "acme:project:*" must be an HCP Terraform organization name: not empty, without whitespace or ":"',
  },
  {
    name: 'HCP Terraform workspace spoofing the run phase',
    build: (s) => trusting(s, Trust.hcpTerraform({ organization: 'acme', workspaces: ['prod:run_phase:apply'], runPhases: [HcpTerraformRunPhase.PLAN] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.hcpTerraform(organization:acme:project:*:workspace:prod:run_phase:apply:run_phase:plan)": '
      + 'workspace "prod:run_phase:apply" must be an HCP Terraform workspace name: letters, digits, "-" and "_"; * and ? are wildcards',
  },
  {
    name: 'HCP Terraform with no run phase',
    build: (s) => trusting(s, Trust.hcpTerraform({ organization: 'acme', workspaces: ['prod'], runPhases: [] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.hcpTerraform(organization:acme:project:*:workspace:prod:run_phase:*)": runPhases is empty: omit it to accept plan and apply, or name at least one',
  },
];

describeErrorRows('CI presets: bad inputs throw the exact error', ERROR_ROWS);

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'a GitHub repository ID known only at deploy time',
    build: (s) => trusting(s, Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], repositoryId: stringParameter(s) })),
    inTemplate: REF_P,
  },
  {
    name: 'a GitLab project path known only at deploy time',
    build: (s) => trusting(s, Trust.gitlabCi({ project: stringParameter(s), branches: ['main'] })),
    inTemplate: REF_P,
  },
  {
    name: 'an HCP Terraform organization known only at deploy time',
    build: (s) => trusting(s, Trust.hcpTerraform({ organization: stringParameter(s), workspaces: ['prod'] })),
    inTemplate: REF_P,
  },
];

describeAcceptedRows('CI presets: deploy-time values are accepted, never a crash', ACCEPTED_ROWS);
