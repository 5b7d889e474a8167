/**
 * Who may assume a CrossAccountRole (and the AwsPrincipalTrust builders behind it): the trusted
 * accounts, roles and users, each only with the ExternalId, MFA, principal ARN and organization
 * the role requires, and each (being in another account) only with an identity policy of its own.
 */
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { allow, ASSUME_ALL, deny, describeCases, HOME, ORG, OTHER_ORG, PARTNER, PARTNER_2, STRANGER } from './evaluation-fixtures';
import { CrossAccountRole } from '../../src';
import { ENVIRONMENTS, PARTITION_NAMES } from '../support/resolve';
import { newApp, newStack } from '../support/stacks';
import { Callers, TrustEvaluator } from '../support/trust-evaluator';

describeCases('CrossAccountRole trusting an account with ExternalIds', () => {
  const stack = newStack();
  return { stack, role: new CrossAccountRole(stack, 'Partner', { trustedAccounts: [PARTNER], externalIds: ['ext-alpha', 'ext-beta'] }) };
}, [
  allow('a role of the partner with the first ExternalId', Callers.role(PARTNER, 'integration', { externalId: 'ext-alpha' })),
  allow('a role of the partner with the second ExternalId', Callers.role(PARTNER, 'integration', { externalId: 'ext-beta' })),
  allow('a user of the partner with an ExternalId', Callers.user(PARTNER, 'alice', { externalId: 'ext-alpha' })),
  deny('the partner without ExternalId', Callers.role(PARTNER, 'integration')),
  deny('the partner with a wrong ExternalId', Callers.role(PARTNER, 'integration', { externalId: 'ext-gamma' })),
  deny('the partner with the ExternalId in another case (StringEquals is case-sensitive)', Callers.role(PARTNER, 'integration', { externalId: 'EXT-ALPHA' })),
  deny('the partner with a prefix of the ExternalId', Callers.role(PARTNER, 'integration', { externalId: 'ext-alph' })),
  deny('the partner with the ExternalId but no identity policy of its own', Callers.role(PARTNER, 'integration', { externalId: 'ext-alpha', identityPolicies: [] })),
  deny('another account with the ExternalId', Callers.role(STRANGER, 'integration', { externalId: 'ext-alpha' })),
  deny('a role of the role\'s own account with the ExternalId', Callers.role(HOME, 'admin', { externalId: 'ext-alpha' })),
  deny('the partner passing session tags (not enabled)', Callers.role(PARTNER, 'integration', { externalId: 'ext-alpha' }), ['sts:AssumeRole', 'sts:TagSession']),
  deny('the partner setting a source identity (not enabled)', Callers.role(PARTNER, 'integration', { externalId: 'ext-alpha' }), ['sts:AssumeRole', 'sts:SetSourceIdentity']),
  deny('a service', Callers.service('lambda.amazonaws.com')),
]);

describeCases('CrossAccountRole trusting a role and a user, with MFA at most an hour old', () => {
  const stack = newStack();
  return {
    stack,
    role: new CrossAccountRole(stack, 'Admin', {
      trustedRoleArns: [`arn:{partition}:iam::${PARTNER}:role/admin`],
      trustedUserArns: [`arn:{partition}:iam::${PARTNER}:user/alice`],
      mfaMaxAge: Duration.hours(1),
    }),
  };
}, [
  allow('the role, MFA a minute old', Callers.role(PARTNER, 'admin', { mfaAgeSeconds: 60 })),
  allow('the user, MFA exactly an hour old', Callers.user(PARTNER, 'alice', { mfaAgeSeconds: 3600 })),
  deny('the role without MFA', Callers.role(PARTNER, 'admin')),
  deny('the role with aws:MultiFactorAuthPresent false', Callers.role(PARTNER, 'admin', { mfaAgeSeconds: false })),
  deny('the role, MFA an hour and a second old', Callers.role(PARTNER, 'admin', { mfaAgeSeconds: 3601 })),
  deny('the user without MFA', Callers.user(PARTNER, 'alice')),
  deny('another user of the account', Callers.user(PARTNER, 'bob', { mfaAgeSeconds: 60 })),
  deny('another role of the account', Callers.role(PARTNER, 'admin2', { mfaAgeSeconds: 60 })),
  deny('a role named like the trusted user', Callers.role(PARTNER, 'alice', { mfaAgeSeconds: 60 })),
  deny('a role of the same name in another account', Callers.role(STRANGER, 'admin', { mfaAgeSeconds: 60 })),
  deny('the role with MFA but no identity policy', Callers.role(PARTNER, 'admin', { mfaAgeSeconds: 60, identityPolicies: [] })),
]);

describeCases('CrossAccountRole requiring MFA of any age', () => {
  const stack = newStack();
  return { stack, role: new CrossAccountRole(stack, 'Mfa', { trustedAccounts: [PARTNER], requireMfa: true }) };
}, [
  allow('MFA a day old', Callers.role(PARTNER, 'ops', { mfaAgeSeconds: 86400 })),
  deny('no MFA', Callers.role(PARTNER, 'ops')),
  deny('aws:MultiFactorAuthPresent false', Callers.role(PARTNER, 'ops', { mfaAgeSeconds: false })),
]);

describeCases('CrossAccountRole with principal ARN patterns and an organization', () => {
  const stack = newStack();
  return {
    stack,
    role: new CrossAccountRole(stack, 'Deploy', {
      trustedAccounts: [PARTNER, PARTNER_2],
      principalArnPatterns: ['arn:{partition}:iam::*:role/deployers/*'],
      organizationId: ORG,
    }),
  };
}, [
  allow('a deployer role of the first account, in the organization', Callers.role(PARTNER, 'ci', { path: '/deployers/', organizationId: ORG })),
  allow('a deployer role of the second account, in the organization', Callers.role(PARTNER_2, 'ci', { path: '/deployers/', organizationId: ORG })),
  deny('a deployer role outside any organization', Callers.role(PARTNER, 'ci', { path: '/deployers/' })),
  deny('a deployer role of another organization', Callers.role(PARTNER, 'ci', { path: '/deployers/', organizationId: OTHER_ORG })),
  deny('a role outside the path', Callers.role(PARTNER, 'ci', { organizationId: ORG })),
  deny('a role whose name only starts like the path', Callers.role(PARTNER, 'deployers-ci', { organizationId: ORG })),
  deny('a user under the path', Callers.user(PARTNER, 'ci', { path: '/deployers/', organizationId: ORG })),
  deny('a deployer role of an untrusted account of the organization', Callers.role(STRANGER, 'ci', { path: '/deployers/', organizationId: ORG })),
]);

describeCases('CrossAccountRole with session tags and source identity', () => {
  const stack = newStack();
  return {
    stack,
    role: new CrossAccountRole(stack, 'Tagged', { trustedAccounts: [PARTNER], externalIds: ['ext-alpha'], sessionTags: true, sourceIdentity: true }),
  };
}, [
  allow('the whole call with the ExternalId', Callers.role(PARTNER, 'ci', { externalId: 'ext-alpha' }), ASSUME_ALL),
  deny('the whole call without the ExternalId', Callers.role(PARTNER, 'ci'), ASSUME_ALL),
  deny('session tags without the ExternalId (the condition covers sts:TagSession too)', Callers.role(PARTNER, 'ci'), ['sts:TagSession']),
  deny('another account', Callers.role(STRANGER, 'ci', { externalId: 'ext-alpha' }), ASSUME_ALL),
]);

describe('the caller side: grantAssumeFrom in the partner account\'s stack', () => {
  // Both stacks have explicit accounts, as crossEnvironmentArn requires.
  function build() {
    const app = newApp();
    const target = newStack({ id: 'Target', app, env: { account: HOME, region: 'us-east-1' } });
    const source = newStack({ id: 'Source', app, env: { account: PARTNER, region: 'us-east-1' } });
    const role = new CrossAccountRole(target, 'Deployer', { roleName: 'deployer', trustedAccounts: [PARTNER], sessionTags: true });
    const ci = new iam.Role(source, 'Ci', { roleName: 'ci', assumedBy: new iam.AccountRootPrincipal() });
    const other = new iam.Role(source, 'Other', { roleName: 'other', assumedBy: new iam.AccountRootPrincipal() });
    role.grantAssumeFrom(ci);
    return { target, source, role, ci, other };
  }

  test.each(PARTITION_NAMES)('the granted role may assume with session tags; a role without the grant may not (%s)', async (partition) => {
    const { target, source, role, ci, other } = build();
    const partnerEnv = { ...ENVIRONMENTS[partition], account: PARTNER };
    const sourceEvaluator = TrustEvaluator.forStack(source, partnerEnv);
    const ciPolicies = sourceEvaluator.role(ci).identityPolicies.map((p) => p.document);
    const otherPolicies = sourceEvaluator.role(other).identityPolicies.map((p) => p.document);
    expect([ciPolicies.length, otherPolicies.length]).toEqual([1, 0]);
    const targetEvaluator = TrustEvaluator.forStack(target, partition);
    const actions = ['sts:AssumeRole', 'sts:TagSession'];
    const granted = await targetEvaluator.mayAssume(role, Callers.role(PARTNER, 'ci', { identityPolicies: ciPolicies }), { actions });
    const ungranted = await targetEvaluator.mayAssume(role, Callers.role(PARTNER, 'other', { identityPolicies: otherPolicies }), { actions });
    expect([granted.allowed, ungranted.allowed]).toEqual([true, false]);
  });
});
