/**
 * Trust.fromPolicyJson lifts the statements Trust.eksPodIdentity and Trust.eksPodIdentityRole
 * write (src/private/pod-identity-lifting.ts) into those relationships, rendered the same, and
 * keeps near misses as written.
 */
import { deployedStatements, rawStatements } from './trust-fixtures';
import { EksPodIdentityRoleTrust, ServiceTrust, Trust, TrustRelationship } from '../../src';

const PODS = { Service: 'pods.eks.amazonaws.com' };
const TAGGED = ['sts:AssumeRole', 'sts:TagSession'];
const POD_ROLE = 'arn:{partition}:iam::111122223333:role/payments-api';
const ROOT = { AWS: 'arn:{partition}:iam::111122223333:root' };

function doc(statement: object): object {
  return { Version: '2012-10-17', Statement: [statement] };
}

const LIFTED: Array<[string, object, Function, TrustRelationship]> = [
  ['the plain trust of the EKS User Guide', { Effect: 'Allow', Principal: PODS, Action: TAGGED }, ServiceTrust, Trust.eksPodIdentity()],
  ['namespace and service account (the User Guide\'s example)', {
    Effect: 'Allow',
    Principal: PODS,
    Action: TAGGED,
    Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments', 'aws:RequestTag/kubernetes-service-account': 'api' } },
  }, ServiceTrust, Trust.eksPodIdentity({ namespaces: ['payments'], serviceAccounts: ['api'] })],
  ['a cluster ARN template and a namespace pattern', {
    Effect: 'Allow',
    Principal: PODS,
    Action: TAGGED,
    Condition: {
      StringEquals: { 'aws:RequestTag/eks-cluster-arn': 'arn:{partition}:eks:{region}:{account}:cluster/prod' },
      StringLike: { 'aws:RequestTag/kubernetes-namespace': ['team-*', 'payments'] },
    },
  }, ServiceTrust, Trust.eksPodIdentity({ clusterArns: ['arn:{partition}:eks:{region}:{account}:cluster/prod'], namespaces: ['team-*', 'payments'] })],
  ['a cluster name with a source account', {
    Effect: 'Allow',
    Principal: PODS,
    Action: TAGGED,
    Condition: { StringEquals: { 'aws:RequestTag/eks-cluster-name': 'prod', 'aws:SourceAccount': '{account}' } },
  }, ServiceTrust, Trust.eksPodIdentity({ clusterNames: ['prod'] }).withSourceAccount()],
  ['the target role\'s trust of the EKS User Guide', {
    Effect: 'Allow',
    Principal: ROOT,
    Action: TAGGED,
    Condition: {
      ArnEquals: { 'aws:PrincipalArn': POD_ROLE },
      StringEquals: {
        'aws:RequestTag/eks-cluster-arn': 'arn:{partition}:eks:us-east-1:111122223333:cluster/example-cluster',
        'aws:RequestTag/kubernetes-namespace': 'payments',
        'aws:RequestTag/kubernetes-service-account': 'api',
      },
    },
  }, EksPodIdentityRoleTrust, Trust.eksPodIdentityRole(POD_ROLE, {
    clusterArns: ['arn:{partition}:eks:us-east-1:111122223333:cluster/example-cluster'], namespaces: ['payments'], serviceAccounts: ['api'],
  })],
  ['a target role\'s trust with source identity', {
    Effect: 'Allow', Principal: ROOT, Action: [...TAGGED, 'sts:SetSourceIdentity'], Condition: { ArnEquals: { 'aws:PrincipalArn': POD_ROLE } },
  }, EksPodIdentityRoleTrust, Trust.eksPodIdentityRole(POD_ROLE).withSourceIdentity()],
];

describe('Trust.fromPolicyJson lifts the Pod Identity shapes', () => {
  test.each(LIFTED)('%s', (_name, statement, kind, typed) => {
    const trust = Trust.fromPolicyJson(doc(statement));
    expect(trust.verbatimStatements).toEqual([]);
    expect(trust.liftedTrusts).toHaveLength(1);
    expect(trust.liftedTrusts[0]).toBeInstanceOf(kind);
    // The same relationship: Trust.eksPodIdentity(...) (its restriction) or Trust.eksPodIdentityRole(...).
    expect(trust.liftedTrusts[0].toString()).toBe(typed.toString());
    expect(rawStatements([trust])).toEqual(rawStatements([typed]));
  });
});

const NEAR_MISSES: Array<[string, object]> = [
  ['a wildcard under StringEquals (a literal star)', {
    Effect: 'Allow', Principal: PODS, Action: TAGGED, Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'team-*' } },
  }],
  ['StringLike without a wildcard', {
    Effect: 'Allow', Principal: PODS, Action: TAGGED, Condition: { StringLike: { 'aws:RequestTag/kubernetes-namespace': 'payments' } },
  }],
  ['cluster name and cluster ARN in one statement (both must match)', {
    Effect: 'Allow',
    Principal: PODS,
    Action: TAGGED,
    Condition: { StringEquals: { 'aws:RequestTag/eks-cluster-name': 'prod', 'aws:RequestTag/eks-cluster-arn': 'arn:aws:eks:us-east-1:123456789012:cluster/prod' } },
  }],
  ['a tag no option compares (the pod name)', {
    Effect: 'Allow', Principal: PODS, Action: TAGGED, Condition: { StringEquals: { 'aws:RequestTag/kubernetes-pod-name': 'api-0' } },
  }],
  ['the target role\'s trust with ArnLike (the factory writes ArnEquals)', {
    Effect: 'Allow', Principal: ROOT, Action: TAGGED, Condition: { ArnLike: { 'aws:PrincipalArn': POD_ROLE }, StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' } },
  }],
  ['the target role\'s trust naming a role of another account than the principal', {
    Effect: 'Allow', Principal: ROOT, Action: TAGGED, Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:{partition}:iam::444455556666:role/payments-api' } },
  }],
];

describe('Trust.fromPolicyJson keeps near misses of the Pod Identity shapes as written', () => {
  test.each(NEAR_MISSES)('%s', (_name, statement) => {
    const trust = Trust.fromPolicyJson(doc(statement));
    expect(trust.liftedTrusts.some((t) => /^Trust\.eksPodIdentity/.test(t.toString()))).toBe(false);
    const rendered = JSON.parse(JSON.stringify(statement).replace(/\{partition\}/g, 'aws').replace(/\{account\}/g, '123456789012'));
    expect(deployedStatements([trust])).toEqual([rendered]);
  });

  test('sts:AssumeRole alone stays a plain service trust', () => {
    const trust = Trust.fromPolicyJson(doc({ Effect: 'Allow', Principal: PODS, Action: 'sts:AssumeRole' }));
    expect(trust.liftedTrusts[0].toString()).toBe('Trust.service(pods.eks.amazonaws.com)');
  });
});
