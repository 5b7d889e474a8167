/**
 * EKS Pod Identity associations of a role (src/private/pod-identity-association-input.ts,
 * src/private/pod-identity-admission.ts): the AWS::EKS::PodIdentityAssociation resource, the
 * permission on a target role, and the synth check that the role's trust admits the
 * association's cluster, namespace and service account (with or without session tags).
 */
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks';
import { AssumableRole, Trust, TrustRelationship } from '../../src';
import { newStack, stringParameter } from '../support/stacks';
import { errorOf } from '../validation/validation-support';

const ENV = { account: '111122223333', region: 'eu-west-1' };
const PAYMENTS_API = { clusterName: 'prod', namespace: 'payments', serviceAccount: 'api' };
const TARGET = 'arn:aws:iam::444455556666:role/payments-reader';

function roleWith(trust: TrustRelationship[] = [Trust.eksPodIdentity({ clusterNames: ['prod'], namespaces: ['payments'], serviceAccounts: ['api'] })], env = ENV) {
  const stack = newStack({ env });
  return { stack, role: new AssumableRole(stack, 'Role', { trust }) };
}

/** The synth error of the stack, or '' when it synthesizes. */
function synthError(role: AssumableRole): string {
  try {
    Template.fromStack(role.stack);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('addPodIdentityAssociation', () => {
  test('creates the association of the role for the cluster, namespace and service account', () => {
    const { stack, role } = roleWith();
    const association = role.addPodIdentityAssociation('Api', PAYMENTS_API);
    expect(association).toBeInstanceOf(eks.CfnPodIdentityAssociation);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EKS::PodIdentityAssociation', 1);
    template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', {
      ClusterName: 'prod',
      Namespace: 'payments',
      ServiceAccount: 'api',
      RoleArn: { 'Fn::GetAtt': [stack.getLogicalId(role.role.node.defaultChild as any), 'Arn'] },
    });
    // No target role: no permission added, no disableSessionTags property.
    template.resourceCountIs('AWS::IAM::Policy', 0);
    expect(JSON.stringify(template.toJSON())).not.toContain('DisableSessionTags');
  });

  test('with a target role: TargetRoleArn, and sts:AssumeRole with sts:TagSession on it for the role', () => {
    const { stack, role } = roleWith();
    role.addPodIdentityAssociation('Api', { ...PAYMENTS_API, targetRoleArn: TARGET });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', { TargetRoleArn: TARGET });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: TARGET }] },
      Roles: [{ Ref: stack.getLogicalId(role.role.node.defaultChild as any) }],
    });
  });

  test('a target role ARN template renders to the stack\'s partition', () => {
    const { stack, role } = roleWith();
    role.addPodIdentityAssociation('Api', { ...PAYMENTS_API, targetRoleArn: 'arn:{partition}:iam::444455556666:role/payments-reader' });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::PodIdentityAssociation', {
      TargetRoleArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::444455556666:role/payments-reader']] },
    });
  });

  test('disableSessionTags is passed on', () => {
    const { stack, role } = roleWith([Trust.eksPodIdentity()]);
    role.addPodIdentityAssociation('Api', { ...PAYMENTS_API, disableSessionTags: true });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::PodIdentityAssociation', { DisableSessionTags: true });
  });

  test('the cluster name of a cluster of this app (a deploy-time value) makes the association depend on it', () => {
    const stack = newStack({ env: ENV });
    const cluster = new eks.CfnCluster(stack, 'Cluster', { roleArn: 'arn:aws:iam::111122223333:role/eks', resourcesVpcConfig: { subnetIds: ['subnet-1'] } });
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.eksPodIdentity({ clusterNames: [cluster.ref], namespaces: ['payments'] })] });
    role.addPodIdentityAssociation('Api', { ...PAYMENTS_API, clusterName: cluster.ref });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::PodIdentityAssociation', { ClusterName: { Ref: 'Cluster' } });
  });
});

describe('podIdentityAssociations', () => {
  test('creates one association each, with IDs from their cluster, namespace and service account', () => {
    const stack = newStack({ env: ENV });
    const role = new AssumableRole(stack, 'Role', {
      trust: [Trust.eksPodIdentity({ namespaces: ['payments'] })],
      podIdentityAssociations: [PAYMENTS_API, { ...PAYMENTS_API, clusterName: 'dr', targetRoleArn: TARGET }],
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EKS::PodIdentityAssociation', 2);
    expect(role.node.tryFindChild('PodIdentity-prod-payments-api')).toBeInstanceOf(eks.CfnPodIdentityAssociation);
    expect(role.node.tryFindChild('PodIdentity-dr-payments-api')).toBeInstanceOf(eks.CfnPodIdentityAssociation);
  });

  test('an association whose cluster is a deploy-time value is named by its position', () => {
    const stack = newStack({ env: ENV });
    const role = new AssumableRole(stack, 'Role', {
      trust: [Trust.eksPodIdentity()],
      podIdentityAssociations: [{ ...PAYMENTS_API, clusterName: stringParameter(stack) }],
    });
    expect(role.node.tryFindChild('PodIdentityAssociation0')).toBeDefined();
  });
});

describe('the role\'s trust must admit the association (checked at synth)', () => {
  test.each([
    ['the restriction it was made for', [Trust.eksPodIdentity({ clusterNames: ['prod'], namespaces: ['payments'], serviceAccounts: ['api'] })], PAYMENTS_API],
    ['the plain Pod Identity trust', [Trust.eksPodIdentity()], PAYMENTS_API],
    ['wildcards', [Trust.eksPodIdentity({ clusterNames: ['pr*'], namespaces: ['pay?ents'], serviceAccounts: ['*'] })], PAYMENTS_API],
    ['the cluster ARN in the stack\'s account and Region', [Trust.eksPodIdentity({ clusterArns: ['arn:aws:eks:eu-west-1:111122223333:cluster/prod'] })], PAYMENTS_API],
    ['the cluster ARN as a template', [Trust.eksPodIdentity({ clusterArns: ['arn:{partition}:eks:{region}:{account}:cluster/prod'] })], PAYMENTS_API],
    ['a cluster by name or by ARN (either)', [Trust.eksPodIdentity({ clusterNames: ['dr'], clusterArns: ['arn:aws:eks:*:111122223333:cluster/prod'] })], PAYMENTS_API],
    ['one of several trusts', [Trust.service('lambda'), Trust.eksPodIdentity({ namespaces: ['batch'] }), Trust.eksPodIdentity({ namespaces: ['payments'] })], PAYMENTS_API],
    ['a plain service trust with session tags disabled (no sts:TagSession needed)', [Trust.service('pods.eks')], { ...PAYMENTS_API, disableSessionTags: true }],
    ['a plain Pod Identity trust with session tags disabled', [Trust.eksPodIdentity()], { ...PAYMENTS_API, disableSessionTags: true }],
  ])('admitted: %s', (_name, trust, association) => {
    const { role } = roleWith(trust);
    role.addPodIdentityAssociation('Api', association);
    expect(synthError(role)).toBe('');
  });

  test.each([
    ['a source guard it does not compare', [Trust.eksPodIdentity({ namespaces: ['payments'] }).withSourceArn('arn:{partition}:eks:{region}:{account}:cluster/x')]],
    ['a condition of the user', [Trust.eksPodIdentity().withCondition('StringEquals', 'aws:RequestTag/kubernetes-pod-name', ['x'])]],
    ['a statement kept as written', [Trust.fromPolicyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { StringEquals: { 'aws:RequestTag/kubernetes-pod-name': 'x' } } }] })]],
  ])('not reported when the trust cannot be read through: %s', (_name, trust) => {
    const { role } = roleWith(trust);
    role.addPodIdentityAssociation('Api', PAYMENTS_API);
    expect(synthError(role)).toBe('');
  });

  test('not reported when the association\'s cluster is a deploy-time value', () => {
    const { stack, role } = roleWith([Trust.eksPodIdentity({ clusterNames: ['prod'] })]);
    role.addPodIdentityAssociation('Api', { ...PAYMENTS_API, clusterName: stringParameter(stack) });
    expect(synthError(role)).toBe('');
  });

  test('a cluster ARN is not compared in an environment-agnostic stack unless written the same', () => {
    const { role } = roleWith([Trust.eksPodIdentity({ clusterArns: ['arn:aws:eks:eu-west-1:111122223333:cluster/other'] })], {} as any);
    role.addPodIdentityAssociation('Api', PAYMENTS_API);
    expect(synthError(role)).toBe('');
  });

  const PATH = 'Stack/Role: invalid addPodIdentityAssociation(Api) "prod/payments/api"';
  test.each([
    ['a role that does not trust Pod Identity', [Trust.service('lambda')], PAYMENTS_API,
      `${PATH}: the role does not trust EKS Pod Identity; add Trust.eksPodIdentity(...) to its trust`],
    ['another namespace', [Trust.eksPodIdentity({ namespaces: ['batch'] })], PAYMENTS_API,
      `${PATH}: the role's trust admits no such association (Trust.eksPodIdentity(namespace batch): namespace "payments" is not batch); `
      + 'widen the trust (Trust.eksPodIdentity({ clusterNames, namespaces, serviceAccounts })) or change the association'],
    ['another service account and cluster', [Trust.eksPodIdentity({ clusterNames: ['dev-*'], serviceAccounts: ['worker'] })], PAYMENTS_API,
      `${PATH}: the role's trust admits no such association (Trust.eksPodIdentity(cluster dev-*, service account worker): `
      + 'cluster "prod" (arn:aws:eks:eu-west-1:111122223333:cluster/prod) is not dev-*, service account "api" is not worker); '
      + 'widen the trust (Trust.eksPodIdentity({ clusterNames, namespaces, serviceAccounts })) or change the association'],
    ['a cluster ARN of another Region', [Trust.eksPodIdentity({ clusterArns: ['arn:aws:eks:us-east-1:111122223333:cluster/prod'] })], PAYMENTS_API,
      `${PATH}: the role's trust admits no such association (Trust.eksPodIdentity(cluster arn:aws:eks:us-east-1:111122223333:cluster/prod): `
      + 'cluster "prod" (arn:aws:eks:eu-west-1:111122223333:cluster/prod) is not arn:aws:eks:us-east-1:111122223333:cluster/prod); '
      + 'widen the trust (Trust.eksPodIdentity({ clusterNames, namespaces, serviceAccounts })) or change the association'],
    ['a restricted trust and session tags disabled', [Trust.eksPodIdentity({ namespaces: ['payments'] })], { ...PAYMENTS_API, disableSessionTags: true },
      `${PATH}: the role's trust admits no such association (Trust.eksPodIdentity(namespace payments): it compares the session tags EKS sets, and the association disables them (disableSessionTags)); `
      + 'widen the trust (Trust.eksPodIdentity({ clusterNames, namespaces, serviceAccounts })) or change the association'],
    ['a service trust without sts:TagSession', [Trust.service('pods.eks')], PAYMENTS_API,
      `${PATH}: the role's trust admits no such association (Trust.service(pods.eks.amazonaws.com): it allows sts:AssumeRole without sts:TagSession, `
      + 'which EKS Pod Identity calls to set its session tags; use Trust.eksPodIdentity()); '
      + 'widen the trust (Trust.eksPodIdentity({ clusterNames, namespaces, serviceAccounts })) or change the association'],
  ])('an error: %s', (_name, trust, association, error) => {
    const { role } = roleWith(trust);
    role.addPodIdentityAssociation('Api', association);
    expect(synthError(role)).toContain(error);
  });

  test('a trust added after the association counts', () => {
    const { role } = roleWith([Trust.service('lambda')]);
    role.addPodIdentityAssociation('Api', PAYMENTS_API);
    role.addTrust(Trust.eksPodIdentity({ serviceAccounts: ['api'] }));
    expect(synthError(role)).toBe('');
  });

  test('the prop names the association by its position', () => {
    const stack = newStack({ env: ENV });
    new AssumableRole(stack, 'Role', { trust: [Trust.eksPodIdentity({ namespaces: ['batch'] })], podIdentityAssociations: [PAYMENTS_API] });
    expect(errorOf(() => Template.fromStack(stack))).toContain('Stack/Role: invalid podIdentityAssociations[0] "prod/payments/api": the role\'s trust admits no such association');
  });
});
