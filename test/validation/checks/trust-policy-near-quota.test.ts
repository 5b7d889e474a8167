import { Aspects, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { RoleChecks } from '../../../src';
import { newStack } from '../../support/stacks';
import { expectFinding, expectNoFinding, findingMessages, roleWithTrustSize, trustPolicySize } from '../validation-support';

describe('TrustPolicyNearQuota (warning)', () => {
  test('is reported above 90% of the default quota (1844 of 2048)', () => {
    const role = roleWithTrustSize(1844);
    expectFinding(role.stack, 'TrustPolicyNearQuota', 'warning');
    expect(findingMessages(role.stack, 'TrustPolicyNearQuota', 'warning')[0].message)
      .toMatch(/^\[cdk-assumable-roles:TrustPolicyNearQuota\] trust policy is about 1844 of 2048 characters\. Merge principals/);
  });

  test('is not reported at or below 90% (1843 of 2048)', () => {
    const role = roleWithTrustSize(1843);
    expectNoFinding(role.stack, 'TrustPolicyNearQuota', 'warning');
  });

  test('is reported at exactly the quota, which still synthesizes', () => {
    const role = roleWithTrustSize(2048);
    expect(() => Template.fromStack(role.stack)).not.toThrow();
    expectFinding(role.stack, 'TrustPolicyNearQuota', 'warning');
  });

  test('follows trustPolicySizeQuota: 3687 of 4096 is reported, 3686 is not, 2000 is not', () => {
    const near = roleWithTrustSize(3687, { trustPolicySizeQuota: 4096 });
    expectFinding(near.stack, 'TrustPolicyNearQuota', 'warning');
    expect(findingMessages(near.stack, 'TrustPolicyNearQuota', 'warning')[0].message).toContain('trust policy is about 3687 of 4096 characters');
    expectNoFinding(roleWithTrustSize(3686, { trustPolicySizeQuota: 4096 }).stack, 'TrustPolicyNearQuota', 'warning');
    expectNoFinding(roleWithTrustSize(2000, { trustPolicySizeQuota: 4096 }).stack, 'TrustPolicyNearQuota', 'warning');
  });

  describe('for plain iam.Roles', () => {
    /** A plain role trusting `n` accounts, one statement (about 105 characters) each. */
    function plainRoleTrusting(n: number, checks: RoleChecks): { stack: Stack; size: number } {
      const stack = newStack();
      const accounts = Array.from({ length: n }, (_, i) => new iam.AccountPrincipal(String(100000000000 + i)));
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.CompositePrincipal(...accounts) });
      Aspects.of(stack).add(checks);
      return { stack, size: trustPolicySize(role) };
    }

    test('the default quota of RoleChecks is 2048', () => {
      const { stack, size } = plainRoleTrusting(18, new RoleChecks());
      expect(size).toBeGreaterThan(1843);
      expect(size).toBeLessThanOrEqual(2048);
      expectFinding(stack, 'TrustPolicyNearQuota', 'warning');
    });

    test('RoleChecks({ trustPolicySizeQuota: 4096 }) raises it', () => {
      const { stack, size } = plainRoleTrusting(18, new RoleChecks({ trustPolicySizeQuota: 4096 }));
      expect(size).toBeLessThan(3686);
      expectNoFinding(stack, 'TrustPolicyNearQuota', 'warning');
    });

    test('a small trust policy is not reported', () => {
      const { stack } = plainRoleTrusting(3, new RoleChecks());
      expectNoFinding(stack, 'TrustPolicyNearQuota', 'warning');
    });
  });
});
