import { AssumableRole, IrsaRole, OidcIssuer, Trust } from '../../../src';
import { lookAlike } from '../../../src/validation/checks/oidc-subject-look-alike';
import { newStack } from '../../support/stacks';
import { checkedStack, expectNoFinding, findingMessages, plainRole } from '../validation-support';

const GITHUB = 'token.actions.githubusercontent.com';
const EKS = OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE');

function githubStatement(operator: string, sub: string | string[]): object {
  return {
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${GITHUB}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, [operator]: { [`${GITHUB}:sub`]: sub } },
  };
}

describe('lookAlike', () => {
  test.each([
    ['repo:example-org/billing*', 'repository', 'repo:example-org/billing-evil'],
    ['repo:example-org/billing?', 'repository', 'repo:example-org/billingx'],
    ['repo:example-org/app*:ref:refs/heads/main', 'repository', 'repo:example-org/app-evil'],
    ['repo:example-org*', 'organization', 'repo:example-org-evil'],
    ['repo:example-org-*/app:*', 'organization', 'repo:example-org-evil'],
    ['project_path:acme*', 'group', 'project_path:acme-evil'],
    ['project_path:acme/web*:ref_type:branch:ref:main', 'project', 'project_path:acme/web-evil'],
    ['organization:acme*', 'organization', 'organization:acme-evil'],
    ['system:serviceaccount:payments*', 'namespace', 'system:serviceaccount:payments-evil'],
    ['system:serviceaccount:payments:api*', 'service account', 'system:serviceaccount:payments:api-evil'],
  ])('%s lets the %s run on', (pattern, what, example) => {
    expect(lookAlike(pattern)).toEqual({ what, example });
  });

  test.each([
    'repo:example-org/billing:*', // every ref of one repository
    'repo:example-org/*', // every repository of the organization, deliberately
    'repo:example-org/app:ref:refs/heads/release/*', // branch patterns are not names
    'repo:example-org/app-*', // a family of repositories after a separator
    'repo:*', // the whole org is a wildcard: OidcSubjectTooBroad's finding
    'system:serviceaccount:payments:*',
    'system:serviceaccount:payments:api-*',
    'system:serviceaccount:*:*',
    'system:serviceaccount:payments:api',
    'organization:acme:project:*:workspace:*:run_phase:apply',
    'some-other-issuer-subject*', // a format we do not know: no claim about it
  ])('%s admits no look-alike', (pattern) => {
    expect(lookAlike(pattern)).toBeUndefined();
  });
});

describe('OidcSubjectLookAlike (warning)', () => {
  test('is reported for a GitHub repository pattern that lets the name run on, naming the look-alike', () => {
    const stack = checkedStack();
    plainRole(stack, [githubStatement('StringLike', 'repo:example-org/billing*')]);
    expect(findingMessages(stack, 'OidcSubjectLookAlike', 'warning').map((m) => m.message)).toEqual([
      `[cdk-assumable-roles:OidcSubjectLookAlike] trust statement 1 ${GITHUB}:sub pattern "repo:example-org/billing*" lets the repository name run on: `
      + 'it also admits "repo:example-org/billing-evil". End the name before the wildcard: "repo:example-org/billing:*", '
      + '"system:serviceaccount:payments:*", or list the exact names. [ack: cdk-assumable-roles:OidcSubjectLookAlike]',
    ]);
  });

  test('is reported for an EKS namespace pattern written through IrsaRole', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.openIdConnect(EKS, { subjects: ['system:serviceaccount:payments*'] })] });
    expect(findingMessages(stack, 'OidcSubjectLookAlike', 'warning')[0].message).toContain('lets the namespace name run on: it also admits "system:serviceaccount:payments-evil"');
  });

  test('is reported once per pattern under ForAnyValue:StringLike', () => {
    const stack = checkedStack();
    plainRole(stack, [githubStatement('ForAnyValue:StringLike', ['repo:example-org/api*', 'repo:example-org/web:*', 'repo:acme*'])]);
    expect(findingMessages(stack, 'OidcSubjectLookAlike', 'warning').map((m) => m.message.split('. ')[0])).toEqual([
      `[cdk-assumable-roles:OidcSubjectLookAlike] trust statement 1 ${GITHUB}:sub pattern "repo:example-org/api*" lets the repository name run on: it also admits "repo:example-org/api-evil"`,
      `[cdk-assumable-roles:OidcSubjectLookAlike] trust statement 1 ${GITHUB}:sub pattern "repo:acme*" lets the organization name run on: it also admits "repo:acme-evil"`,
    ]);
  });

  test('is not reported under StringEquals, where "*" is literal (WildcardInExactOperator says so)', () => {
    const stack = checkedStack();
    plainRole(stack, [githubStatement('StringEquals', 'repo:example-org/billing*')]);
    expectNoFinding(stack, 'OidcSubjectLookAlike', 'warning');
  });

  test('is not reported for the Trust factories on one branch, exact service accounts or a namespace', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Gh', { trust: [Trust.githubActions({ repository: 'example-org/billing', branches: ['main'] })] });
    new AssumableRole(stack, 'GhAny', { trust: [Trust.githubActions({ repository: 'example-org/billing' })] });
    new IrsaRole(stack, 'Irsa', { issuers: [EKS], serviceAccounts: ['payments:api', 'payments:*', 'kube-system:external-dns'] });
    expectNoFinding(stack, 'OidcSubjectLookAlike', 'warning');
  });
});
