import { FindingLevel, listOf, principalsOf, RoleCheck, statementsOf } from './model';

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
function narrowsIdentity(statement: any): boolean {
  const condition = statement.Condition;
  if (condition === undefined) return false;
  if (typeof condition !== 'object' || Object.keys(condition).some((k) => k === 'Ref' || k.startsWith('Fn::'))) return true;
  for (const [operator, block] of Object.entries<any>(condition)) {
    if (!MATCHING.test(operator) || !block || typeof block !== 'object') continue;
    if (Object.keys(block).some((k) => k === 'Ref' || k.startsWith('Fn::'))) return true;
    for (const [key, values] of Object.entries(block)) {
      const rule = IDENTITY_KEYS[key.toLowerCase()];
      // Values are ORed: every one must narrow. A deploy-time value is taken as narrowing.
      if (rule && listOf(values).length > 0 && listOf(values).every((v) => typeof v !== 'string' || rule(v))) {
        return true;
      }
    }
  }
  return false;
}

function conditionKeyNames(statement: any): string[] {
  const condition = statement.Condition;
  if (!condition || typeof condition !== 'object') return [];
  return Object.values(condition).flatMap((block: any) => (block && typeof block === 'object' ? Object.keys(block) : []));
}

/** `Principal: "*"` or `{"AWS": "*"}` allowed without a condition that narrows who the caller is. */
export const trustAnyPrincipal: RoleCheck = {
  id: 'TrustAnyPrincipal',
  level: FindingLevel.ERROR,
  trigger: 'A trust statement allows Principal "*" (or {"AWS": "*"}) with no condition on who the caller is (aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:PrincipalArn with a literal account, aws:userid): conditions on the request alone (source IP, VPC, time, user agent, tags, ExternalId) can be met by anyone in any AWS account.',
  fix: 'Trust named accounts or roles instead, or narrow "*" with a condition on who the caller is: aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount or aws:PrincipalArn.',
  check(role) {
    return statementsOf(role.trustPolicy)
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.Effect === 'Allow' && (principalsOf(s.Principal).AWS ?? []).includes('*') && !narrowsIdentity(s))
      .map(({ s, i }) => {
        const keys = conditionKeyNames(s);
        return keys.length === 0
          ? `trust statement ${i} allows any AWS principal ("*") with no condition`
          : `trust statement ${i} allows any AWS principal ("*") narrowed only by conditions that do not limit who the caller is (${keys.join(', ')}): anyone in any AWS account who meets them can assume the role`;
      });
  },
};
