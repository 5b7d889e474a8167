/**
 * Trust policies in the shapes people publish and paste: AWS service documentation, vendor
 * onboarding templates, CI providers' OIDC guides (GitHub Actions, GitLab, HCP Terraform), the
 * EKS IRSA and Pod Identity guides, SAML and web identity federation. Written here from those
 * shapes with example account IDs, not copied. `risky` entries name the finding they must
 * raise; `safe` entries must raise none.
 */

/** The account the corpus stacks are deployed to. */
export const HOME = '123456789012';
/** A vendor's or another team's account. */
export const VENDOR = '999999999999';

const ASSUME = 'sts:AssumeRole';
const WEB = 'sts:AssumeRoleWithWebIdentity';
const GITHUB = 'token.actions.githubusercontent.com';
const EKS = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const GITLAB = 'gitlab.com';
const TFC = 'app.terraform.io';

export interface CorpusEntry {
  /** What the policy is, and the shape it follows. */
  readonly name: string;
  /** The finding a risky policy raises, or undefined for a safe one. */
  readonly finding?: string;
  readonly level?: 'error' | 'warning' | 'info';
  readonly statements: object[];
}

function service(principal: string | string[], condition?: object, actions: string | string[] = ASSUME): object {
  return { Effect: 'Allow', Principal: { Service: principal }, Action: actions, ...(condition ? { Condition: condition } : {}) };
}

function aws(principal: string | string[], condition?: object): object {
  return { Effect: 'Allow', Principal: { AWS: principal }, Action: ASSUME, ...(condition ? { Condition: condition } : {}) };
}

function oidc(issuer: string, condition?: object): object {
  return { Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${HOME}:oidc-provider/${issuer}` }, Action: WEB, ...(condition ? { Condition: condition } : {}) };
}

function webIdentity(provider: string, condition?: object): object {
  return { Effect: 'Allow', Principal: { Federated: provider }, Action: WEB, ...(condition ? { Condition: condition } : {}) };
}

const SAML_PROVIDER = `arn:aws:iam::${HOME}:saml-provider/okta`;
const SAML_AUD = { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } };
const GITHUB_AUD = { [`${GITHUB}:aud`]: 'sts.amazonaws.com' };
const EKS_AUD = { [`${EKS}:aud`]: 'sts.amazonaws.com' };

export const SAFE: CorpusEntry[] = [
  { name: 'Lambda execution role (Lambda developer guide)', statements: [service('lambda.amazonaws.com')] },
  { name: 'Lambda@Edge function role', statements: [service(['lambda.amazonaws.com', 'edgelambda.amazonaws.com'])] },
  { name: 'EC2 instance profile role', statements: [service('ec2.amazonaws.com')] },
  { name: 'Lambda role guarded by aws:SourceAccount', statements: [service('lambda.amazonaws.com', { StringEquals: { 'aws:SourceAccount': HOME } })] },
  {
    name: 'ECS task role with the confused-deputy conditions of the ECS guide',
    statements: [service('ecs-tasks.amazonaws.com', { ArnLike: { 'aws:SourceArn': `arn:aws:ecs:us-east-1:${HOME}:*` }, StringEquals: { 'aws:SourceAccount': HOME } })],
  },
  { name: 'Step Functions state machine role with aws:SourceAccount', statements: [service('states.amazonaws.com', { StringEquals: { 'aws:SourceAccount': HOME } })] },
  { name: 'EventBridge Scheduler role with aws:SourceAccount', statements: [service('scheduler.amazonaws.com', { StringEquals: { 'aws:SourceAccount': HOME } })] },
  { name: 'AWS Config recorder role with aws:SourceAccount', statements: [service('config.amazonaws.com', { StringEquals: { 'aws:SourceAccount': HOME } })] },
  {
    name: 'CloudTrail to CloudWatch Logs role with aws:SourceArn',
    statements: [service('cloudtrail.amazonaws.com', { StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${HOME}:trail/main` } })],
  },
  { name: 'API Gateway CloudWatch Logs role', statements: [service('apigateway.amazonaws.com')] },
  { name: 'Redshift cluster role', statements: [service('redshift.amazonaws.com')] },
  { name: 'EKS Pod Identity role (EKS user guide)', statements: [service('pods.eks.amazonaws.com', undefined, [ASSUME, 'sts:TagSession'])] },
  {
    name: 'EKS Pod Identity role restricted to a namespace and service account (EKS user guide)',
    statements: [service('pods.eks.amazonaws.com', {
      StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments', 'aws:RequestTag/kubernetes-service-account': 'api' },
    }, [ASSUME, 'sts:TagSession'])],
  },
  {
    name: 'EKS Pod Identity target role trusting the Pod Identity role of another account (EKS user guide)',
    statements: [{
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
      Action: [ASSUME, 'sts:TagSession'],
      Condition: {
        StringEquals: {
          'aws:RequestTag/eks-cluster-arn': `arn:aws:eks:us-east-1:${VENDOR}:cluster/example-cluster`,
          'aws:RequestTag/kubernetes-namespace': 'payments',
          'aws:RequestTag/kubernetes-service-account': 'api',
        },
        ArnEquals: { 'aws:PrincipalARN': `arn:aws:iam::${VENDOR}:role/eks-pod-identity-primary-role` },
      },
    }],
  },
  { name: 'vendor integration: the vendor account root with an ExternalId (monitoring SaaS onboarding)', statements: [aws(`arn:aws:iam::${VENDOR}:root`, { StringEquals: { 'sts:ExternalId': 'a1b2c3d4e5f60718293a4b5c6d7e8f90' } })] },
  { name: 'vendor integration: a vendor IAM user with an ExternalId (data warehouse storage integration)', statements: [aws(`arn:aws:iam::${VENDOR}:user/ab1c-s-vendor`, { StringEquals: { 'sts:ExternalId': 'ACME_SFCRole=2_abcdefg=' } })] },
  { name: 'another account\'s named role (the recommended cross-account grant)', statements: [aws(`arn:aws:iam::${VENDOR}:role/jenkins`)] },
  { name: 'two named roles of other accounts', statements: [aws([`arn:aws:iam::${VENDOR}:role/ci/deployer`, 'arn:aws:iam::444455556666:role/release'])] },
  { name: 'another account\'s role session', statements: [aws(`arn:aws:sts::${VENDOR}:assumed-role/jenkins/build-17`)] },
  { name: 'another account\'s root with MFA required (human access, IAM tutorial)', statements: [aws(`arn:aws:iam::${VENDOR}:root`, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } })] },
  { name: 'another account\'s root narrowed by aws:PrincipalArn', statements: [aws(`arn:aws:iam::${VENDOR}:root`, { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${VENDOR}:role/deployers/*` } })] },
  { name: 'the stack\'s own account root', statements: [aws(`arn:aws:iam::${HOME}:root`)] },
  { name: '"*" within an organization (aws:PrincipalOrgID)', statements: [aws('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })] },
  { name: '"*" within organizational units (aws:PrincipalOrgPaths)', statements: [aws('*', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*'] } })] },
  { name: 'GitHub Actions on one branch (GitHub OIDC guide)', statements: [oidc(GITHUB, { StringEquals: { ...GITHUB_AUD, [`${GITHUB}:sub`]: 'repo:example-org/app:ref:refs/heads/main' } })] },
  { name: 'GitHub Actions deployment environment', statements: [oidc(GITHUB, { StringEquals: { ...GITHUB_AUD, [`${GITHUB}:sub`]: 'repo:example-org/app:environment:production' } })] },
  { name: 'GitHub Actions, any ref of one repository', statements: [oidc(GITHUB, { StringEquals: GITHUB_AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:example-org/app:*' } })] },
  { name: 'GitHub Actions, release branches of one repository', statements: [oidc(GITHUB, { StringEquals: GITHUB_AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:example-org/app:ref:refs/heads/release/*' } })] },
  {
    name: 'GitLab CI on the main branch (GitLab OIDC guide)',
    statements: [oidc(GITLAB, { StringEquals: { [`${GITLAB}:aud`]: 'https://gitlab.com', [`${GITLAB}:sub`]: 'project_path:acme-group/web:ref_type:branch:ref:main' } })],
  },
  {
    name: 'HCP Terraform workspace, any run phase (HCP Terraform dynamic credentials guide)',
    statements: [oidc(TFC, { StringEquals: { [`${TFC}:aud`]: 'aws.workload.identity' }, StringLike: { [`${TFC}:sub`]: 'organization:acme:project:Default:workspace:prod-network:run_phase:*' } })],
  },
  { name: 'IRSA with one exact service account (EKS IRSA guide)', statements: [oidc(EKS, { StringEquals: { ...EKS_AUD, [`${EKS}:sub`]: 'system:serviceaccount:kube-system:aws-load-balancer-controller' } })] },
  { name: 'IRSA with every service account of one namespace', statements: [oidc(EKS, { StringEquals: EKS_AUD, StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:payments:*' } })] },
  {
    name: 'SAML federation with the sign-in audience (IAM SAML guide)',
    statements: [{ Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: 'sts:AssumeRoleWithSAML', Condition: SAML_AUD }],
  },
  {
    name: 'SAML federation with session tags',
    statements: [{ Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'], Condition: SAML_AUD }],
  },
  {
    name: 'Cognito identity pool, authenticated users',
    statements: [webIdentity('cognito-identity.amazonaws.com', {
      'StringEquals': { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-abcd-abcd-123456789012' },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    })],
  },
  { name: 'Google web identity with the app\'s client ID', statements: [webIdentity('accounts.google.com', { StringEquals: { 'accounts.google.com:aud': '66677788899-abc.apps.googleusercontent.com' } })] },
  { name: 'Login with Amazon with the app ID', statements: [webIdentity('www.amazon.com', { StringEquals: { 'www.amazon.com:app_id': 'amzn1.application-oa2-client.5d1a2b3c4d' } })] },
  {
    name: 'Cognito identity pool in AWS GovCloud (US-West), authenticated users (GovCloud Cognito guide)',
    statements: [webIdentity('cognito-identity-us-gov.amazonaws.com', {
      'StringEquals': { 'cognito-identity-us-gov.amazonaws.com:aud': 'us-gov-west-1:12345678-abcd-abcd-abcd-123456789012' },
      'ForAnyValue:StringLike': { 'cognito-identity-us-gov.amazonaws.com:amr': 'authenticated' },
    })],
  },
  {
    name: 'Cognito identity pool with attributes for access control (sts:TagSession)',
    statements: [{
      ...(webIdentity('cognito-identity.amazonaws.com', {
        'StringEquals': { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-abcd-abcd-123456789012' },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      }) as any),
      Action: [WEB, 'sts:TagSession'],
    }],
  },
  {
    name: 'Google service account with aud (azp), oaud and sub (IAM condition keys page)',
    statements: [webIdentity('accounts.google.com', {
      StringEquals: { 'accounts.google.com:aud': '107806444890271851399', 'accounts.google.com:oaud': 'sts.amazonaws.com', 'accounts.google.com:sub': '107806444890271851399' },
    })],
  },
  { name: 'Facebook with the app ID', statements: [webIdentity('graph.facebook.com', { StringEquals: { 'graph.facebook.com:app_id': '111222333444555' } })] },
];

export const RISKY: CorpusEntry[] = [
  { name: 'Principal "*" with no condition', finding: 'TrustAnyPrincipal', level: 'error', statements: [{ Effect: 'Allow', Principal: '*', Action: ASSUME }] },
  { name: '{"AWS": "*"} narrowed only by a source IP range', finding: 'TrustAnyPrincipal', level: 'error', statements: [aws('*', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })] },
  { name: '"*" narrowed only by a VPC', finding: 'TrustAnyPrincipal', level: 'error', statements: [aws('*', { StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } })] },
  { name: '"*" narrowed only by an ExternalId', finding: 'TrustAnyPrincipal', level: 'error', statements: [aws('*', { StringEquals: { 'sts:ExternalId': 'shared-secret-1' } })] },
  { name: '"*" narrowed only by the user agent', finding: 'TrustAnyPrincipal', level: 'error', statements: [aws('*', { StringLike: { 'aws:UserAgent': '*terraform*' } })] },
  { name: '"*" narrowed only by a time window', finding: 'TrustAnyPrincipal', level: 'error', statements: [aws('*', { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } })] },
  { name: '"*" narrowed by request tags', finding: 'TrustAnyPrincipal', level: 'error', statements: [aws('*', { StringEquals: { 'aws:RequestTag/team': 'platform' } })] },
  { name: '"*" with aws:PrincipalOrgID under IfExists (holds outside any organization)', finding: 'TrustAnyPrincipal', level: 'error', statements: [aws('*', { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })] },
  { name: '"*" with a role name pattern of any account', finding: 'TrustAnyPrincipal', level: 'error', statements: [aws('*', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } })] },
  { name: 'Allow with NotPrincipal', finding: 'AllowWithNotPrincipal', level: 'error', statements: [{ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${VENDOR}:root` }, Action: ASSUME }] },
  { name: 'a vendor account root without an ExternalId', finding: 'CrossAccountWithoutGuard', level: 'warning', statements: [aws(`arn:aws:iam::${VENDOR}:root`)] },
  { name: 'a bare account ID of another account', finding: 'CrossAccountWithoutGuard', level: 'warning', statements: [aws(VENDOR)] },
  { name: 'another account root narrowed only by a source IP', finding: 'CrossAccountWithoutGuard', level: 'warning', statements: [aws(`arn:aws:iam::${VENDOR}:root`, { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } })] },
  { name: 'GitHub Actions with the audience but no subject', finding: 'OidcWithoutSubject', level: 'error', statements: [oidc(GITHUB, { StringEquals: GITHUB_AUD })] },
  { name: 'GitHub Actions with a subject but no audience', finding: 'OidcWithoutAudience', level: 'error', statements: [oidc(GITHUB, { StringLike: { [`${GITHUB}:sub`]: 'repo:example-org/app:*' } })] },
  { name: 'GitHub Actions, any repository of any owner', finding: 'OidcSubjectTooBroad', level: 'warning', statements: [oidc(GITHUB, { StringEquals: GITHUB_AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:*' } })] },
  { name: 'GitHub Actions, a repository name that runs on', finding: 'OidcSubjectLookAlike', level: 'warning', statements: [oidc(GITHUB, { StringEquals: GITHUB_AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:example-org/billing*' } })] },
  { name: 'GitHub Actions, an organization name that runs on', finding: 'OidcSubjectLookAlike', level: 'warning', statements: [oidc(GITHUB, { StringEquals: GITHUB_AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:example-org*' } })] },
  { name: 'GitHub Actions, a wildcard under StringEquals', finding: 'WildcardInExactOperator', level: 'warning', statements: [oidc(GITHUB, { StringEquals: { ...GITHUB_AUD, [`${GITHUB}:sub`]: 'repo:example-org/app:*' } })] },
  { name: 'IRSA for every service account of the cluster', finding: 'OidcSubjectTooBroad', level: 'warning', statements: [oidc(EKS, { StringEquals: EKS_AUD, StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:*:*' } })] },
  { name: 'IRSA, a namespace name that runs on', finding: 'OidcSubjectLookAlike', level: 'warning', statements: [oidc(EKS, { StringEquals: EKS_AUD, StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:payments*' } })] },
  { name: 'IRSA with the audience only', finding: 'OidcWithoutSubject', level: 'error', statements: [oidc(EKS, { StringEquals: EKS_AUD })] },
  { name: 'GitLab CI with the audience only', finding: 'OidcWithoutSubject', level: 'error', statements: [oidc(GITLAB, { StringEquals: { [`${GITLAB}:aud`]: 'https://gitlab.com' } })] },
  {
    name: 'HCP Terraform, an organization name that runs on',
    finding: 'OidcSubjectLookAlike',
    level: 'warning',
    statements: [oidc(TFC, { StringEquals: { [`${TFC}:aud`]: 'aws.workload.identity' }, StringLike: { [`${TFC}:sub`]: 'organization:acme*' } })],
  },
  { name: 'Cognito identity pool without the pool ID audience', finding: 'OidcWithoutAudience', level: 'error', statements: [webIdentity('cognito-identity.amazonaws.com', { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } })] },
  { name: 'Google web identity without the client ID', finding: 'OidcWithoutAudience', level: 'error', statements: [webIdentity('accounts.google.com')] },
  { name: 'Google web identity with a client ID pattern of "*"', finding: 'OidcWithoutAudience', level: 'error', statements: [webIdentity('accounts.google.com', { StringLike: { 'accounts.google.com:aud': '*' } })] },
  { name: 'Facebook with a user ID but no app ID', finding: 'OidcWithoutAudience', level: 'error', statements: [webIdentity('graph.facebook.com', { StringEquals: { 'graph.facebook.com:id': '10000000001' } })] },
  {
    name: 'Cognito identity pool, unauthenticated (guest) users (Cognito role trust example)',
    finding: 'CognitoUnauthenticatedAccess',
    level: 'warning',
    statements: [webIdentity('cognito-identity.amazonaws.com', {
      'StringEquals': { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-abcd-abcd-123456789012' },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
    })],
  },
  {
    name: 'Cognito identity pool with the pool ID but no amr (guests too)',
    finding: 'CognitoUnauthenticatedAccess',
    level: 'warning',
    statements: [webIdentity('cognito-identity.amazonaws.com', { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-abcd-abcd-123456789012' } })],
  },
  { name: 'a SAML provider given sts:AssumeRole', finding: 'TrustActionMismatch', level: 'error', statements: [{ Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: ASSUME, Condition: SAML_AUD }] },
  { name: 'an OIDC provider given sts:AssumeRole', finding: 'TrustActionMismatch', level: 'error', statements: [{ ...(oidc(GITHUB, { StringEquals: { ...GITHUB_AUD, [`${GITHUB}:sub`]: 'repo:example-org/app:ref:refs/heads/main' } }) as any), Action: ASSUME }] },
  { name: 'a misspelled condition operator', finding: 'PolicyGrammar', level: 'error', statements: [aws(`arn:aws:iam::${VENDOR}:root`, { StringEqual: { 'sts:ExternalId': 'partner-1' } })] },
  { name: 'a trust statement with a Resource element', finding: 'PolicyGrammar', level: 'error', statements: [{ ...(aws(`arn:aws:iam::${VENDOR}:role/jenkins`) as any), Resource: '*' }] },
  { name: 'a Step Functions role without a source guard', finding: 'ServiceWithoutSourceGuard', level: 'info', statements: [service('states.amazonaws.com')] },
  { name: 'a role name pattern under StringEquals', finding: 'WildcardInExactOperator', level: 'warning', statements: [aws(`arn:aws:iam::${VENDOR}:root`, { StringEquals: { 'aws:PrincipalArn': `arn:aws:iam::${VENDOR}:role/ci-*` } })] },
];
