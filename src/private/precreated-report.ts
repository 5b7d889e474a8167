/**
 * The trust policy of a role in CDK's report of pre-created roles (`iam.Role.customizeRoles`).
 *
 * aws-cdk-lib records a pre-created role's trust policy in its report (`iam-policy-report.txt` /
 * `.json`) when the `iam.Role` is made, resolved at once: before this library's constructs have
 * added their trust relationships, so it would read `AssumeRole Policy: NONE`. The report reads
 * the entry's statements again when it is written (`PolicySynthesizer.createJsonReport`, which
 * resolves the tokens in them), so a getter in their place gives the finished trust policy.
 * `PolicySynthesizer` is aws-cdk-lib's (`core/lib/helpers-internal`); its entries are not part of
 * its typed API, hence the checks before writing.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { PolicySynthesizer } from 'aws-cdk-lib/core/lib/helpers-internal';

/**
 * Puts the statements `statements()` produces (at synthesis) as the trust policy of the
 * pre-created `role` in CDK's report.
 *
 * @returns false when the report has no entry for the role (nothing was changed)
 */
export function reportTrustPolicy(role: iam.Role, statements: () => unknown[]): boolean {
  const report = (PolicySynthesizer.getOrCreate(role) as unknown as { roleReport?: Record<string, { assumeRolePolicy?: unknown }> }).roleReport;
  const entry = report?.[role.node.path];
  if (!entry || typeof entry !== 'object') {
    return false;
  }
  Object.defineProperty(entry, 'assumeRolePolicy', { get: statements, enumerable: true, configurable: true });
  return true;
}
