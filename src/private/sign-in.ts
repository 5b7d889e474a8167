import { RegionInfo } from 'aws-cdk-lib/region-info';

/**
 * The AWS console sign-in host of each partition: where SAML assertions for console access go
 * (`https://<host>/saml`) and where the switch-role link points (`https://<host>/switchrole`,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html).
 * The AWS GovCloud (US) console signs in at https://signin.amazonaws-us-gov.com
 * (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-iam.html), the China
 * Regions' at https://signin.amazonaws.cn (its SAML endpoint is https://signin.amazonaws.cn/saml).
 */
export const SIGN_IN_HOSTS: Record<string, string> = {
  'aws': 'signin.aws.amazon.com',
  'aws-cn': 'signin.amazonaws.cn',
  'aws-us-gov': 'signin.amazonaws-us-gov.com',
};

/** The partition of a Region, when aws-cdk-lib knows it (it may say `''` for "unknown"). */
export function partitionOfRegion(region: string): string | undefined {
  return RegionInfo.get(region).partition || undefined;
}
