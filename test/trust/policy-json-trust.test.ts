import { Duration } from 'aws-cdk-lib';
import { Annotations } from 'aws-cdk-lib/assertions';
import { deployedStatements, rawStatements, roleTrusting, synthesize } from './trust-fixtures';
import {
  AssumableRole, AwsPrincipalTrust, OidcIssuer, OrganizationTrust, PolicyJsonTrust, SamlTrust, ServiceTrust, Trust, TrustRelationship,
  WebIdentityTrust,
} from '../../src';
import { newStack } from '../support/stacks';
import { expectFinding, expectNoFinding } from '../validation/validation-support';

const EKS = 'oidc.eks.us-east-1.amazonaws.com/id/ABC123';
const EKS_PROVIDER = `arn:{partition}:iam::{account}:oidc-provider/${EKS}`;
const OKTA = 'arn:{partition}:iam::{account}:saml-provider/okta';

function doc(...statements: object[]): object {
  return { Version: '2012-10-17', Statement: statements };
}

/** Each shape a typed factory writes, the statement as JSON, the class it lifts to and the typed value it equals. */
const LIFTED: Array<[string, object, Function, TrustRelationship]> = [
  ['a whole account by ID', { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' },
    AwsPrincipalTrust, Trust.account('111122223333')],
  ['accounts by root ARN template, with ExternalId and MFA age', {
    Effect: 'Allow',
    Principal: { AWS: ['arn:{partition}:iam::111122223333:root', 'arn:{partition}:iam::444455556666:root'] },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': 'partner-1' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' } },
  }, AwsPrincipalTrust, Trust.accounts(['111122223333', '444455556666']).withExternalId('partner-1').requireMfa(Duration.hours(1))],
  ['roles with aws:PrincipalArn and organization', {
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111122223333:role/deployer' },
    Action: ['sts:AssumeRole', 'sts:TagSession'],
    Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' }, ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/*' } },
  }, AwsPrincipalTrust, Trust.role('arn:aws:iam::111122223333:role/deployer').withPrincipalArn('arn:aws:iam::111122223333:role/*').withinOrganization('o-a1b2c3d4e5').withSessionTags()],
  ['a user', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/John' }, Action: 'sts:AssumeRole' },
    AwsPrincipalTrust, Trust.user('arn:aws:iam::111122223333:user/John')],
  ['a root ARN with a literal partition (kept as written)', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
    AwsPrincipalTrust, Trust.principals(['arn:aws:iam::111122223333:root'])],
  ['a service with source account and ARN', {
    Effect: 'Allow',
    Principal: { Service: 'events.amazonaws.com' },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'aws:SourceAccount': '{account}' }, ArnLike: { 'aws:SourceArn': 'arn:{partition}:events:{region}:{account}:rule/*' } },
  }, ServiceTrust, Trust.service('events').withSourceAccount().withSourceArn('arn:{partition}:events:{region}:{account}:rule/*')],
  ['EKS Pod Identity', { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
    ServiceTrust, Trust.eksPodIdentity()],
  ['EKS service accounts (IRSA)', {
    Effect: 'Allow',
    Principal: { Federated: EKS_PROVIDER },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com', [`${EKS}:sub`]: 'system:serviceaccount:default:app-sa' } },
  }, WebIdentityTrust, Trust.eksServiceAccount(OidcIssuer.fromProviderArn(EKS_PROVIDER), 'default', 'app-sa')],
  ['an OIDC provider with subject patterns', {
    Effect: 'Allow',
    Principal: { Federated: 'arn:{partition}:iam::{account}:oidc-provider/token.actions.githubusercontent.com' },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:my-org/app:*' },
    },
  }, WebIdentityTrust, Trust.openIdConnect(OidcIssuer.githubActions(), { subjects: ['repo:my-org/app:*'] })],
  ['a SAML provider', {
    Effect: 'Allow', Principal: { Federated: OKTA }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
  }, SamlTrust, Trust.saml(OKTA, { audiences: ['https://signin.aws.amazon.com/saml'] })],
  ['an empty Sid', { Sid: '', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }, ServiceTrust, Trust.service('lambda')],
];

describe('Trust.fromPolicyJson lifts the shapes the typed factories write', () => {
  test.each(LIFTED)('%s', (_name, statement, kind, typed) => {
    const trust = Trust.fromPolicyJson(doc(statement));
    expect(trust.verbatimStatements).toEqual([]);
    expect(trust.liftedTrusts).toHaveLength(1);
    expect(trust.liftedTrusts[0]).toBeInstanceOf(kind);
    // The same statements as the typed value, so the same meaning.
    expect(rawStatements([trust])).toEqual(rawStatements([typed]));
  });

  test('a statement with an AWS and a Service principal lifts to one relationship each, merged again when rendered', () => {
    const statement = { Effect: 'Allow', Principal: { AWS: '111122223333', Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };
    const trust = Trust.fromPolicyJson(doc(statement));
    expect(trust.liftedTrusts.map((t) => t.constructor)).toEqual([AwsPrincipalTrust, ServiceTrust]);
    expect(deployedStatements([trust])).toEqual([{ ...statement, Principal: { AWS: 'arn:aws:iam::111122223333:root', Service: 'lambda.amazonaws.com' } }]);
  });
});

/** Statements one element away from a lifted shape: kept as written. */
const NEAR_MISSES: Array<[string, object]> = [
  ['a Deny', { Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }],
  ['a named statement', { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }],
  ['NotPrincipal', { Effect: 'Allow', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }],
  ['an ExternalId with StringLike', { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Condition: { StringLike: { 'sts:ExternalId': 'partner-*' } } }],
  ['a condition no factory writes', { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }],
  ['MFA as a JSON boolean', { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } } }],
  ['an MFA age without MFA present', { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Condition: { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '300' } } }],
  ['an action the factory does not add', { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity'] }],
  ['a short service name (the factory writes the full name)', { Effect: 'Allow', Principal: { Service: 'lambda' }, Action: 'sts:AssumeRole' }],
  ['IRSA without an audience (the factory always writes aud)', {
    Effect: 'Allow',
    Principal: { Federated: EKS_PROVIDER },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${EKS}:sub`]: 'system:serviceaccount:default:app-sa' } },
  }],
  ['a subject with * under StringEquals (a literal star)', {
    Effect: 'Allow',
    Principal: { Federated: EKS_PROVIDER },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com', [`${EKS}:sub`]: 'system:serviceaccount:default:*' } },
  }],
  ['SAML without SAML:aud', { Effect: 'Allow', Principal: { Federated: OKTA }, Action: 'sts:AssumeRoleWithSAML' }],
  ['SAML with another condition', {
    Effect: 'Allow',
    Principal: { Federated: OKTA },
    Action: 'sts:AssumeRoleWithSAML',
    Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml', 'SAML:sub': 'alice' } },
  }],
];

describe('Trust.fromPolicyJson keeps any other statement verbatim', () => {
  test.each(NEAR_MISSES)('%s', (_name, statement) => {
    const trust = Trust.fromPolicyJson(doc(statement));
    expect(trust.liftedTrusts).toEqual([]);
    expect(trust.verbatimStatements).toEqual([statement]);
    const rendered = JSON.parse(JSON.stringify(statement).replace(/\{partition\}/g, 'aws').replace(/\{account\}/g, '123456789012'));
    expect(deployedStatements([trust])).toEqual([rendered]);
  });

  test('verbatim statements come after the typed ones and are never merged with them', () => {
    const verbatim = { Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } };
    const trust = Trust.fromPolicyJson(doc(verbatim, { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }));
    expect(deployedStatements([trust, Trust.account('777788889999')])).toEqual([
      { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::777788889999:root'] }, Action: 'sts:AssumeRole' },
      verbatim,
    ]);
  });

  test('withSessionTags and withCondition apply to every statement that allows, lifted or verbatim', () => {
    // A source IP condition keeps this organization statement verbatim.
    const verbatim = { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } };
    const deny = { Effect: 'Deny', Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole' };
    const trust = Trust.fromPolicyJson(doc(verbatim, deny, { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }))
      .withSessionTags().withCondition('StringEquals', 'aws:RequestedRegion', ['eu-west-1']);
    expect(deployedStatements([trust])).toEqual([
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
      { ...verbatim, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'aws:RequestedRegion': ['eu-west-1'] }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
      deny,
    ]);
  });
});

describe('a role lists a trust policy given as JSON as typed relationships', () => {
  test('role.trusts has the lifted relationships, with what was added to the whole document, then the verbatim statements', () => {
    const verbatim = { Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } };
    const trust = Trust.fromPolicyJson(doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }, verbatim)).withSessionTags();
    const role = roleTrusting([trust]);
    expect(role.trusts.map((t) => t.constructor)).toEqual([ServiceTrust, PolicyJsonTrust]);
    expect((role.trusts[1] as PolicyJsonTrust).liftedTrusts).toEqual([]);
    // The parts render exactly as the whole value does.
    expect(rawStatements(role.trusts)).toEqual(synthesize(role).statements);
    expect(rawStatements([role.trusts[0]])).toEqual(rawStatements([Trust.service('lambda').withSessionTags()]));
  });
});

describe('Trust.fromPolicyJson reads text and objects', () => {
  test('JSON text as the operator writes it, with ARN templates in any string', () => {
    const text = JSON.stringify(doc({ Effect: 'Allow', Principal: { AWS: 'arn:{partition}:iam::{account}:role/nodes' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:RequestedRegion': '{region}' } } }), undefined, 2);
    const { statements } = synthesize(roleTrusting([Trust.fromPolicyJson(text)]));
    expect(statements).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/nodes']] } },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:RequestedRegion': { Ref: 'AWS::Region' } } },
    }]);
  });

  test('a single statement object (not a list) is accepted, as IAM does', () => {
    const trust = Trust.fromPolicyJson({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' } });
    expect(trust.liftedTrusts[0]).toBeInstanceOf(ServiceTrust);
  });

  test('the value is immutable and shared safely between roles', () => {
    const trust = Trust.fromPolicyJson(doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }));
    const tagged = trust.withSessionTags();
    expect(tagged).toBeInstanceOf(PolicyJsonTrust);
    expect(rawStatements([trust])[0].Action).toBe('sts:AssumeRole');
  });

  test('the checks read the rendered policy: a verbatim Principal "*" without conditions is reported', () => {
    // Lifted statements render as the typed ones do, so the checks treat them alike.
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.fromPolicyJson(doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }))] });
    expectFinding(stack, 'TrustAnyPrincipal', 'error');
  });

  test('a lifted service statement passes the checks silently, as Trust.service does', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.fromPolicyJson(doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }))] });
    expect(Annotations.fromStack(stack).findWarning('*', {}).concat(Annotations.fromStack(stack).findError('*', {}))).toEqual([]);
    expectNoFinding(stack, 'TrustAnyPrincipal', 'error');
  });

  test('the size quota counts verbatim and lifted statements', () => {
    const statements = Array.from({ length: 40 }, (_, i) => ({
      Effect: 'Allow', Principal: { AWS: `arn:aws:iam::1111222233${String(i).padStart(2, '0')}:role/r` }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': `10.0.${i}.0/24` } },
    }));
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.fromPolicyJson(doc(...statements))] });
    expect(() => stack.node.root.node.tryFindChild('Stack') && (stack.node.root as any).synth()).toThrow(/Stack\/Role: invalid trust policy of about \d+ characters/);
  });
});

// ---- Organizations: "*" narrowed by aws:PrincipalOrgID or aws:PrincipalOrgPaths ----

const ORG = 'o-a1b2c3d4e5';
const ORG_ID = { StringEquals: { 'aws:PrincipalOrgID': ORG } };

/** The organization statements the factories write, as JSON, and the typed value each equals. */
const LIFTED_ORGANIZATIONS: Array<[string, object, TrustRelationship]> = [
  ['Principal "*" with the organization ID', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: ORG_ID }, Trust.organization(ORG)],
  ['{"AWS": "*"} with the organization ID', { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: ORG_ID }, Trust.organization(ORG)],
  ['units of the organization and the units below them', {
    Effect: 'Allow',
    Principal: '*',
    Action: 'sts:AssumeRole',
    Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/*/ou-ab12-11111111/*`, `${ORG}/*/ou-ab12-22222222/*`] } },
  }, Trust.organizationalUnits(ORG, ['ou-ab12-11111111', 'ou-ab12-22222222'])],
  ['the organization with principal ARN, MFA age and session tags', {
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: ['sts:AssumeRole', 'sts:TagSession'],
    Condition: {
      StringEquals: { 'aws:PrincipalOrgID': ORG },
      ArnLike: { 'aws:PrincipalArn': 'arn:{partition}:iam::*:role/deployer' },
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '900' },
    },
  }, Trust.organization(ORG).withPrincipalArn('arn:{partition}:iam::*:role/deployer').requireMfa(Duration.minutes(15)).withSessionTags()],
];

describe('Trust.fromPolicyJson lifts the organization statements into OrganizationTrust', () => {
  test.each(LIFTED_ORGANIZATIONS)('%s', (_name, statement, typed) => {
    const trust = Trust.fromPolicyJson(doc(statement));
    expect(trust.verbatimStatements).toEqual([]);
    expect(trust.liftedTrusts).toHaveLength(1);
    const lifted = trust.liftedTrusts[0] as OrganizationTrust;
    expect(lifted).toBeInstanceOf(OrganizationTrust);
    // withSessionTags returns the base type; the value is an OrganizationTrust all the same.
    const expected = typed as OrganizationTrust;
    expect([lifted.organizationId, lifted.organizationalUnitIds]).toEqual([expected.organizationId, expected.organizationalUnitIds]);
    expect(rawStatements([trust])).toEqual(rawStatements([typed]));
  });
});

/** "*" statements one element away from what the organization factories write: kept as written. */
const ORGANIZATION_NEAR_MISSES: Array<[string, object]> = [
  ['Principal "*" without a condition', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }],
  ['two organizations (the factory takes one)', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': [ORG, 'o-zz9yy8xx7w'] } } }],
  ['the organization ID under StringLike', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringLike: { 'aws:PrincipalOrgID': ORG } } }],
  ['the organization ID and a unit path together', {
    Effect: 'Allow',
    Principal: '*',
    Action: 'sts:AssumeRole',
    Condition: { 'StringEquals': { 'aws:PrincipalOrgID': ORG }, 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${ORG}/*/ou-ab12-11111111/*` } },
  }],
  ['a unit path that names the root', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${ORG}/r-ab12/ou-ab12-11111111/*` } } }],
  ['a unit path without its children', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgPaths': `${ORG}/r-ab12/ou-ab12-11111111/` } } }],
  ['unit paths under StringLike without ForAnyValue', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringLike: { 'aws:PrincipalOrgPaths': `${ORG}/*/ou-ab12-11111111/*` } } }],
  ['units of two organizations', {
    Effect: 'Allow',
    Principal: '*',
    Action: 'sts:AssumeRole',
    Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/*/ou-ab12-11111111/*`, 'o-zz9yy8xx7w/*/ou-zz99-11111111/*'] } },
  }],
  ['the organization with an ExternalId', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG, 'sts:ExternalId': 'x-123' } } }],
  ['the organization with "*" next to an account', { Effect: 'Allow', Principal: { AWS: ['*', '111122223333'] }, Action: 'sts:AssumeRole', Condition: ORG_ID }],
];

describe('Trust.fromPolicyJson keeps other "*" statements verbatim', () => {
  test.each(ORGANIZATION_NEAR_MISSES)('%s', (_name, statement) => {
    const trust = Trust.fromPolicyJson(doc(statement));
    expect(trust.liftedTrusts).toEqual([]);
    expect(trust.verbatimStatements).toEqual([statement]);
  });
});
