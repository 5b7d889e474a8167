/**
 * TrustActionMismatch: a finding our Trust builders cannot produce, so they are triggered with hand-made statements on plain `iam.Role`s (checked
 * through the aspect) and on `AssumableRole.role.assumeRolePolicy` (checked automatically).
 */
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, plainRole } from '../validation-support';

const ASSUME = 'sts:AssumeRole';
const SAML_PROVIDER = 'arn:aws:iam::111122223333:saml-provider/okta';
const OIDC_PROVIDER = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const OIDC_CONDITION = {
  StringEquals: {
    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:ref:refs/heads/main',
  },
};

describe('TrustActionMismatch (error)', () => {
  test.each([
    ['a SAML provider with sts:AssumeRole', { Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: ASSUME },
      `trust statement 1 gives Federated principal ${SAML_PROVIDER} ["sts:AssumeRole"]; it needs sts:AssumeRoleWithSAML`],
    ['a SAML provider with sts:AssumeRoleWithWebIdentity', { Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' },
      `trust statement 1 gives Federated principal ${SAML_PROVIDER} ["sts:AssumeRoleWithWebIdentity"]; it needs sts:AssumeRoleWithSAML`],
    ['an OIDC provider with sts:AssumeRole', { Effect: 'Allow', Principal: { Federated: OIDC_PROVIDER }, Action: ASSUME, Condition: OIDC_CONDITION },
      `trust statement 1 gives Federated principal ${OIDC_PROVIDER} ["sts:AssumeRole"]; it needs sts:AssumeRoleWithWebIdentity`],
    ['Cognito with sts:AssumeRoleWithSAML', { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithSAML' },
      'trust statement 1 gives Federated principal cognito-identity.amazonaws.com ["sts:AssumeRoleWithSAML"]; it needs sts:AssumeRoleWithWebIdentity'],
    ['an account with sts:AssumeRoleWithWebIdentity', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRoleWithWebIdentity' },
      'trust statement 1 gives AWS principal arn:aws:iam::111122223333:root ["sts:AssumeRoleWithWebIdentity"]; it needs sts:AssumeRole'],
    ['a service with sts:TagSession only', { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:TagSession' },
      'trust statement 1 gives Service principal pods.eks.amazonaws.com []; it needs sts:AssumeRole'],
  ])('is reported for %s on a plain iam.Role', (_what, statement, message) => {
    const stack = checkedStack();
    plainRole(stack, [statement]);
    expectFinding(stack, 'TrustActionMismatch', 'error');
    expect(findingMessages(stack, 'TrustActionMismatch', 'error').map((m) => m.message)).toEqual([
      `[cdk-assumable-roles:TrustActionMismatch] ${message}. `
      + 'Use the Trust factories (Trust.saml, Trust.openIdConnect, Trust.account, ...), which pick the right action, or correct "Action".',
    ]);
  });

  test('is reported on an AssumableRole', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    role.role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(SAML_PROVIDER, {}, ASSUME)],
      actions: [ASSUME],
    }));
    expectFinding(stack, 'TrustActionMismatch', 'error');
  });

  test.each([
    ['a SAML provider with sts:AssumeRoleWithSAML', { Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }],
    ['an OIDC provider with sts:AssumeRoleWithWebIdentity and sts:TagSession', { Effect: 'Allow', Principal: { Federated: OIDC_PROVIDER }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'], Condition: OIDC_CONDITION }],
    ['a wildcard action', { Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: 'sts:*' }],
    ['an unknown federated provider', { Effect: 'Allow', Principal: { Federated: 'example.com' }, Action: ASSUME }],
    ['a denied statement', { Effect: 'Deny', Principal: { Federated: SAML_PROVIDER }, Action: ASSUME }],
  ])('is not reported for %s', (_what, statement) => {
    const stack = checkedStack();
    plainRole(stack, [statement]);
    expectNoFinding(stack, 'TrustActionMismatch', 'error');
  });

  test('is not reported for roles built with Trust.saml, Trust.githubActions and Trust.eksPodIdentity', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', {
      trust: [Trust.saml('arn:{partition}:iam::{account}:saml-provider/okta'), Trust.githubActions({ repository: 'octo-org/app' }), Trust.eksPodIdentity()],
    });
    Template.fromStack(stack);
    expectNoFinding(stack, 'TrustActionMismatch', 'error');
  });
});
