/**
 * Who may assume an AssumableRole holding several trust relationships: each principal under its
 * own conditions only (merging statements must never move a condition from one principal to
 * another), plus relationships added later and custom conditions.
 */
import { allow, ASSUME_ALL, deny, describeCases, GITHUB, HOME, PARTNER, PARTNER_2, STRANGER } from './evaluation-fixtures';
import { AssumableRole, Trust } from '../../src';
import { newStack } from '../support/stacks';
import { Callers } from '../support/trust-evaluator';

describeCases('AssumableRole with five kinds of trust', () => {
  const stack = newStack();
  const role = new AssumableRole(stack, 'Mixed', {
    trust: [
      Trust.account(PARTNER).withExternalId('ext-partner'),
      Trust.account(PARTNER_2),
      Trust.service('lambda').withSourceAccount(),
      Trust.service('states'),
    ],
  });
  role.addTrust(Trust.githubActions({ repository: 'octo-org/app', branches: ['main'] }));
  role.addTrust(Trust.saml('arn:{partition}:iam::{account}:saml-provider/okta', { audiences: ['urn:amazon:webservices'] }));
  return { stack, role };
}, [
  allow('the first partner with its ExternalId', Callers.role(PARTNER, 'ci', { externalId: 'ext-partner' })),
  deny('the first partner without its ExternalId', Callers.role(PARTNER, 'ci')),
  allow('the second partner without any ExternalId (the first one\'s condition is not its)', Callers.role(PARTNER_2, 'ci')),
  allow('the second partner passing an ExternalId anyway', Callers.role(PARTNER_2, 'ci', { externalId: 'whatever' })),
  allow('lambda on behalf of this account', Callers.service('lambda.amazonaws.com', { sourceAccount: HOME })),
  deny('lambda on behalf of another account', Callers.service('lambda.amazonaws.com', { sourceAccount: STRANGER })),
  allow('step functions on behalf of any account (its statement has no source guard)', Callers.service('states.amazonaws.com', { sourceAccount: STRANGER })),
  allow('the GitHub main branch (added with addTrust)', Callers.webIdentity(GITHUB, 'repo:octo-org/app:ref:refs/heads/main')),
  deny('another GitHub branch', Callers.webIdentity(GITHUB, 'repo:octo-org/app:ref:refs/heads/dev')),
  allow('a SAML user with the configured audience', Callers.saml('okta', { aud: 'urn:amazon:webservices' })),
  deny('a SAML user with another audience', Callers.saml('okta', { aud: 'https://signin.aws.amazon.com/saml' })),
  deny('an account not named', Callers.role(STRANGER, 'ci', { externalId: 'ext-partner' })),
  deny('a role of the role\'s own account', Callers.role(HOME, 'admin')),
  deny('a service not named', Callers.service('ec2.amazonaws.com', { sourceAccount: HOME })),
]);

describeCases('Trust.accounts with one ExternalId for both', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Shared', { trust: [Trust.accounts([PARTNER, PARTNER_2]).withExternalId('shared-ext')] }) };
}, [
  allow('the first account with the ExternalId', Callers.role(PARTNER, 'ci', { externalId: 'shared-ext' })),
  allow('the second account with the ExternalId', Callers.role(PARTNER_2, 'ci', { externalId: 'shared-ext' })),
  deny('the second account without it', Callers.role(PARTNER_2, 'ci')),
]);

describeCases('Trust.principals with an account root, a role and a user', () => {
  const stack = newStack();
  const trust = Trust.principals([
    `arn:{partition}:iam::${PARTNER}:root`,
    `arn:{partition}:iam::${PARTNER_2}:role/auditor`,
    `arn:{partition}:iam::${PARTNER_2}:user/carol`,
  ]).requireMfa();
  return { stack, role: new AssumableRole(stack, 'Audit', { trust: [trust] }) };
}, [
  allow('any role of the root\'s account, with MFA', Callers.role(PARTNER, 'anyone', { mfaAgeSeconds: 10 })),
  allow('the named role, with MFA', Callers.role(PARTNER_2, 'auditor', { mfaAgeSeconds: 10 })),
  allow('the named user, with MFA', Callers.user(PARTNER_2, 'carol', { mfaAgeSeconds: 10 })),
  deny('the named role without MFA', Callers.role(PARTNER_2, 'auditor')),
  deny('another role of the named role\'s account', Callers.role(PARTNER_2, 'admin', { mfaAgeSeconds: 10 })),
]);

describeCases('withCondition on aws:PrincipalTag, and withSourceIdentity', () => {
  const stack = newStack();
  const trust = Trust.account(PARTNER).withCondition('StringEquals', 'aws:PrincipalTag/team', ['platform', 'sre']).withSessionTags().withSourceIdentity();
  return { stack, role: new AssumableRole(stack, 'Team', { trust: [trust] }) };
}, [
  allow('a principal tagged team=platform, the whole call', Callers.role(PARTNER, 'ci', { context: { 'aws:PrincipalTag/team': 'platform' } }), ASSUME_ALL),
  allow('a principal tagged team=sre', Callers.role(PARTNER, 'ci', { context: { 'aws:PrincipalTag/team': 'sre' } })),
  deny('a principal tagged team=dev', Callers.role(PARTNER, 'ci', { context: { 'aws:PrincipalTag/team': 'dev' } }), ASSUME_ALL),
  deny('an untagged principal', Callers.role(PARTNER, 'ci')),
  deny('an untagged principal, sts:SetSourceIdentity alone', Callers.role(PARTNER, 'ci'), ['sts:SetSourceIdentity']),
]);

describeCases('a role trusting its own account', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Self', { trust: [Trust.account('{account}')] }) };
}, [
  allow('a role of the account whose identity policy allows it', Callers.role(HOME, 'admin')),
  deny('a role of the account without such an identity policy', Callers.role(HOME, 'reader', { identityPolicies: [] })),
  deny('another account', Callers.role(STRANGER, 'admin')),
]);
