import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { deployedStatements, rawStatements, roleTrusting } from './trust-fixtures';
import { AssumableRole, OrganizationTrust, Trust } from '../../src';
import { LIMITS, policySize } from '../../src/validation/limits';
import { newStack } from '../support/stacks';
import { errorOf } from '../validation/validation-support';

const ORG = 'o-a1b2c3d4e5';
const OU_WORKLOADS = 'ou-ab12-11111111';
const OU_SANDBOX = 'ou-ab12-22222222';

/** The one statement of an organization trust, with the given conditions and extras. */
function orgStatement(condition: object, extra: object = {}): object {
  return { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: condition, ...extra };
}

describe('Trust.organization', () => {
  test('trusts any AWS principal whose account is in the organization (aws:PrincipalOrgID)', () => {
    expect(rawStatements([Trust.organization(ORG)])).toEqual([
      orgStatement({ StringEquals: { 'aws:PrincipalOrgID': ORG } }),
    ]);
  });

  test.each(['aws', 'aws-cn', 'aws-us-gov'] as const)('is the same statement in %s (nothing partition-specific)', (partition) => {
    expect(deployedStatements([Trust.organization(ORG)], partition)).toEqual([
      orgStatement({ StringEquals: { 'aws:PrincipalOrgID': ORG } }),
    ]);
  });

  test('its value says what it trusts', () => {
    const trust = Trust.organization(ORG);
    expect(trust).toBeInstanceOf(OrganizationTrust);
    expect(trust.organizationId).toBe(ORG);
    expect(trust.organizationalUnitIds).toEqual([]);
    expect(trust.toString()).toBe(`Trust.organization(${ORG})`);
  });
});

describe('Trust.organizationalUnits', () => {
  test('trusts the accounts of a unit and of the units below it (ForAnyValue:StringLike aws:PrincipalOrgPaths)', () => {
    expect(rawStatements([Trust.organizationalUnits(ORG, [OU_WORKLOADS])])).toEqual([
      orgStatement({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${ORG}/*/${OU_WORKLOADS}/*` } }),
    ]);
  });

  test('several units are ORed in one condition; a unit given twice is written once', () => {
    expect(rawStatements([Trust.organizationalUnits(ORG, [OU_WORKLOADS, OU_SANDBOX, OU_WORKLOADS])])).toEqual([
      orgStatement({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/*/${OU_WORKLOADS}/*`, `${ORG}/*/${OU_SANDBOX}/*`] } }),
    ]);
  });

  test('its value says what it trusts', () => {
    const trust = Trust.organizationalUnits(ORG, [OU_WORKLOADS, OU_SANDBOX]);
    expect(trust.organizationId).toBe(ORG);
    expect(trust.organizationalUnitIds).toEqual([OU_WORKLOADS, OU_SANDBOX]);
    expect(trust.toString()).toBe(`Trust.organizationalUnits(${ORG}, ${OU_WORKLOADS}, ${OU_SANDBOX})`);
  });
});

describe('OrganizationTrust conditions', () => {
  test('withPrincipalArn names roles across the accounts of the organization (ArnLike, partition-aware)', () => {
    const trust = Trust.organization(ORG).withPrincipalArn('arn:{partition}:iam::*:role/deployer');
    expect(deployedStatements([trust], 'aws-us-gov')).toEqual([orgStatement({
      StringEquals: { 'aws:PrincipalOrgID': ORG },
      ArnLike: { 'aws:PrincipalArn': 'arn:aws-us-gov:iam::*:role/deployer' },
    })]);
  });

  test('requireMfa with a maximum age', () => {
    expect(rawStatements([Trust.organizationalUnits(ORG, [OU_WORKLOADS]).requireMfa(Duration.hours(1))])).toEqual([orgStatement({
      'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${ORG}/*/${OU_WORKLOADS}/*` },
      'Bool': { 'aws:MultiFactorAuthPresent': 'true' },
      'NumericLessThanEquals': { 'aws:MultiFactorAuthAge': '3600' },
    })]);
  });

  test('session tags and source identity add their actions', () => {
    expect(rawStatements([Trust.organization(ORG).withSessionTags().withSourceIdentity()])).toEqual([
      orgStatement({ StringEquals: { 'aws:PrincipalOrgID': ORG } }, { Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] }),
    ]);
  });

  test('values are immutable: a condition added to one value does not reach the other', () => {
    const base = Trust.organization(ORG);
    const narrowed = base.withPrincipalArn('arn:{partition}:iam::*:role/deployer');
    expect(base).not.toBe(narrowed);
    expect(rawStatements([base])).toEqual([orgStatement({ StringEquals: { 'aws:PrincipalOrgID': ORG } })]);
  });

  test('an organization trust and an account trust never share conditions', () => {
    const statements = rawStatements([Trust.organization(ORG).requireMfa(), Trust.account('111122223333')]);
    expect(statements).toHaveLength(2);
    expect(statements[1].Condition).toBeUndefined();
  });
});

describe('the size quota', () => {
  const accounts = Array.from({ length: 60 }, (_, i) => String(100000000000 + i * 1111));

  test('60 accounts listed one by one do not fit the default trust-policy quota', () => {
    const role = roleTrusting([Trust.accounts(accounts).withinOrganization(ORG)]);
    expect(errorOf(() => Template.fromStack(role.stack)))
      .toMatch(new RegExp(`\\[Stack/Role\\] Stack/Role: invalid trust policy of about 25\\d\\d characters .*IAM allows ${LIMITS.trustPolicyDefaultQuota} \\(trustPolicySizeQuota\\)`));
  });

  test('the organization that holds them is one statement far under the quota, with no finding', () => {
    const role = roleTrusting([Trust.organization(ORG)]);
    const template = Template.fromStack(role.stack);
    const annotations = Annotations.fromStack(role.stack);
    annotations.hasNoError('*', Match.anyValue());
    annotations.hasNoWarning('*', Match.anyValue());
    const document = Object.values<any>(template.findResources('AWS::IAM::Role'))[0].Properties.AssumeRolePolicyDocument;
    expect(policySize(document)).toBeLessThan(LIMITS.trustPolicyDefaultQuota / 10);
  });
});

describe('the checks stay silent on organization trusts', () => {
  test.each([
    ['an environment-agnostic stack', undefined],
    ['a stack with an account', { account: '999988887777', region: 'eu-west-1' }],
  ])('no finding of any check, in %s', (_where, env) => {
    const stack = newStack(env ? { env } : {});
    roleTrusting([Trust.organization(ORG)], stack);
    new AssumableRole(stack, 'Units', { trust: [Trust.organizationalUnits(ORG, [OU_WORKLOADS, OU_SANDBOX]).requireMfa()] });
    new AssumableRole(stack, 'Deployers', { trust: [Trust.organization(ORG).withPrincipalArn('arn:{partition}:iam::*:role/deployer').withSessionTags().withSourceIdentity()] });
    Template.fromStack(stack);
    const annotations = Annotations.fromStack(stack);
    annotations.hasNoError('*', Match.anyValue());
    annotations.hasNoWarning('*', Match.anyValue());
    annotations.hasNoInfo('*', Match.anyValue());
  });
});
