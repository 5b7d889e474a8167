/**
 * Integ test: an IrsaRole trusting service accounts of an EKS-style OIDC issuer.
 *
 * No cluster is created: the IAM OIDC provider of a made-up EKS issuer is registered
 * directly (`AWS::IAM::OIDCProvider`, no custom resource). Its thumbprint is given, so IAM
 * does not try to reach the made-up issuer; nothing ever presents a token from it, so the
 * role cannot actually be assumed, which is why the test checks what IAM stores.
 *
 * After deployment it checks that IAM holds the role as configured: path, session length,
 * tag, and a trust policy that requires the `sub` (exact and wildcard service accounts) and
 * `aud` claims of that issuer; and its inline policy.
 */
import { Aws, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IrsaRole, OidcIssuer } from '../src';
import {
  expectInlinePolicies,
  expectRole,
  integTestCase,
  trustFragment,
} from './support/integ-stack';

/** A made-up issuer in the form of EKS's; its ID does not belong to any cluster. */
const ISSUER_HOST = 'oidc.eks.us-east-1.amazonaws.com/id/0000INTEGTEST0000CDKASSUMABLEROLES';
/** The thumbprint of the CA of EKS's OIDC issuers. */
const EKS_OIDC_THUMBPRINT = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280';

const test = integTestCase('IntegIrsaRole', 'IrsaRole for the service accounts of an OIDC issuer');
const { stack } = test;

const provider = new iam.OidcProviderNative(stack, 'ClusterOidcProvider', {
  url: `https://${ISSUER_HOST}`,
  clientIds: ['sts.amazonaws.com'],
  thumbprints: [EKS_OIDC_THUMBPRINT],
});

const role = new IrsaRole(stack, 'AppRole', {
  issuers: [OidcIssuer.fromIssuerUrl(`https://${ISSUER_HOST}`)],
  serviceAccounts: ['integ-app:api', 'integ-jobs:*'],
  description: 'Role of the integ test service accounts',
  path: '/integ/irsa/',
  maxSessionDuration: Duration.hours(1),
  inlinePolicyJson: {
    'list-buckets': {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }],
    },
  },
  tags: { 'integ-test': 'irsa-role' },
});
// The issuer is given by URL (so the trust policy's condition keys are plain strings); the
// provider must still exist before the role that names it.
role.role.node.addDependency(provider);

expectRole(test, role.roleName, {
  path: '/integ/irsa/',
  maxSessionDurationSeconds: 3600,
  description: 'Role of the integ test service accounts',
  tag: { key: 'integ-test', value: 'irsa-role' },
  trustPolicy: [
    trustFragment('Federated', `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:oidc-provider/${ISSUER_HOST}`, 'Principal'),
    trustFragment('Action', 'sts:AssumeRoleWithWebIdentity'),
    trustFragment(`${ISSUER_HOST}:aud`, 'sts.amazonaws.com', 'StringEquals'),
    trustFragment(`${ISSUER_HOST}:sub`, 'system:serviceaccount:integ-app:api', 'StringEquals'),
    trustFragment(`${ISSUER_HOST}:sub`, 'system:serviceaccount:integ-jobs:*', 'StringLike'),
  ],
});

expectInlinePolicies(test, role.roleName, ['list-buckets']);

test.app.synth();
