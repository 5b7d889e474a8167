import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumableRole, CrossAccountRole, Trust } from '../../../src';
import { principalAccount } from '../../../src/validation/checks/cross-account-without-guard';
import { newStack } from '../../support/stacks';
import { checkedStack, expectFinding, expectNoFinding, findingMessages, plainRole } from '../validation-support';

const OTHER = '111122223333';
const HOME = '999988887777';

describe('CrossAccountWithoutGuard (warning)', () => {
  test('is reported for Trust.account without a guard', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.account(OTHER)] });
    expectFinding(stack, 'CrossAccountWithoutGuard', 'warning');
    expect(findingMessages(stack, 'CrossAccountWithoutGuard', 'warning').map((m) => m.message)).toEqual([
      `[cdk-assumable-roles:CrossAccountWithoutGuard] trust statement 0 trusts the whole account ${OTHER} (arn:aws:iam::${OTHER}:root) without ExternalId, principal ARN, organization or MFA condition. `
      + 'Trust the one role that needs access (Trust.role("arn:{partition}:iam::<id>:role/<name>")), or add .withExternalId(...) for a third party, '
      + '.withPrincipalArn(...) to name the roles allowed, .withinOrganization(...) or .requireMfa(). '
      + '[ack: cdk-assumable-roles:CrossAccountWithoutGuard]',
    ]);
  });

  test('is reported for each whole account in CrossAccountRole, once per principal', () => {
    const stack = newStack({ env: { account: HOME, region: 'us-east-1' } });
    new CrossAccountRole(stack, 'Role', { trustedAccounts: [OTHER, '444455556666'] });
    const messages = findingMessages(stack, 'CrossAccountWithoutGuard', 'warning').map((m) => m.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain(`trusts the whole account ${OTHER} (arn:aws:iam::${OTHER}:root)`);
    expect(messages[1]).toContain('trusts the whole account 444455556666 (arn:aws:iam::444455556666:root)');
  });

  // Naming one principal of the other account is how AWS recommends granting cross-account access.
  test.each([
    ['a role', `arn:aws:iam::${OTHER}:role/jenkins`],
    ['a role with a path', `arn:aws:iam::${OTHER}:role/ci/deployer`],
    ['a user', `arn:aws:iam::${OTHER}:user/alice`],
    ['a role session', `arn:aws:sts::${OTHER}:assumed-role/jenkins/build-42`],
  ])('is not reported for %s of another account', (_what, arn) => {
    const stack = checkedStack({ env: { account: HOME, region: 'us-east-1' } });
    plainRole(stack, [{ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' }]);
    new CrossAccountRole(stack, 'Ours', { trustedRoleArns: [`arn:aws:iam::${OTHER}:role/jenkins`] });
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('is reported for a plain iam.Role with a bare account ID', () => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Allow', Principal: { AWS: OTHER }, Action: 'sts:AssumeRole' }]);
    expectFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('is reported when the only condition is not a guard', () => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [Trust.account(OTHER).withCondition('IpAddress', 'aws:SourceIp', ['203.0.113.0/24'])] });
    expectFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test.each([
    ['an ExternalId', Trust.account(OTHER).withExternalId('partner-1234')],
    ['MFA', Trust.account(OTHER).requireMfa()],
    ['a principal ARN pattern', Trust.account(OTHER).withPrincipalArn(`arn:{partition}:iam::${OTHER}:role/deployers/*`)],
    ['an organization', Trust.account(OTHER).withinOrganization('o-a1b2c3d4e5')],
    ['aws:PrincipalOrgPaths', Trust.account(OTHER).withCondition('ForAnyValue:StringLike', 'aws:PrincipalOrgPaths', ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*'])],
    ['aws:MultiFactorAuthAge', Trust.account(OTHER).withCondition('NumericLessThan', 'aws:MultiFactorAuthAge', ['3600'])],
  ])('is not reported with %s', (_what, trust) => {
    const stack = newStack();
    new AssumableRole(stack, 'Role', { trust: [trust] });
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('is not reported for the stack\'s own account, literal or {account}', () => {
    const stack = newStack({ env: { account: HOME, region: 'us-east-1' } });
    new AssumableRole(stack, 'Role', { trust: [Trust.account(HOME), Trust.account('{account}'), Trust.role('arn:{partition}:iam::{account}:role/ci')] });
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('is not reported for a role of the same stack (a deploy-time ARN)', () => {
    const stack = newStack();
    const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    new AssumableRole(stack, 'Role', { trust: [Trust.role(caller.roleArn)] });
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('is not reported for service principals or denied statements', () => {
    const stack = checkedStack();
    plainRole(stack, [{ Effect: 'Deny', Principal: { AWS: OTHER }, Action: 'sts:AssumeRole' }]);
    expectNoFinding(stack, 'CrossAccountWithoutGuard', 'warning');
  });

  test('principalAccount reads account IDs, IAM and STS ARNs', () => {
    expect(principalAccount(OTHER)).toBe(OTHER);
    expect(principalAccount(`arn:aws:iam::${OTHER}:root`)).toBe(OTHER);
    expect(principalAccount(`arn:aws-cn:sts::${OTHER}:assumed-role/r/s`)).toBe(OTHER);
    expect(principalAccount({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] })).toBe('{account}');
    expect(principalAccount('lambda.amazonaws.com')).toBeUndefined();
    expect(principalAccount('12345')).toBeUndefined();
  });
});
