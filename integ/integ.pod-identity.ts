/**
 * Integ test: an EKS Pod Identity role restricted to a cluster, namespace and service account,
 * its Pod Identity association with a target role, and the target role trusting it.
 *
 * An association needs a real cluster, so the test creates the smallest one EKS accepts: a
 * control plane (`AWS::EKS::Cluster`, access through the EKS API only, no add-ons, no nodes) in
 * two public subnets of a VPC without NAT gateways. Nothing runs in it: no pod ever asks for
 * credentials, so the test checks what EKS and IAM store.
 *
 * After deployment it checks that IAM holds both roles with their trust (the Pod Identity role:
 * pods.eks.amazonaws.com with the session-tag conditions; the target role: the account with
 * `ArnEquals` `aws:PrincipalArn` naming the Pod Identity role), and that EKS reports the
 * association with its namespace, service account, role and target role
 * (`DescribePodIdentityAssociation`).
 *
 * The local emulator (moto) has no model for EKS resources and cannot delete the VPC: the
 * cluster, the association and the VPC are left out of its deploy (and listed as not deployed);
 * the roles and the target role's permission are deployed there and read back.
 */
import { ExpectedResult } from '@aws-cdk/integ-tests-alpha';
import { Aws } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks';
import { AssumableRole, ServiceRole, Trust } from '../src';
import { expectRole, integTestCase, trustFragment } from './support/integ-stack';

const NAMESPACE = 'integ-payments';
const SERVICE_ACCOUNT = 'api';
/** Named, so that the target role can name it by ARN before it exists (as the EKS User Guide does). */
const POD_ROLE_NAME = 'integ-pod-identity-api';
/**
 * Named, so that the trust compares a literal name (and the synth check of the association reads
 * it); the association depends on the cluster explicitly.
 */
const CLUSTER_NAME = 'integ-pod-identity';

const test = integTestCase('IntegPodIdentity', 'EKS Pod Identity role, association and target role');
const { stack, integ } = test;

const vpc = new ec2.Vpc(stack, 'Vpc', {
  maxAzs: 2,
  natGateways: 0,
  subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC }],
  // No Lambda-backed custom resource for the default security group: nothing uses it here.
  restrictDefaultSecurityGroup: false,
});
const clusterRole = new ServiceRole(stack, 'ClusterRole', {
  services: ['eks'],
  awsManagedPolicyNames: ['AmazonEKSClusterPolicy'],
});
const cluster = new eks.CfnCluster(stack, 'Cluster', {
  name: CLUSTER_NAME,
  roleArn: clusterRole.roleArn,
  resourcesVpcConfig: { subnetIds: vpc.publicSubnets.map((s) => s.subnetId) },
  accessConfig: { authenticationMode: 'API' },
  bootstrapSelfManagedAddons: false,
});

const podRole = new AssumableRole(stack, 'PodRole', {
  roleName: POD_ROLE_NAME,
  path: '/',
  trust: [Trust.eksPodIdentity({ clusterNames: [CLUSTER_NAME], namespaces: [NAMESPACE], serviceAccounts: [SERVICE_ACCOUNT] })],
  tags: { 'integ-test': 'pod-identity' },
});
const targetRole = new AssumableRole(stack, 'TargetRole', {
  trust: [Trust.eksPodIdentityRole(`arn:{partition}:iam::{account}:role/${POD_ROLE_NAME}`, {
    clusterNames: [CLUSTER_NAME], namespaces: [NAMESPACE], serviceAccounts: [SERVICE_ACCOUNT],
  })],
  tags: { 'integ-test': 'pod-identity' },
});
const association = podRole.addPodIdentityAssociation('Api', {
  clusterName: CLUSTER_NAME,
  namespace: NAMESPACE,
  serviceAccount: SERVICE_ACCOUNT,
  targetRoleArn: targetRole.roleArn,
});
association.addDependency(cluster);

expectRole(test, podRole.roleName, {
  path: '/',
  maxSessionDurationSeconds: 3600,
  tag: { key: 'integ-test', value: 'pod-identity' },
  trustPolicy: [
    trustFragment('Service', 'pods.eks.amazonaws.com', 'Principal'),
    trustFragment('aws:RequestTag/kubernetes-namespace', NAMESPACE, 'StringEquals'),
    trustFragment('aws:RequestTag/kubernetes-service-account', SERVICE_ACCOUNT, 'StringEquals'),
  ],
});
expectRole(test, targetRole.roleName, {
  path: '/',
  maxSessionDurationSeconds: 3600,
  tag: { key: 'integ-test', value: 'pod-identity' },
  trustPolicy: [
    trustFragment('AWS', `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:root`, 'Principal'),
    trustFragment('aws:PrincipalArn', `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${POD_ROLE_NAME}`, 'ArnEquals'),
    trustFragment('aws:RequestTag/kubernetes-namespace', NAMESPACE, 'StringEquals'),
  ],
});
integ.assertions
  .awsApiCall('EKS', 'describePodIdentityAssociation', { clusterName: CLUSTER_NAME, associationId: association.attrAssociationId })
  .expect(ExpectedResult.objectLike({
    association: {
      clusterName: CLUSTER_NAME,
      namespace: NAMESPACE,
      serviceAccount: SERVICE_ACCOUNT,
      roleArn: podRole.roleArn,
      targetRoleArn: targetRole.roleArn,
    },
  }));

test.app.synth();
