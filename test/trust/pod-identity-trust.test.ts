/**
 * Trust.eksPodIdentity with restrictions (src/trust/pod-identity-trust.ts): the session-tag
 * conditions of the EKS User Guide (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html),
 * in the statement of pods.eks.amazonaws.com, with StringLike exactly where a value has a wildcard.
 */
import { ACCOUNT_ID, deployedStatements, join, PARTITION, rawStatements } from './trust-fixtures';
import { ServiceTrust, Trust } from '../../src';
import { newStack, stringParameter } from '../support/stacks';

const PODS = { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] };

describe('Trust.eksPodIdentity without options', () => {
  test('renders the trust policy of the EKS User Guide, unchanged', () => {
    expect(rawStatements([Trust.eksPodIdentity()])).toEqual([PODS]);
    expect(rawStatements([Trust.eksPodIdentity({})])).toEqual([PODS]);
  });

  test('is still a ServiceTrust, so withSourceAccount keeps working', () => {
    const trust = Trust.eksPodIdentity();
    expect(trust).toBeInstanceOf(ServiceTrust);
    expect(rawStatements([trust.withSourceAccount()])).toEqual([{ ...PODS, Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT_ID } } }]);
    expect(trust.toString()).toBe('Trust.eksPodIdentity()');
  });
});

describe('Trust.eksPodIdentity restricted by session tags', () => {
  test('cluster name, namespace and service account: StringEquals on the three request tags, in the same statement', () => {
    const trust = Trust.eksPodIdentity({ clusterNames: ['prod'], namespaces: ['payments'], serviceAccounts: ['api'] });
    expect(rawStatements([trust])).toEqual([{
      ...PODS,
      Condition: {
        StringEquals: {
          'aws:RequestTag/kubernetes-namespace': 'payments',
          'aws:RequestTag/kubernetes-service-account': 'api',
          'aws:RequestTag/eks-cluster-name': 'prod',
        },
      },
    }]);
    expect(trust.toString()).toBe('Trust.eksPodIdentity(cluster prod, namespace payments, service account api)');
  });

  test('a key with a wildcard value is compared with StringLike (all its values); the others stay StringEquals', () => {
    const trust = Trust.eksPodIdentity({ namespaces: ['team-*', 'payments'], serviceAccounts: ['api'] });
    expect(rawStatements([trust])).toEqual([{
      ...PODS,
      Condition: {
        StringLike: { 'aws:RequestTag/kubernetes-namespace': ['team-*', 'payments'] },
        StringEquals: { 'aws:RequestTag/kubernetes-service-account': 'api' },
      },
    }]);
  });

  test('cluster ARN templates render to the partition, Region and account of the stack', () => {
    const trust = Trust.eksPodIdentity({ clusterArns: ['arn:{partition}:eks:{region}:{account}:cluster/prod'] });
    expect(rawStatements([trust])).toEqual([{
      ...PODS,
      Condition: { StringEquals: { 'aws:RequestTag/eks-cluster-arn': join('arn:', PARTITION, ':eks:', { Ref: 'AWS::Region' }, ':', ACCOUNT_ID, ':cluster/prod') } },
    }]);
    expect(deployedStatements([trust], 'aws-cn', newStack({ env: { region: 'cn-north-1', account: '123456789012' } }))[0].Condition).toEqual({
      StringEquals: { 'aws:RequestTag/eks-cluster-arn': 'arn:aws-cn:eks:cn-north-1:123456789012:cluster/prod' },
    });
  });

  test('clusters by name and by ARN: one statement each, so that either admits (one statement would need both tags)', () => {
    const trust = Trust.eksPodIdentity({ clusterNames: ['prod'], clusterArns: ['arn:aws:eks:eu-west-1:123456789012:cluster/dr-*'], namespaces: ['payments'] });
    expect(rawStatements([trust])).toEqual([
      { ...PODS, Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments', 'aws:RequestTag/eks-cluster-name': 'prod' } } },
      {
        ...PODS,
        Condition: {
          StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' },
          StringLike: { 'aws:RequestTag/eks-cluster-arn': 'arn:aws:eks:eu-west-1:123456789012:cluster/dr-*' },
        },
      },
    ]);
  });

  test('source guards and conditions of the user join the same statement', () => {
    const trust = Trust.eksPodIdentity({ namespaces: ['payments'] }).withSourceAccount().withCondition('StringEquals', 'aws:RequestTag/kubernetes-pod-name', ['api-0']);
    expect(rawStatements([trust])).toEqual([{
      ...PODS,
      Condition: {
        StringEquals: { 'aws:RequestTag/kubernetes-pod-name': 'api-0', 'aws:SourceAccount': ACCOUNT_ID, 'aws:RequestTag/kubernetes-namespace': 'payments' },
      },
    }]);
  });

  test('a restricted and a plain trust are separate statements: conditions never reach the other', () => {
    expect(rawStatements([Trust.eksPodIdentity({ namespaces: ['payments'] }), Trust.eksPodIdentity()])).toEqual([
      { ...PODS, Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' } } },
      PODS,
    ]);
  });

  test('the value is immutable: withSourceAccount returns a new value, still restricted', () => {
    const base = Trust.eksPodIdentity({ namespaces: ['payments'] });
    const guarded = base.withSourceAccount();
    expect(guarded.toString()).toBe('Trust.eksPodIdentity(namespace payments)');
    expect(rawStatements([base])).toEqual([{ ...PODS, Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' } } }]);
  });

  test('a deploy-time cluster name is compared as it is', () => {
    const stack = newStack();
    const name = stringParameter(stack);
    expect(rawStatements([Trust.eksPodIdentity({ clusterNames: [name] })], stack)).toEqual([
      { ...PODS, Condition: { StringEquals: { 'aws:RequestTag/eks-cluster-name': { Ref: 'P' } } } },
    ]);
  });
});
