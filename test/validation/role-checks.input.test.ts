/**
 * Bad input to RoleChecks (src/validation/role-checks.ts): trust and policies that are valid but
 * risky, reported as findings. Each row is built in a fresh stack and must give exactly the
 * outcome a user sees; the tables and their runners are in test/support/bad-input.ts.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { accountIds } from './validation-support';
import { AssumableRole, CrossAccountRole, ServiceRole, Trust } from '../../src';
import { describeFindingRows, FindingRow, OTHER, policy, role, SAML_PROVIDER, trusting } from '../support/bad-input';

const GITHUB_PROVIDER = `arn:aws:iam::${OTHER}:oidc-provider/token.actions.githubusercontent.com`;

/** Adds a hand-written statement to the trust policy of a role that trusts Lambda. */
function withRawTrustStatement(stack: Stack, statement: object): AssumableRole {
  const r = role(stack);
  r.role.assumeRolePolicy!.addStatements(iam.PolicyStatement.fromJson(statement));
  return r;
}

const FINDING_ROWS: FindingRow[] = [
  {
    name: 'a hand-written trust statement with Principal "*" and no condition',
    build: (s) => role(s).role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ principals: [new iam.StarPrincipal()], actions: ['sts:AssumeRole'] })),
    finding: 'TrustAnyPrincipal',
    level: 'error',
    says: 'trust statement 1 allows any AWS principal ("*") with no condition',
  },
  {
    name: 'a hand-written trust statement that allows with NotPrincipal',
    build: (s) => role(s).role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ notPrincipals: [new iam.AccountPrincipal(OTHER)], actions: ['sts:AssumeRole'] })),
    finding: 'AllowWithNotPrincipal',
    level: 'error',
    says: 'trust statement 1 allows with NotPrincipal',
  },
  {
    name: 'a SAML provider given sts:AssumeRole',
    build: (s) => withRawTrustStatement(s, { Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: 'sts:AssumeRole' }),
    finding: 'TrustActionMismatch',
    level: 'error',
    says: `trust statement 1 gives Federated principal ${SAML_PROVIDER} ["sts:AssumeRole"]; it needs sts:AssumeRoleWithSAML`,
  },
  {
    name: 'a GitHub OIDC statement without a "sub" condition',
    build: (s) => withRawTrustStatement(s, {
      Effect: 'Allow',
      Principal: { Federated: GITHUB_PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
    }),
    finding: 'OidcWithoutSubject',
    level: 'error',
    says: 'trust statement 1 (sts:AssumeRoleWithWebIdentity) has no ":sub" condition',
  },
  {
    name: 'a GitHub OIDC statement without an "aud" condition',
    build: (s) => withRawTrustStatement(s, {
      Effect: 'Allow',
      Principal: { Federated: GITHUB_PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:*' } },
    }),
    finding: 'OidcWithoutAudience',
    level: 'error',
    says: 'trust statement 1 (sts:AssumeRoleWithWebIdentity) has no ":aud" condition',
  },
  {
    name: 'an inline iam.PolicyDocument with the misspelled operator StringEqual',
    build: (s) => new ServiceRole(s, 'Role', {
      services: ['lambda'],
      inlinePolicies: {
        P: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'], conditions: { StringEqual: { 'aws:RequestedRegion': 'eu-west-1' } } })],
        }),
      },
    }),
    finding: 'PolicyGrammar',
    level: 'error',
    says: 'policy P $.Statement[0].Condition: "StringEqual" is not an IAM condition operator (e.g. StringEquals, ArnLike, Bool, ForAnyValue:StringLike, StringEqualsIfExists, Null)',
  },
  {
    name: 'withCondition StringEquals on a value with "*"',
    build: (s) => trusting(s, Trust.account(OTHER).withExternalId('partner-1').withCondition('StringEquals', 'aws:PrincipalTag/team', ['dev*'])),
    finding: 'WildcardInExactOperator',
    level: 'warning',
    says: 'trust statement 0: StringEquals aws:PrincipalTag/team compares ["dev*"] literally; use StringLike for wildcards',
  },
  {
    name: 'CrossAccountRole trusting another account with no guard',
    build: (s) => new CrossAccountRole(s, 'Role', { trustedAccounts: [OTHER] }),
    finding: 'CrossAccountWithoutGuard',
    level: 'warning',
    says: `trust statement 0 trusts the whole account ${OTHER} (arn:aws:iam::${OTHER}:root) without ExternalId, principal ARN, organization or MFA condition`,
  },
  {
    name: 'ServiceRole for ecs-tasks without a source guard',
    build: (s) => new ServiceRole(s, 'Role', { services: ['ecs-tasks'] }),
    finding: 'ServiceWithoutSourceGuard',
    level: 'info',
    says: 'trust statement 0 trusts ecs-tasks.amazonaws.com without aws:SourceAccount or aws:SourceArn',
  },
  {
    name: 'ServiceRole with AdministratorAccess',
    build: (s) => new ServiceRole(s, 'Role', { services: ['lambda'], awsManagedPolicyNames: ['AdministratorAccess'] }),
    finding: 'PolicyAllowsEverything',
    level: 'warning',
    says: 'managed policy arn:aws:iam::aws:policy/AdministratorAccess allows "*" on "*"',
  },
  {
    name: 'inline policy JSON allowing "*" on "*"',
    build: (s) => new ServiceRole(s, 'Role', { services: ['lambda'], inlinePolicyJson: { All: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) } }),
    finding: 'PolicyAllowsEverything',
    level: 'warning',
    says: 'policy All statement 0 allows "*" on "*"',
  },
  {
    name: 'inline policy text (single statement object) allowing iam:PassRole on "*"',
    build: (s) => new ServiceRole(s, 'Role', { services: ['lambda'], inlinePolicyJson: { Pass: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}}' } }),
    finding: 'PassRoleOnAnyRole',
    level: 'warning',
    says: 'policy Pass statement 0 allows iam:PassRole on "*"',
  },
  {
    name: 'an attached iam.Policy allowing iam:* on "*"',
    build: (s) => role(s).attachInlinePolicy(new iam.Policy(s, 'Pol', { statements: [new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] })] })),
    finding: 'PassRoleOnAnyRole',
    level: 'warning',
    says: 'policy Stack/Pol/Resource statement 0 allows iam:PassRole on "*"',
  },
  {
    name: 'two roles of the stack that trust each other',
    build: (s) => {
      const a = role(s);
      const b = new AssumableRole(s, 'Peer', { trust: [Trust.role(a.roleArn)] });
      a.addTrust(Trust.role(b.roleArn));
    },
    finding: 'TrustCircularReference',
    level: 'error',
    says: 'trust policies reference each other\'s role ARN in a cycle (X -> Y: X references Y): Stack/Role -> Stack/Peer -> Stack/Role; CloudFormation will reject the circular dependency',
  },
  {
    name: '44 accounts sharing an ExternalId: a trust policy above 90% of its quota',
    build: (s) => trusting(s, Trust.accounts(accountIds(44)).withExternalId('x1')),
    finding: 'TrustPolicyNearQuota',
    level: 'warning',
    says: 'trust policy is about 1918 of 2048 characters',
  },
];

describeFindingRows('risky but valid trust is reported as a finding', FINDING_ROWS);
