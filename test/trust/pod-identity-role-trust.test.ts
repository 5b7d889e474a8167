/**
 * Trust.eksPodIdentityRole (src/trust/pod-identity-role-trust.ts): the target role's trust in
 * the Pod Identity role, as the EKS User Guide writes it
 * (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-assign-target-role.html): the Pod
 * Identity role's account as principal, ArnEquals aws:PrincipalArn naming the role,
 * sts:AssumeRole and sts:TagSession, and the session tags of the cluster, namespace and service
 * account.
 */
import { ACCOUNT_ID, join, PARTITION, rawStatements } from './trust-fixtures';
import { EksPodIdentityRoleTrust, Trust } from '../../src';
import { newStack, stringParameter } from '../support/stacks';

const POD_ROLE = 'arn:aws:iam::111122223333:role/payments-api';
const ACTIONS = ['sts:AssumeRole', 'sts:TagSession'];

describe('Trust.eksPodIdentityRole', () => {
  test('the statement of the EKS User Guide: the account root, ArnEquals aws:PrincipalArn, the three request tags', () => {
    const trust = Trust.eksPodIdentityRole(POD_ROLE, {
      clusterArns: ['arn:aws:eks:us-east-1:111122223333:cluster/example-cluster'],
      namespaces: ['payments'],
      serviceAccounts: ['api'],
    });
    expect(trust).toBeInstanceOf(EksPodIdentityRoleTrust);
    expect(trust.roleArn).toBe(POD_ROLE);
    expect(rawStatements([trust])).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: ACTIONS,
      Condition: {
        ArnEquals: { 'aws:PrincipalArn': POD_ROLE },
        StringEquals: {
          'aws:RequestTag/eks-cluster-arn': 'arn:aws:eks:us-east-1:111122223333:cluster/example-cluster',
          'aws:RequestTag/kubernetes-namespace': 'payments',
          'aws:RequestTag/kubernetes-service-account': 'api',
        },
      },
    }]);
    expect(trust.toString()).toBe(`Trust.eksPodIdentityRole(${POD_ROLE}; cluster arn:aws:eks:us-east-1:111122223333:cluster/example-cluster, namespace payments, service account api)`);
  });

  test('without options: any session of the Pod Identity role', () => {
    expect(rawStatements([Trust.eksPodIdentityRole(POD_ROLE)])).toEqual([{
      Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ACTIONS, Condition: { ArnEquals: { 'aws:PrincipalArn': POD_ROLE } },
    }]);
  });

  test('an ARN template keeps its placeholders in the principal and the condition', () => {
    const trust = Trust.eksPodIdentityRole('arn:{partition}:iam::{account}:role/payments-api', { namespaces: ['team-*'] });
    expect(rawStatements([trust])).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':root') },
      Action: ACTIONS,
      Condition: {
        ArnEquals: { 'aws:PrincipalArn': join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':role/payments-api') },
        StringLike: { 'aws:RequestTag/kubernetes-namespace': 'team-*' },
      },
    }]);
  });

  test('a deploy-time role ARN is the principal itself, as Trust.role writes it', () => {
    const stack = newStack();
    const arn = stringParameter(stack);
    expect(rawStatements([Trust.eksPodIdentityRole(arn, { serviceAccounts: ['api'] })], stack)).toEqual([{
      Effect: 'Allow', Principal: { AWS: { Ref: 'P' } }, Action: ACTIONS, Condition: { StringEquals: { 'aws:RequestTag/kubernetes-service-account': 'api' } },
    }]);
  });

  test('clusters by name and by ARN: one statement each', () => {
    const statements = rawStatements([Trust.eksPodIdentityRole(POD_ROLE, { clusterNames: ['prod'], clusterArns: ['arn:aws:eks:eu-west-1:111122223333:cluster/dr'] })]);
    expect(statements.map((s) => s.Condition)).toEqual([
      { ArnEquals: { 'aws:PrincipalArn': POD_ROLE }, StringEquals: { 'aws:RequestTag/eks-cluster-name': 'prod' } },
      { ArnEquals: { 'aws:PrincipalArn': POD_ROLE }, StringEquals: { 'aws:RequestTag/eks-cluster-arn': 'arn:aws:eks:eu-west-1:111122223333:cluster/dr' } },
    ]);
  });
});
