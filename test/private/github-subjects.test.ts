/**
 * The subjects and claims of GitHub Actions trust, from GitHub's "OpenID Connect reference"
 * (https://docs.github.com/en/actions/reference/security/oidc): its example subjects are the
 * expected values here.
 */
import { gitHubIdentity } from '../../src/private/github-subjects';
import { GitHubSubjectFormat } from '../../src/trust/ci-trust-options';

const G = 'token.actions.githubusercontent.com';
const WORKFLOW = 'octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main';

describe('gitHubIdentity: GitHub\'s default subject', () => {
  test('without refs, environments or pull requests: any workflow of the repository', () => {
    expect(gitHubIdentity({ repository: 'o/r' }, G)).toEqual({ subjects: ['repo:o/r:*'], claims: {}, problems: [] });
  });

  test('the documented examples: environment, pull_request, branch, tag, in that order', () => {
    const { subjects, claims } = gitHubIdentity({
      repository: 'octo-org/octo-repo', branches: ['demo-branch'], tags: ['demo-tag'], environments: ['Production'], pullRequests: true,
    }, G);
    expect(subjects).toEqual([
      'repo:octo-org/octo-repo:ref:refs/heads/demo-branch',
      'repo:octo-org/octo-repo:ref:refs/tags/demo-tag',
      'repo:octo-org/octo-repo:environment:Production',
      'repo:octo-org/octo-repo:pull_request',
    ]);
    expect(claims).toEqual({});
  });

  test('a ":" in an environment name is written %3A, as GitHub writes it ("Production:V1")', () => {
    expect(gitHubIdentity({ repository: 'octo-org/octo-repo', environments: ['Production:V1'] }, G).subjects)
      .toEqual(['repo:octo-org/octo-repo:environment:Production%3AV1']);
  });
});

describe('gitHubIdentity: the immutable subject format', () => {
  test('owner and repository IDs after their names, with "@" (the documented example)', () => {
    const identity = gitHubIdentity({
      repository: 'octo-org/octo-repo', branches: ['main'], subjectFormat: GitHubSubjectFormat.IMMUTABLE, repositoryOwnerId: '123456', repositoryId: '456789',
    }, G);
    // The IDs are in the subject: no repository_id claim besides.
    expect(identity).toEqual({ subjects: ['repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main'], claims: {}, problems: [] });
  });

  test('every repository of an owner, by the owner ID: the name pattern takes the repository ID', () => {
    expect(gitHubIdentity({ repository: 'octo-org/*', subjectFormat: GitHubSubjectFormat.IMMUTABLE, repositoryOwnerId: '123456', environments: ['prod'] }, G).subjects)
      .toEqual(['repo:octo-org@123456/*:environment:prod']);
  });

  test('without the IDs it cannot be written', () => {
    expect(gitHubIdentity({ repository: 'octo-org/octo-repo', subjectFormat: GitHubSubjectFormat.IMMUTABLE }, G).problems).toEqual([
      'subjectFormat IMMUTABLE needs repositoryOwnerId: the immutable subject is "repo:OWNER@OWNER-ID/REPO@REPO-ID:..."',
      'subjectFormat IMMUTABLE needs repositoryId for the repository "octo-org/octo-repo": the immutable subject is "repo:OWNER@OWNER-ID/REPO@REPO-ID:..."',
    ]);
  });

  test('not on GitHub Enterprise Server', () => {
    expect(gitHubIdentity({ repository: 'o/r', subjectFormat: GitHubSubjectFormat.IMMUTABLE, repositoryOwnerId: '1', repositoryId: '2' }, 'github.example.com/_services/token').problems)
      .toEqual(['subjectFormat IMMUTABLE is not available on GitHub Enterprise Server (issuer github.example.com/_services/token)']);
  });

  test('NAMES is the default format', () => {
    expect(gitHubIdentity({ repository: 'o/r', subjectFormat: GitHubSubjectFormat.NAMES, branches: ['main'] }, G).subjects)
      .toEqual(gitHubIdentity({ repository: 'o/r', branches: ['main'] }, G).subjects);
  });
});

describe('gitHubIdentity: the claims AWS STS evaluates, next to a name-based subject', () => {
  test('IDs, reusable workflows, workflow names, actors and the enterprise become claims; wildcards use StringLike', () => {
    const { subjects, claims, problems } = gitHubIdentity({
      repository: 'o/r',
      branches: ['main'],
      repositoryOwnerId: '11',
      repositoryId: '22',
      jobWorkflowRefs: ['o/automation/.github/workflows/deploy.yml@refs/tags/v*'],
      workflows: ['Deploy'],
      actors: ['dependabot[bot]'],
      actorIds: ['49699333'],
      enterpriseId: '7',
    }, G);
    expect(problems).toEqual([]);
    expect(subjects).toEqual(['repo:o/r:ref:refs/heads/main']);
    expect(claims).toEqual({
      StringEquals: {
        [`${G}:repository_owner_id`]: ['11'],
        [`${G}:repository_id`]: ['22'],
        [`${G}:workflow`]: ['Deploy'],
        [`${G}:actor`]: ['dependabot[bot]'],
        [`${G}:actor_id`]: ['49699333'],
        [`${G}:enterprise_id`]: ['7'],
      },
      StringLike: { [`${G}:job_workflow_ref`]: ['o/automation/.github/workflows/deploy.yml@refs/tags/v*'] },
    });
  });

  test.each([
    'token.actions.githubusercontent.com/octocat-inc',
    'token.actions.octocorp.ghe.com',
  ])('the claims are accepted for the issuer %s, which AWS documents', (issuer) => {
    expect(gitHubIdentity({ repository: 'o/r', repositoryId: '22' }, issuer).problems).toEqual([]);
  });

  test('a GitHub Enterprise Server issuer has no such claims in AWS: refused, naming them', () => {
    expect(gitHubIdentity({ repository: 'o/r', repositoryId: '22', workflows: ['Deploy'] }, 'github.example.com/_services/token').problems).toEqual([
      'the claims repository_id, workflow are evaluated by AWS STS only for GitHub\'s own issuers (token.actions.githubusercontent.com, '
      + 'token.actions.githubusercontent.com/<enterprise>, token.actions.<subdomain>.ghe.com), not for github.example.com/_services/token: name them in the subject instead',
    ]);
  });
});

describe('gitHubIdentity: customized subject templates', () => {
  test('repo, context and job_workflow_ref (the documented example)', () => {
    const { subjects, claims } = gitHubIdentity({
      repository: 'octo-org/octo-repo', environments: ['prod'], subjectClaimKeys: ['repo', 'context', 'job_workflow_ref'], jobWorkflowRefs: [WORKFLOW],
    }, G);
    expect(subjects).toEqual([`repo:octo-org/octo-repo:environment:prod:job_workflow_ref:${WORKFLOW}`]);
    expect(claims).toEqual({});
  });

  test('job_workflow_ref alone: the repository is still required, as a claim', () => {
    const { subjects, claims } = gitHubIdentity({ repository: 'octo-org/*', subjectClaimKeys: ['job_workflow_ref'], jobWorkflowRefs: [WORKFLOW] }, G);
    expect(subjects).toEqual([`job_workflow_ref:${WORKFLOW}`]);
    expect(claims).toEqual({ StringLike: { [`${G}:repository`]: ['octo-org/*'] } });
  });

  test('repository_owner and repository_visibility (the documented example), the visibility from subjectClaimValues', () => {
    const { subjects } = gitHubIdentity({
      repository: 'monalisa/*', subjectClaimKeys: ['repository_owner', 'repository_visibility'], subjectClaimValues: { repository_visibility: 'private' },
    }, G);
    expect(subjects).toEqual(['repository_owner:monalisa:repository_visibility:private']);
  });

  test('environment and repository_owner, a ":" in the environment written %3A (the documented example)', () => {
    expect(gitHubIdentity({ repository: 'octo-org/*', subjectClaimKeys: ['environment', 'repository_owner'], environments: ['production:eastus'] }, G).subjects)
      .toEqual(['environment:production%3Aeastus:repository_owner:octo-org']);
  });

  test('repository_id and repository_owner_id templates take the IDs, which are then not claims too', () => {
    expect(gitHubIdentity({ repository: 'o/r', repositoryId: '22', subjectClaimKeys: ['repository_id'] }, G))
      .toEqual({ subjects: ['repository_id:22'], claims: { StringEquals: { [`${G}:repository`]: ['o/r'] } }, problems: [] });
    expect(gitHubIdentity({ repository: 'o/*', repositoryOwnerId: '11', subjectClaimKeys: ['repository_owner_id'] }, G).subjects).toEqual(['repository_owner_id:11']);
  });

  test('the immutable format keeps the IDs in the repo segment of a customized subject', () => {
    expect(gitHubIdentity({
      repository: 'o/r', subjectFormat: GitHubSubjectFormat.IMMUTABLE, repositoryOwnerId: '11', repositoryId: '22', subjectClaimKeys: ['repo'],
    }, G).subjects).toEqual(['repo:o@11/r@22']);
  });

  test('alternatives of several keys multiply', () => {
    expect(gitHubIdentity({
      repository: 'o/r', branches: ['main'], tags: ['v1'], subjectClaimKeys: ['repo', 'context', 'job_workflow_ref'], jobWorkflowRefs: ['o/a/w.yml@refs/heads/main', 'o/a/w.yml@refs/heads/next'],
    }, G).subjects).toEqual([
      'repo:o/r:ref:refs/heads/main:job_workflow_ref:o/a/w.yml@refs/heads/main',
      'repo:o/r:ref:refs/heads/main:job_workflow_ref:o/a/w.yml@refs/heads/next',
      'repo:o/r:ref:refs/tags/v1:job_workflow_ref:o/a/w.yml@refs/heads/main',
      'repo:o/r:ref:refs/tags/v1:job_workflow_ref:o/a/w.yml@refs/heads/next',
    ]);
  });

  test('without context, branches and tags are the ref claim and environments the environment claim', () => {
    expect(gitHubIdentity({ repository: 'o/r', branches: ['main', 'release/*'], subjectClaimKeys: ['repo'] }, G).claims)
      .toEqual({ StringLike: { [`${G}:ref`]: ['refs/heads/main', 'refs/heads/release/*'] } });
    expect(gitHubIdentity({ repository: 'o/r', environments: ['prod:eu'], subjectClaimKeys: ['repo'] }, G).claims)
      .toEqual({ StringEquals: { [`${G}:environment`]: ['prod:eu'] } });
  });

  test.each([
    ['pull requests need the context', { pullRequests: true, subjectClaimKeys: ['repo'] },
      'pullRequests needs "context" in subjectClaimKeys: only the context part of the subject names pull requests'],
    ['branches with environments need the context (alternatives there, both required as claims)', { branches: ['main'], environments: ['prod'], subjectClaimKeys: ['repo'] },
      'branches or tags together with environments need "context" in subjectClaimKeys: GitHub\'s context names one or the other, while separate ref and environment claims would both have to match'],
    ['a job_workflow_ref key without jobWorkflowRefs', { subjectClaimKeys: ['repo', 'job_workflow_ref'] }, 'subjectClaimKeys names "job_workflow_ref": give jobWorkflowRefs'],
    ['a repository_id key without repositoryId', { subjectClaimKeys: ['repository_id'] }, 'subjectClaimKeys names "repository_id": give repositoryId'],
    ['a key without a value', { subjectClaimKeys: ['repo', 'repository_visibility'] },
      'subjectClaimKeys names "repository_visibility": give its value in subjectClaimValues["repository_visibility"]'],
    ['a value for a typed key', { subjectClaimKeys: ['repo'], subjectClaimValues: { repo: 'evil/app' } },
      'subjectClaimValues["repo"]: the "repo" claim comes from the typed options (repository, branches, environments, jobWorkflowRefs, repositoryOwnerId, repositoryId)'],
    ['a value for a key the template does not name', { subjectClaimValues: { repository_visibility: 'private' } },
      'subjectClaimValues["repository_visibility"] is not a key of subjectClaimKeys (repo, context)'],
    ['an empty template', { subjectClaimKeys: [] }, 'subjectClaimKeys is empty: omit it for GitHub\'s default subject, or list the claim keys of the repository\'s template'],
    ['a key twice', { subjectClaimKeys: ['repo', 'repo'] }, 'subjectClaimKeys names "repo" twice'],
    ['a key with a ":" (it would read as two fields)', { subjectClaimKeys: ['repo:context'] },
      'subjectClaimKeys key "repo:context" must be a GitHub claim key (letters, digits and "_"), e.g. repo, context, job_workflow_ref'],
  ])('%s', (_name, options, problem) => {
    expect(gitHubIdentity({ repository: 'o/r', ...options }, G).problems).toContain(problem);
  });
});

describe('gitHubIdentity: values', () => {
  test.each([
    [{ repositoryId: '01' }, 'repositoryId "01" must be a numeric ID (digits only, e.g. 123456)'],
    [{ repositoryOwnerId: 'octo-org' }, 'repositoryOwnerId "octo-org" must be a numeric ID (digits only, e.g. 123456)'],
    [{ actorIds: ['dependabot'] }, 'actorIds value "dependabot" must be a numeric ID (digits only, e.g. 123456)'],
    [{ jobWorkflowRefs: ['deploy.yml'] }, 'jobWorkflowRefs value "deploy.yml" must be a reusable workflow written "owner/repository/path@ref", e.g. octo-org/automation/.github/workflows/deploy.yml@refs/heads/main'],
    [{ branches: ['main:environment:prod'] }, 'branch or tag "main:environment:prod" must be a Git branch or tag name: not empty, without whitespace or any of ~ ^ : [ \\ (git check-ref-format); * and ? are wildcards'],
    [{ workflows: [] }, 'workflows is empty: omit it to accept any, or name at least one'],
    [{ actors: [''] }, 'actors must not hold an empty name'],
  ])('%j', (options, problem) => {
    expect(gitHubIdentity({ repository: 'o/r', ...options }, G).problems).toEqual([problem]);
  });
});
