/**
 * Who may assume a role whose trust is a whole policy written as JSON (Trust.fromPolicyJson):
 * lifted statements (rendered as the typed factories render them) and statements kept verbatim
 * (Deny, source IP conditions, NotPrincipal-free shapes the factories do not write), each only
 * with the conditions the document states.
 */
import { allow, CLUSTER_A, CLUSTER_B, deny, describeCases, HOME, PARTNER, PARTNER_2, STRANGER } from './evaluation-fixtures';
import { AssumableRole, Trust } from '../../src';
import { newStack } from '../support/stacks';
import { Callers } from '../support/trust-evaluator';

/** The operator's IAMRole trust: EC2, and a partner role with an ExternalId (both lifted). */
const OPERATOR_TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" },
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:{partition}:iam::${PARTNER}:role/other-role" },
      "Action": "sts:AssumeRole",
      "Condition": { "StringEquals": { "sts:ExternalId": "unique-external-id" } }
    }
  ]
}`;

describeCases('Trust.fromPolicyJson with lifted service and role statements', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'App', { trust: [Trust.fromPolicyJson(OPERATOR_TRUST)] }) };
}, [
  allow('EC2', Callers.service('ec2.amazonaws.com')),
  allow('the partner role with the ExternalId', Callers.role(PARTNER, 'other-role', { externalId: 'unique-external-id' })),
  deny('the partner role without the ExternalId', Callers.role(PARTNER, 'other-role')),
  deny('the partner role with another ExternalId', Callers.role(PARTNER, 'other-role', { externalId: 'guess' })),
  deny('another role of the partner with the ExternalId', Callers.role(PARTNER, 'admin', { externalId: 'unique-external-id' })),
  deny('a role of the same name in another account', Callers.role(STRANGER, 'other-role', { externalId: 'unique-external-id' })),
  deny('Lambda', Callers.service('lambda.amazonaws.com')),
  deny('EC2 passing session tags (not in the document)', Callers.service('ec2.amazonaws.com'), ['sts:AssumeRole', 'sts:TagSession']),
  deny('a role of the role\'s own account', Callers.role(HOME, 'admin')),
]);

describeCases('Trust.fromPolicyJson with verbatim statements: an IP condition and a Deny', () => {
  const stack = newStack();
  const trust = Trust.fromPolicyJson({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: [`arn:{partition}:iam::${PARTNER}:root`, `arn:{partition}:iam::${PARTNER_2}:root`] },
        Action: 'sts:AssumeRole',
        Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      },
      { Sid: 'NoIntern', Effect: 'Deny', Principal: { AWS: `arn:{partition}:iam::${PARTNER}:user/intern` }, Action: 'sts:AssumeRole' },
    ],
  });
  return { stack, role: new AssumableRole(stack, 'Office', { trust: [trust] }) };
}, [
  allow('a role of the partner from the office network', Callers.role(PARTNER, 'dev', { context: { 'aws:SourceIp': '203.0.113.10' } })),
  allow('a user of the second partner from the office network', Callers.user(PARTNER_2, 'bob', { context: { 'aws:SourceIp': '203.0.113.200' } })),
  deny('a role of the partner from elsewhere', Callers.role(PARTNER, 'dev', { context: { 'aws:SourceIp': '198.51.100.7' } })),
  deny('the denied user, from the office network', Callers.user(PARTNER, 'intern', { context: { 'aws:SourceIp': '203.0.113.10' } })),
  deny('another account from the office network', Callers.role(STRANGER, 'dev', { context: { 'aws:SourceIp': '203.0.113.10' } })),
]);

describeCases('Trust.fromPolicyJson with a lifted IRSA statement and a verbatim one without audience', () => {
  const stack = newStack();
  const trust = Trust.fromPolicyJson({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:{partition}:iam::{account}:oidc-provider/${CLUSTER_A}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${CLUSTER_A}:aud`]: 'sts.amazonaws.com', [`${CLUSTER_A}:sub`]: 'system:serviceaccount:default:app-sa' } },
      },
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:{partition}:iam::{account}:oidc-provider/${CLUSTER_B}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${CLUSTER_B}:sub`]: 'system:serviceaccount:jobs:worker' } },
      },
    ],
  });
  return { stack, role: new AssumableRole(stack, 'Pods', { trust: [trust] }) };
}, [
  allow('the service account of cluster A', Callers.webIdentity(CLUSTER_A, 'system:serviceaccount:default:app-sa')),
  deny('the service account of cluster A with another audience', Callers.webIdentity(CLUSTER_A, 'system:serviceaccount:default:app-sa', { aud: 'other' })),
  deny('another service account of cluster A', Callers.webIdentity(CLUSTER_A, 'system:serviceaccount:default:other')),
  allow('the service account of cluster B (no audience condition in the document)', Callers.webIdentity(CLUSTER_B, 'system:serviceaccount:jobs:worker', { aud: 'anything' })),
  deny('cluster A\'s service account presented to cluster B', Callers.webIdentity(CLUSTER_B, 'system:serviceaccount:default:app-sa')),
  deny('cluster B\'s provider in another account', Callers.webIdentity(CLUSTER_B, 'system:serviceaccount:jobs:worker', { providerAccount: STRANGER })),
]);

describeCases('Trust.fromPolicyJson with a lifted SAML statement and session tags', () => {
  const stack = newStack();
  const trust = Trust.fromPolicyJson({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Federated: 'arn:{partition}:iam::{account}:saml-provider/okta' },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
      Condition: { StringEquals: { 'SAML:aud': 'urn:amazon:webservices' } },
    }],
  });
  return { stack, role: new AssumableRole(stack, 'Sso', { trust: [trust] }) };
}, [
  allow('an okta user with the audience, passing session tags', Callers.saml('okta', { aud: 'urn:amazon:webservices' }), ['sts:AssumeRoleWithSAML', 'sts:TagSession']),
  deny('an okta user with another audience', Callers.saml('okta', { aud: 'https://evil.example.com/saml' })),
  deny('a user of another provider', Callers.saml('adfs', { aud: 'urn:amazon:webservices' })),
]);
