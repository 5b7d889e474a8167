/**
 * TrustAnyPrincipal: a finding our Trust builders cannot produce, so they are triggered with hand-made statements on plain `iam.Role`s (checked
 * through the aspect) and on `AssumableRole.role.assumeRolePolicy` (checked automatically).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, Trust } from '../../../src';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, plainRole } from '../validation-support';

const ASSUME = 'sts:AssumeRole';

describe('TrustAnyPrincipal (error)', () => {
  test.each([
    ['Principal "*"', { Effect: 'Allow', Principal: '*', Action: ASSUME }],
    ['{"AWS": "*"}', { Effect: 'Allow', Principal: { AWS: '*' }, Action: ASSUME }],
    ['"*" among other AWS principals', { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] }, Action: ASSUME }],
  ])('is reported for %s without a condition on a plain iam.Role', (_what, statement) => {
    const stack = checkedStack();
    plainRole(stack, [statement]);
    expectFinding(stack, 'TrustAnyPrincipal', 'error');
    expect(findingMessages(stack, 'TrustAnyPrincipal', 'error')[0].message)
      .toBe('[cdk-assumable-roles:TrustAnyPrincipal] trust statement 1 allows any AWS principal ("*") with no condition. '
        + 'Trust named accounts or roles instead, or narrow "*" with a condition on who the caller is: aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount or aws:PrincipalArn.');
  });

  // Conditions on the request, not on the caller: anyone in any account can meet them.
  test.each([
    ['aws:SourceIp', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }],
    ['aws:SourceVpc', { StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } }],
    ['aws:CurrentTime', { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }],
    ['aws:UserAgent', { StringLike: { 'aws:UserAgent': '*terraform*' } }],
    ['aws:RequestTag/team', { StringEquals: { 'aws:RequestTag/team': 'ops' } }],
    ['sts:ExternalId', { StringEquals: { 'sts:ExternalId': 'shared-secret' } }],
    ['aws:PrincipalArn of any account', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ci-*' } }],
    ['aws:PrincipalOrgID that matches any organization', { StringLike: { 'aws:PrincipalOrgID': 'o-*' } }],
    ['aws:PrincipalOrgID under StringEqualsIfExists (holds outside any organization)', { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }],
    ['aws:PrincipalOrgPaths under ForAllValues (holds when the key is absent)', { 'ForAllValues:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/*' } }],
    ['aws:PrincipalAccount under StringNotEquals', { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } }],
    ['aws:PrincipalAccount with one wildcard value among literal ones', { StringLike: { 'aws:PrincipalAccount': ['111122223333', '*'] } }],
  ])('is reported for "*" narrowed only by %s', (key, condition) => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: ASSUME, Condition: condition }]);
    const [message] = findingMessages(stack, 'TrustAnyPrincipal', 'error').map((m) => m.message);
    expect(message).toContain(`trust statement 1 allows any AWS principal ("*") narrowed only by conditions that do not limit who the caller is (${key.split(' ')[0]}): anyone in any AWS account who meets them can assume the role`);
  });

  test('is reported for iam.AnyPrincipal', () => {
    const stack = checkedStack();
    new iam.Role(stack, 'Role', { assumedBy: new iam.AnyPrincipal() });
    expectFinding(stack, 'TrustAnyPrincipal', 'error');
  });

  test('is reported on an AssumableRole whose assumeRolePolicy got a "*" statement', () => {
    const stack = newStack();
    const role = new AssumableRole(stack, 'Role', { trust: [Trust.service('lambda')] });
    role.role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ principals: [new iam.StarPrincipal()], actions: [ASSUME] }));
    expectFinding(stack, 'TrustAnyPrincipal', 'error');
  });

  test.each([
    ['narrowed by aws:PrincipalOrgID', { Effect: 'Allow', Principal: '*', Action: ASSUME, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }],
    ['narrowed by aws:PrincipalArn', { Effect: 'Allow', Principal: { AWS: '*' }, Action: ASSUME, Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ci-*' } } }],
    ['narrowed by aws:PrincipalOrgPaths', { Effect: 'Allow', Principal: '*', Action: ASSUME, Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*' } } }],
    ['narrowed by aws:PrincipalAccount', { Effect: 'Allow', Principal: '*', Action: ASSUME, Condition: { StringEquals: { 'aws:PrincipalAccount': ['111122223333', '444455556666'] } } }],
    ['narrowed by aws:PrincipalOrgID next to aws:SourceIp', { Effect: 'Allow', Principal: '*', Action: ASSUME, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }],
    ['narrowed by a deploy-time organization ID', { Effect: 'Allow', Principal: '*', Action: ASSUME, Condition: { StringEquals: { 'aws:PrincipalOrgID': { Ref: 'OrgId' } } } }],
    ['denied', { Effect: 'Deny', Principal: '*', Action: ASSUME }],
    ['a service principal', { Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: ASSUME }],
    ['a named account', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ASSUME, Condition: { StringEquals: { 'sts:ExternalId': 'x1' } } }],
  ])('is not reported for "*" %s', (_what, statement) => {
    const stack = checkedStack();
    plainRole(stack, [statement]);
    expectNoFinding(stack, 'TrustAnyPrincipal', 'error');
  });

  test('is not reported for the library constructs built with Trust factories', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.account('111122223333').withExternalId('partner-1'), Trust.service('lambda')] });
    expectNoFinding(stack, 'TrustAnyPrincipal', 'error');
  });
});

describe('TrustAnyPrincipal and the organization trusts', () => {
  test.each([
    ['Trust.organization', Trust.organization('o-a1b2c3d4e5')],
    ['Trust.organizationalUnits', Trust.organizationalUnits('o-a1b2c3d4e5', ['ou-ab12-11111111', 'ou-ab12-22222222'])],
    ['Trust.organization with a principal ARN of any account', Trust.organization('o-a1b2c3d4e5').withPrincipalArn('arn:{partition}:iam::*:role/deployer')],
  ])('is not reported for "*" narrowed by %s', (_what, trust) => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [trust] });
    expectNoFinding(stack, 'TrustAnyPrincipal', 'error');
  });
});
