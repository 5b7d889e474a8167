import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { yaml } from './catalog-text';
import { AssumableRole, AwsPrincipalTrust, EksPodIdentityRoleTrust, OrganizationTrust, RoleCatalog, ServiceTrust, Trust } from '../../src';
import { newStack } from '../support/stacks';


describe('catalog trustPolicy', () => {
  test('a trust policy as a YAML map on a role of kind assumable: lifted statements, placeholders rendered', () => {
    const stack = newStack();
    const catalog = RoleCatalog.fromYaml(stack, 'Roles', yaml(
      'roles:',
      '  - name: app',
      '    kind: assumable',
      '    trustPolicy:',
      '      Version: "2012-10-17"',
      '      Statement:',
      '        - Effect: Allow',
      '          Principal: {Service: ec2.amazonaws.com}',
      '          Action: sts:AssumeRole',
    ));
    // The role lists the statement as the typed relationship it was lifted into.
    expect(catalog.role('app').trusts.map((t) => t.constructor)).toEqual([ServiceTrust]);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'app',
      AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    });
  });

  test('a trust policy as JSON text (a YAML block scalar), added to the trust of a service role', () => {
    const stack = newStack();
    RoleCatalog.fromYaml(stack, 'Roles', yaml(
      'roles:',
      '  - name: app',
      '    kind: service',
      '    services: [lambda]',
      '    trustPolicy: |',
      '      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"},',
      '        "Action": "sts:AssumeRole", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}',
    ));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          // The `trust` prop comes first in every construct, then the construct's own.
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ci' }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      },
    });
  });
});

describe('catalog removalPolicy', () => {
  test.each([
    ['destroy', 'Delete'],
    ['retain', 'Retain'],
    ['retain-on-update-or-delete', 'RetainExceptOnCreate'],
  ])('%s sets the DeletionPolicy %s', (value, deletionPolicy) => {
    const stack = newStack();
    RoleCatalog.fromObject(stack, 'Roles', { roles: [{ name: 'app', kind: 'service', services: ['lambda'], removalPolicy: value }] });
    Template.fromStack(stack).hasResource('AWS::IAM::Role', { DeletionPolicy: deletionPolicy });
  });

  test('without removalPolicy, no DeletionPolicy (as a plain iam.Role)', () => {
    const stack = newStack();
    RoleCatalog.fromObject(stack, 'Roles', { roles: [{ name: 'app', kind: 'service', services: ['lambda'] }] });
    const [role] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role'));
    expect(role.DeletionPolicy).toBeUndefined();
  });
});

describe('catalog trust entries: session tags and source identity', () => {
  test('sessionTags and sourceIdentity add sts:TagSession and sts:SetSourceIdentity to that entry only', () => {
    const stack = newStack();
    const catalog = RoleCatalog.fromYaml(stack, 'Roles', yaml(
      'roles:',
      '  - name: app',
      '    kind: assumable',
      '    trust:',
      '      - {roleArn: "arn:aws:iam::111122223333:role/ci", sessionTags: true, sourceIdentity: true}',
      '      - {service: lambda}',
    ));
    expect(catalog.role('app').trusts[0]).toBeInstanceOf(AwsPrincipalTrust);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ci' }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] },
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      },
    });
  });
});

describe('catalog defaults', () => {
  test('a Pulumi-style list of names and policies becomes a catalog with a defaults block', () => {
    const stack = newStack();
    const catalog = RoleCatalog.fromYaml(stack, 'Roles', yaml(
      'defaults:',
      '  kind: cross-account',
      '  trustedRoleArns: ["arn:{partition}:iam::{account}:role/k8s-nodes"]',
      '  tags: {managed-by: platform}',
      'roles:',
      '  - name: builder',
      '    policies:',
      '      - name: packer',
      '        statements:',
      '          - {Effect: Allow, Action: ["ec2:RunInstances"], Resource: ["*"]}',
      '  - name: reader',
      '    tags: {team: data}',
      '    awsManagedPolicyNames: [ReadOnlyAccess]',
    ));
    expect(catalog.roleNames).toEqual(['builder', 'reader']);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 2);
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'builder', Tags: [{ Key: 'managed-by', Value: 'platform' }] });
    // A role's own tags replace the default tags (values are not merged).
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'reader', Tags: [{ Key: 'team', Value: 'data' }] });
  });

  test('a role that sets another kind inherits the common defaults, not the fields of the default kind', () => {
    const stack = newStack();
    RoleCatalog.fromObject(stack, 'Roles', {
      defaults: { kind: 'service', services: ['lambda'], path: '/apps/' },
      roles: [{ name: 'fn' }, { name: 'partner', kind: 'cross-account', trustedAccounts: ['111122223333'], externalIds: ['ext-1'] }],
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'fn', Path: '/apps/' });
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'partner', Path: '/apps/' });
  });
});

describe('catalog trust entries for every Trust kind', () => {
  test('eksPodIdentity, oidcProviderArn with subjects and audiences, samlProviderArn with audiences', () => {
    const stack = newStack();
    RoleCatalog.fromYaml(stack, 'Roles', yaml(
      'roles:',
      '  - name: app',
      '    kind: assumable',
      '    trust:',
      '      - {eksPodIdentity: true}',
      '      - oidcProviderArn: "arn:{partition}:iam::{account}:oidc-provider/gitlab.example.com"',
      '        subjects: ["project_path:platform/app:ref_type:branch:ref:main"]',
      '        audiences: [https://gitlab.example.com]',
      '      - {samlProviderArn: "arn:aws:iam::123456789012:saml-provider/okta", audiences: [urn:amazon:webservices]}',
    ));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { 'gitlab.example.com:aud': 'https://gitlab.example.com', 'gitlab.example.com:sub': 'project_path:platform/app:ref_type:branch:ref:main' } },
          },
          {
            Effect: 'Allow',
            Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/okta' },
            Action: 'sts:AssumeRoleWithSAML',
            Condition: { StringEquals: { 'SAML:aud': 'urn:amazon:webservices' } },
          },
        ],
      },
    });
  });
});

describe('catalog trust entries for the web identity providers built into STS', () => {
  test('cognitoIdentityPoolId, googleClientIds, facebookAppIds and loginWithAmazonAppIds make what the Trust factories make', () => {
    const pool = 'us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
    const stack = newStack();
    RoleCatalog.fromYaml(stack, 'Roles', yaml(
      'roles:',
      '  - name: app',
      '    kind: assumable',
      '    trust:',
      `      - {cognitoIdentityPoolId: "${pool}", unauthenticated: true, sessionTags: true}`,
      '      - {googleClientIds: [1234.apps.googleusercontent.com], userIds: ["1101"], originalAudiences: [sts.amazonaws.com]}',
      '      - {facebookAppIds: ["111222333444555"], userIds: ["10000000001"]}',
      '      - {loginWithAmazonAppIds: [amzn1.application-oa2-client.5d]}',
    ));
    const typed = newStack();
    new AssumableRole(typed, 'Role', {
      trust: [
        Trust.cognitoIdentityPool(pool, { unauthenticated: true }).withSessionTags(),
        Trust.google(['1234.apps.googleusercontent.com'], { userIds: ['1101'], originalAudiences: ['sts.amazonaws.com'] }),
        Trust.facebook(['111222333444555'], { userIds: ['10000000001'] }),
        Trust.loginWithAmazon(['amzn1.application-oa2-client.5d']),
      ],
    });
    const documentOf = (s: Stack) => Object.values(Template.fromStack(s).findResources('AWS::IAM::Role')).map((r: any) => r.Properties.AssumeRolePolicyDocument);
    expect(documentOf(stack)).toEqual(documentOf(typed));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: Match.arrayWith([{
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
          Condition: { 'StringEquals': { 'cognito-identity.amazonaws.com:aud': pool }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': ['authenticated', 'unauthenticated'] } },
        }]),
      },
    });
  });
});

describe('catalog outputs and quotas', () => {
  test('outputs adds the role ARN and name outputs; the quotas are those the constructs take', () => {
    const stack = newStack();
    RoleCatalog.fromObject(stack, 'Roles', { roles: [{ name: 'app', kind: 'service', services: ['lambda'], outputs: true, trustPolicySizeQuota: 4096, managedPoliciesQuota: 20 }] });
    expect(Object.keys(Template.fromStack(stack).findOutputs('*')).length).toBeGreaterThanOrEqual(2);
  });

  test('a trust policy larger than 2,048 characters builds when trustPolicySizeQuota is raised', () => {
    const accounts = Array.from({ length: 60 }, (_, i) => `1111222233${String(i).padStart(2, '0')}`);
    const document = (quota?: number) => ({ roles: [{ name: 'app', kind: 'cross-account', trustedAccounts: accounts, externalIds: ['ext-1'], ...(quota ? { trustPolicySizeQuota: quota } : {}) }] });
    const small = newStack();
    RoleCatalog.fromObject(small, 'Roles', document());
    expect(() => Template.fromStack(small)).toThrow(/invalid trust policy of about \d+ characters/);
    const raised = newStack();
    RoleCatalog.fromObject(raised, 'Roles', document(4096));
    expect(() => Template.fromStack(raised)).not.toThrow();
  });
});

describe('catalog trustPolicy and the stack', () => {
  test('a lifted OIDC statement with a provider of another account is reported by validate() with the account, as building reports it', () => {
    const provider = 'arn:aws:iam::999988887777:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC';
    const document = {
      roles: [{
        name: 'pods',
        kind: 'assumable',
        trustPolicy: {
          Version: '2012-10-17',
          Statement: [{
            Effect: 'Allow',
            Principal: { Federated: provider },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { 'oidc.eks.us-east-1.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com', 'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:a:b' } },
          }],
        },
      }],
    };
    const problems = RoleCatalog.validate({ document, account: '111122223333' });
    expect(problems).toEqual([expect.stringMatching(/^<object>: roles\[0\]\.trustPolicy: the OIDC provider .* is in account 999988887777, but the role is in account 111122223333/)]);
    expect(RoleCatalog.validate({ document })).toEqual([]);
    expect(() => RoleCatalog.fromObject(newStack({ env: { account: '111122223333' } }), 'Roles', document)).toThrow(problems[0]);
  });
});

describe('catalog organization trust entries', () => {
  test('organization, with organizationalUnits, principalArnPatterns and requireMfa, as Trust.organization / organizationalUnits', () => {
    const stack = newStack();
    const catalog = RoleCatalog.fromYaml(stack, 'Roles', yaml(
      'roles:',
      '  - name: app',
      '    kind: assumable',
      '    trust:',
      '      - {organization: o-a1b2c3d4e5}',
      '      - organization: o-a1b2c3d4e5',
      '        organizationalUnits: [ou-ab12-11111111]',
      '        principalArnPatterns: ["arn:{partition}:iam::*:role/deployer"]',
      '        requireMfa: true',
    ));
    expect(catalog.role('app').trusts.map((t) => [t.constructor, t.toString()])).toEqual([
      [OrganizationTrust, 'Trust.organization(o-a1b2c3d4e5)'],
      [OrganizationTrust, 'Trust.organizationalUnits(o-a1b2c3d4e5, ou-ab12-11111111)'],
    ]);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'sts:AssumeRole',
            Condition: {
              'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/*/ou-ab12-11111111/*' },
              'Bool': { 'aws:MultiFactorAuthPresent': 'true' },
              'ArnLike': { 'aws:PrincipalArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:role/deployer']] } },
            },
          },
        ],
      },
    });
  });
});

describe('catalog EKS Pod Identity: restricted trust, target-role trust, associations', () => {
  test('eksPodIdentity with clusterNames, namespaces and serviceAccounts, and an association it admits', () => {
    const stack = newStack({ env: { account: '111122223333', region: 'eu-west-1' } });
    const catalog = RoleCatalog.fromYaml(stack, 'Roles', yaml(
      'roles:',
      '  - name: payments-api',
      '    kind: assumable',
      '    trust:',
      '      - {eksPodIdentity: true, clusterNames: [prod], namespaces: [payments], serviceAccounts: [api]}',
      '    podIdentityAssociations:',
      '      - {clusterName: prod, namespace: payments, serviceAccount: api, targetRoleArn: "arn:{partition}:iam::444455556666:role/payments-reader"}',
    ));
    expect(catalog.role('payments-api').trusts.map(String)).toEqual(['Trust.eksPodIdentity(cluster prod, namespace payments, service account api)']);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: 'pods.eks.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: {
            StringEquals: {
              'aws:RequestTag/eks-cluster-name': 'prod',
              'aws:RequestTag/kubernetes-namespace': 'payments',
              'aws:RequestTag/kubernetes-service-account': 'api',
            },
          },
        }],
      },
    });
    template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', {
      ClusterName: 'prod', Namespace: 'payments', ServiceAccount: 'api', TargetRoleArn: Match.anyValue(),
    });
  });

  test('an association the trust does not admit fails at synth, naming the field', () => {
    const stack = newStack({ env: { account: '111122223333', region: 'eu-west-1' } });
    RoleCatalog.fromObject(stack, 'Roles', {
      roles: [{
        name: 'payments-api',
        kind: 'assumable',
        trust: [{ eksPodIdentity: true, namespaces: ['payments'] }],
        podIdentityAssociations: [{ clusterName: 'prod', namespace: 'batch', serviceAccount: 'api' }],
      }],
    });
    expect(() => Template.fromStack(stack)).toThrow(/Roles\/payments-api: invalid podIdentityAssociations\[0\] "prod\/batch\/api": the role's trust admits no such association/);
  });

  test('eksPodIdentityRoleArn: the target role\'s trust', () => {
    const stack = newStack({ env: { account: '444455556666', region: 'eu-west-1' } });
    const catalog = RoleCatalog.fromObject(stack, 'Roles', {
      roles: [{
        name: 'payments-reader',
        kind: 'assumable',
        trust: [{ eksPodIdentityRoleArn: 'arn:aws:iam::111122223333:role/payments-api', clusterNames: ['prod'], namespaces: ['payments'] }],
      }],
    });
    expect(catalog.role('payments-reader').trusts.map((t) => t.constructor)).toEqual([EksPodIdentityRoleTrust]);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: {
            ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/payments-api' },
            StringEquals: { 'aws:RequestTag/eks-cluster-name': 'prod', 'aws:RequestTag/kubernetes-namespace': 'payments' },
          },
        }],
      },
    });
  });
});
