import { policySize } from '../limits';
import { FindingLevel, RoleCheck } from '../role-check';

/** Trust policy within 10% of its size quota. */
export const trustPolicyNearQuota: RoleCheck = {
  id: 'TrustPolicyNearQuota',
  level: FindingLevel.WARNING,
  trigger: 'The trust policy, counted as IAM counts it (JSON without whitespace, deploy-time values at their longest), uses more than 90% of its size quota (2,048 characters unless raised).',
  fix: 'Merge principals that share conditions, use aws:PrincipalArn patterns or organization conditions instead of long principal lists, or raise the quota (up to 4,096) and set trustPolicySizeQuota.',
  check(role) {
    const size = policySize(role.trustPolicy);
    return size > role.trustPolicyQuota * 0.9 && size <= role.trustPolicyQuota
      ? [`trust policy is about ${size} of ${role.trustPolicyQuota} characters`]
      : [];
  },
};
