import { FindingLevel, RoleCheck } from '../role-check';
import { AllowStatement, allowStatements, conditionEntries } from '../statements';

/**
 * Condition keys that say who the caller is, and the rule a value must meet to narrow `"*"`.
 * Other keys (aws:SourceIp, aws:SourceVpc, aws:CurrentTime, aws:UserAgent, aws:RequestTag/...,
 * sts:ExternalId) describe the request, which any caller in any account can shape.
 * Keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
const IDENTITY_KEYS: Record<string, (value: string) => boolean> = {
  'aws:principalorgid': (v) => !/[*?]/.test(v),
  // o-<id>/r-<root>/ou-...: the organization must be literal.
  'aws:principalorgpaths': (v) => /^o-[a-z0-9]+\//.test(v),
  'aws:principalaccount': (v) => !/[*?]/.test(v),
  // The account field of the ARN must be literal: arn:aws:iam::*:role/x is any account's role x.
  'aws:principalarn': (v) => /^arn:[^:]*:(iam|sts)::[^:*?]+:/.test(v),
  // Unique IDs (AROA..., AIDA...) are global; a leading wildcard matches anyone.
  'aws:userid': (v) => v.length > 0 && !/^[*?]/.test(v),
};

/**
 * Operators that narrow by matching. Negated operators do not; neither do `...IfExists` and
 * `ForAllValues:`, which hold when the key is absent (a caller outside any organization has no
 * aws:PrincipalOrgID).
 */
const MATCHING = /^(ForAnyValue:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/;

/**
 * Whether a statement's conditions limit who the caller is. A condition block that is a
 * deploy-time value cannot be read and counts as narrowing (no finding we cannot show).
 */
function narrowsIdentity({ statement, conditionKeys }: AllowStatement): boolean {
  if (statement.Condition === undefined) return false;
  if (conditionKeys === undefined || conditionKeys.some((k) => k === 'ref' || k.startsWith('fn::'))) return true;
  return conditionEntries(statement).some(({ operator, key, values }) => {
    const rule = IDENTITY_KEYS[key.toLowerCase()];
    // Values are ORed: every one must narrow. A deploy-time value is taken as narrowing.
    return MATCHING.test(operator) && rule !== undefined && values.length > 0 && values.every((v) => typeof v !== 'string' || rule(v));
  });
}

/** `Principal: "*"` or `{"AWS": "*"}` allowed without a condition that narrows who the caller is. */
export const trustAnyPrincipal: RoleCheck = {
  id: 'TrustAnyPrincipal',
  level: FindingLevel.ERROR,
  trigger: 'A trust statement allows Principal "*" (or {"AWS": "*"}) with no condition on who the caller is (aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:PrincipalArn with a literal account, aws:userid): conditions on the request alone (source IP, VPC, time, user agent, tags, ExternalId) can be met by anyone in any AWS account.',
  fix: 'Trust named accounts or roles instead, or narrow "*" with a condition on who the caller is: aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount or aws:PrincipalArn.',
  check(role) {
    return allowStatements(role.trustPolicy)
      .filter((s) => (s.principals.AWS ?? []).includes('*') && !narrowsIdentity(s))
      .map(({ statement, index: i }) => {
        const keys = conditionEntries(statement).map((e) => e.key);
        return keys.length === 0
          ? `trust statement ${i} allows any AWS principal ("*") with no condition`
          : `trust statement ${i} allows any AWS principal ("*") narrowed only by conditions that do not limit who the caller is (${keys.join(', ')}): anyone in any AWS account who meets them can assume the role`;
      });
  },
};
