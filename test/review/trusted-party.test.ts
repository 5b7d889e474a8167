import { PartyContext, trustedParties } from '../../src/review/trusted-party';

/** The role's own account is 111111111111 unless a test says otherwise. */
const context: PartyContext = {
  ownAccount: '111111111111',
  ownAccountKnown: true,
  display: (text) => text.replace(/\u0001role:(\d+):(\w+)\u0001/g, '<App/Role$1.$2>'),
  roleLabel: (index) => `App/Role${index}`,
};

function statement(principal: any, condition?: any, action: any = 'sts:AssumeRole'): any {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action, ...(condition ? { Condition: condition } : {}) }] };
}

function sentences(document: any, ctx: PartyContext = context): string[] {
  return trustedParties(document, ctx).map((p) => p.sentence);
}

describe.each(['aws', 'aws-cn', 'aws-us-gov'])('trusted parties in plain words, partition %s', (partition) => {
  const suffix = partition === 'aws-cn' ? '.amazonaws.com.cn' : '.amazonaws.com';

  test('an account with ExternalId and MFA within an hour', () => {
    const doc = statement({ AWS: `arn:${partition}:iam::222233334444:root` }, {
      StringEquals: { 'sts:ExternalId': 'partner-7d1f3a' },
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
    });
    expect(sentences(doc)).toEqual(['account 222233334444 (root) with ExternalId partner-7d1f3a and MFA within 1 h']);
    expect(trustedParties(doc, context)[0]).toMatchObject({ kind: 'account', account: '222233334444', crossAccount: true });
  });

  test('the role\'s own account is "this account", and not cross-account', () => {
    const [party] = trustedParties(statement({ AWS: `arn:${partition}:iam::111111111111:root` }), context);
    expect(party).toMatchObject({ sentence: 'this account (root)', crossAccount: false });
    expect(sentences(statement({ AWS: 'arn:{partition}:iam::{account}:root' }))).toEqual(['this account (root)']);
  });

  test('GitHub Actions: repository and branch, environment, any branch', () => {
    const provider = { Federated: `arn:${partition}:iam::111111111111:oidc-provider/token.actions.githubusercontent.com` };
    const audience = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };
    expect(sentences(statement(provider, { StringEquals: { ...audience, 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' } }, 'sts:AssumeRoleWithWebIdentity')))
      .toEqual(['GitHub Actions: repository acme/app, branch main']);
    expect(sentences(statement(provider, { StringEquals: audience, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:*' } })))
      .toEqual(['GitHub Actions: repository acme/app, any branch, tag, environment or pull request']);
    expect(sentences(statement(provider, { StringEquals: { ...audience, 'token.actions.githubusercontent.com:sub': ['repo:acme/app:environment:prod', 'repo:acme/app:pull_request'] } })))
      .toEqual(['GitHub Actions: repository acme/app, environment prod or repository acme/app, pull requests']);
    expect(sentences(statement(provider, { StringEquals: audience })))
      .toEqual(['GitHub Actions: any subject']);
  });

  test('an EKS service account of an issuer', () => {
    const issuer = `oidc.eks.us-east-1${suffix}/id/ABC`;
    const doc = statement({ Federated: `arn:${partition}:iam::111111111111:oidc-provider/${issuer}` }, {
      StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:kube-system:external-dns', [`${issuer}:aud`]: 'sts.amazonaws.com' },
    }, 'sts:AssumeRoleWithWebIdentity');
    expect(sentences(doc)).toEqual([`EKS service account kube-system/external-dns of issuer ${issuer}`]);
    const wildcard = statement({ Federated: `arn:${partition}:iam::111111111111:oidc-provider/${issuer}` }, {
      StringLike: { [`${issuer}:sub`]: 'system:serviceaccount:apps:*' },
    });
    expect(sentences(wildcard)).toEqual([`EKS service accounts matching apps/* of issuer ${issuer}`]);
  });

  test('a service on behalf of this account, and one without a source guard', () => {
    expect(sentences(statement({ Service: `lambda${suffix}` }, { StringEquals: { 'aws:SourceAccount': '{account}' } })))
      .toEqual(['Lambda functions of this account']);
    expect(sentences(statement({ Service: `states${suffix}` }, { StringEquals: { 'aws:SourceAccount': '333344445555' }, ArnLike: { 'aws:SourceArn': `arn:${partition}:states:*:333344445555:stateMachine:*` } })))
      .toEqual([`Step Functions state machines of account 333344445555, for arn:${partition}:states:*:333344445555:stateMachine:*`]);
    expect(sentences(statement({ Service: `ec2${suffix}` }))).toEqual([`EC2 instances (ec2${suffix})`]);
    expect(sentences(statement({ Service: `example${suffix}` }))).toEqual([`the service example${suffix} (example${suffix})`]);
  });

  test('any principal of an organization, and anyone at all', () => {
    expect(sentences(statement({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }))).toEqual(['any principal of organization o-a1b2c3d4e5']);
    expect(sentences(statement('*'))).toEqual(['anyone (any AWS principal, in any account)']);
  });

  test('SAML users of a provider; the standard sign-in audience goes without saying', () => {
    const signIn = { 'aws': 'https://signin.aws.amazon.com/saml', 'aws-cn': 'https://signin.amazonaws.cn/saml', 'aws-us-gov': 'https://signin.amazonaws-us-gov.com/saml' }[partition];
    expect(sentences(statement({ Federated: `arn:${partition}:iam::111111111111:saml-provider/okta` }, { StringEquals: { 'SAML:aud': signIn } }, 'sts:AssumeRoleWithSAML')))
      .toEqual(['SAML users of okta']);
  });

  test('roles, users and role sessions of other accounts', () => {
    expect(sentences(statement({
      AWS: [
        `arn:${partition}:iam::222233334444:role/ops/deployer`,
        `arn:${partition}:iam::222233334444:user/alice`,
        `arn:${partition}:sts::222233334444:assumed-role/admin/alice`,
      ],
    }))).toEqual([
      'role ops/deployer of account 222233334444',
      'user alice of account 222233334444',
      'sessions of role admin of account 222233334444',
    ]);
  });
});

describe('trusted parties', () => {
  test('a role of the app is named by its construct path', () => {
    const [party] = trustedParties(statement({ AWS: '\u0001role:3:Arn\u0001' }), context);
    expect(party).toMatchObject({ kind: 'role', who: 'role App/Role3', principal: '<App/Role3.Arn>', appRole: 3 });
  });

  test('one party per principal of each Allow statement; Deny statements trust nobody', () => {
    const doc = {
      Statement: [
        { Effect: 'Allow', Principal: { AWS: ['222233334444', '333344445555'] }, Action: ['sts:AssumeRole', 'sts:TagSession'], Sid: 'Partners' },
        { Effect: 'Deny', Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole' },
      ],
    };
    const parties = trustedParties(doc, context);
    expect(parties.map((p) => [p.who, p.actions, p.sid])).toEqual([
      ['account 222233334444 (root)', ['sts:AssumeRole', 'sts:TagSession'], 'Partners'],
      ['account 333344445555 (root)', ['sts:AssumeRole', 'sts:TagSession'], 'Partners'],
    ]);
  });

  test('NotPrincipal allows anyone except the principals named', () => {
    const doc = { Statement: [{ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::222233334444:root' }, Action: 'sts:AssumeRole' }] };
    expect(sentences(doc)).toEqual(['anyone except arn:aws:iam::222233334444:root']);
  });

  test('conditions that are deploy-time values are said to be there, not dropped', () => {
    const doc = { Statement: [{ Effect: 'Allow', Principal: { AWS: '222233334444' }, Action: 'sts:AssumeRole', Condition: '<if UseGuard>' }] };
    const [party] = trustedParties(doc, context);
    expect(party.unreadConditions).toBe(true);
    expect(party.sentence).toBe('account 222233334444 (root) with conditions that are deploy-time values (not shown)');
  });

  test('an environment-agnostic stack: a literal account counts as another account (it may not be the one deployed to)', () => {
    const agnostic = { ...context, ownAccount: '{deploy-time account}', ownAccountKnown: false };
    const [own, other] = trustedParties(statement({ AWS: ['arn:aws:iam::{account}:root', 'arn:aws:iam::222233334444:root'] }), agnostic);
    expect(own).toMatchObject({ sentence: 'this account (root)', crossAccount: false });
    expect(other).toMatchObject({ sentence: 'account 222233334444 (root)', crossAccount: true });
  });

  test('other web identities: Cognito, Google, any OIDC provider', () => {
    expect(sentences(statement({ Federated: 'cognito-identity.amazonaws.com' }, {
      'StringEquals': { 'cognito-identity.amazonaws.com:aud': 'us-east-1:1234' },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    }, 'sts:AssumeRoleWithWebIdentity'))).toEqual(['authenticated identities of Cognito identity pool us-east-1:1234']);
    expect(sentences(statement({ Federated: 'accounts.google.com' }, { StringEquals: { 'accounts.google.com:aud': 'client-1' } })))
      .toEqual(['Google sign-in, client client-1']);
    expect(sentences(statement({ Federated: 'arn:aws:iam::111111111111:oidc-provider/idp.example.com' }, { StringEquals: { 'idp.example.com:sub': 'svc-1' } })))
      .toEqual(['users of OIDC provider idp.example.com: subject svc-1']);
  });
});

describe('the organization trusts in plain words', () => {
  const ORG = 'o-a1b2c3d4e5';

  test('any principal of an organization, narrowed to roles named deployer, with MFA', () => {
    const doc = statement({ AWS: '*' }, {
      StringEquals: { 'aws:PrincipalOrgID': ORG },
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/deployer' },
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
    });
    const [party] = trustedParties(doc, context);
    expect(party).toMatchObject({
      kind: 'anyone',
      who: `any principal of organization ${ORG}, only arn:aws:iam::*:role/deployer`,
      sentence: `any principal of organization ${ORG}, only arn:aws:iam::*:role/deployer with MFA`,
      crossAccount: false,
    });
  });

  test('any principal of an organizational unit, or of several, and the units below them', () => {
    const one = statement('*', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${ORG}/*/ou-ab12-11111111/*` } });
    expect(sentences(one)).toEqual([`any principal in organizational unit ou-ab12-11111111 (or a unit below it) of organization ${ORG}`]);
    const two = statement('*', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/*/ou-ab12-11111111/*`, `${ORG}/*/ou-ab12-22222222/*`] } });
    expect(sentences(two)).toEqual([`any principal in organizational units ou-ab12-11111111 or ou-ab12-22222222 (or units below them) of organization ${ORG}`]);
  });

  test('other organization paths are shown as written', () => {
    const path = `${ORG}/r-ab12/ou-ab12-11111111/`;
    expect(sentences(statement('*', { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgPaths': path } }))).toEqual([`any principal in organization path ${path}`]);
  });

  test('an account root narrowed to an organization keeps its words', () => {
    expect(sentences(statement({ AWS: 'arn:aws:iam::222233334444:root' }, { StringEquals: { 'aws:PrincipalOrgID': ORG } })))
      .toEqual([`account 222233334444 (root), in organization ${ORG}`]);
  });
});

describe.each(['aws', 'aws-cn', 'aws-us-gov'])('EKS Pod Identity parties in plain words, partition %s', (partition) => {
  const pods = { Service: partition === 'aws-cn' ? 'pods.eks.amazonaws.com.cn' : 'pods.eks.amazonaws.com' };
  const tagged = ['sts:AssumeRole', 'sts:TagSession'];

  test('restricted by cluster, namespace and service account', () => {
    expect(sentences(statement(pods, {
      StringEquals: { 'aws:RequestTag/eks-cluster-name': 'prod', 'aws:RequestTag/kubernetes-namespace': 'payments', 'aws:RequestTag/kubernetes-service-account': 'api' },
    }, tagged))).toEqual(['EKS Pod Identity: cluster prod, namespace payments, service account api']);
  });

  test('patterns, a cluster by ARN, and several values', () => {
    expect(sentences(statement(pods, {
      StringLike: { 'aws:RequestTag/kubernetes-namespace': ['team-*', 'payments'] },
      StringEquals: { 'aws:RequestTag/eks-cluster-arn': `arn:${partition}:eks:eu-west-1:111111111111:cluster/prod`, 'aws:RequestTag/kubernetes-service-account': ['api', 'worker'] },
    }, tagged))).toEqual([`EKS Pod Identity: namespaces matching team-* or payments, cluster arn:${partition}:eks:eu-west-1:111111111111:cluster/prod, service account api or worker`]);
  });

  test('unrestricted, as before', () => {
    expect(sentences(statement(pods, undefined, tagged))).toEqual([`EKS Pod Identity associations (${pods.Service})`]);
  });

  test('a target role trusting a Pod Identity role: the role, then the pod it carries', () => {
    const role = `arn:${partition}:iam::222233334444:role/payments-api`;
    const [party] = trustedParties(statement({ AWS: `arn:${partition}:iam::222233334444:root` }, {
      ArnEquals: { 'aws:PrincipalArn': role },
      StringEquals: { 'aws:RequestTag/eks-cluster-name': 'prod', 'aws:RequestTag/kubernetes-namespace': 'payments' },
    }, tagged), context);
    expect(party.sentence).toBe(`account 222233334444 (root), only ${role}, cluster prod, namespace payments`);
    expect(party.crossAccount).toBe(true);
  });
});
