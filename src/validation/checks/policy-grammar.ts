import { PolicyKind } from '../../policy-kind';
import { validateResolvedPolicy } from '../policy-validator';
import { FindingLevel, RoleCheck } from '../role-check';

/** The trust and identity policies follow the IAM policy grammar (checked with ajv). */
export const policyGrammar: RoleCheck = {
  id: 'PolicyGrammar',
  level: FindingLevel.ERROR,
  trigger: 'A trust or inline policy of the role does not follow the IAM policy grammar (unknown element, misspelled condition operator, a trust policy with Resource, an identity policy with Principal, characters IAM rejects).',
  fix: 'Correct the document at the JSON path given in the message.',
  check(role) {
    return [
      ...validateResolvedPolicy(withoutDeployTimeConditions(role.trustPolicy), PolicyKind.TRUST).map((p) => `trust policy ${p}`),
      ...role.identityPolicies.flatMap((policy) => validateResolvedPolicy(policy.document, PolicyKind.IDENTITY).map((p) => `policy ${policy.name} ${p}`)),
    ];
  },
};

/** Whether a resolved value is a CloudFormation intrinsic (`{"Ref": ...}`, `{"Fn::GetAtt": ...}`, ...). */
function isIntrinsic(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value)
    && Object.keys(value).length === 1 && /^(Ref|Fn::.+)$/.test(Object.keys(value)[0]);
}

/**
 * The document with the conditions that are known only at deploy time left out: a condition
 * whose keys contain a token (an OIDC issuer of a provider in the same app) is rendered as a
 * `CfnJson` reference, which the grammar would otherwise read as an operator named `Fn::GetAtt`.
 */
function withoutDeployTimeConditions(document: any): any {
  if (!document || typeof document !== 'object' || document.Statement === undefined) {
    return document;
  }
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  if (!statements.some((statement: any) => hasDeployTimeCondition(statement))) {
    // Most documents: nothing to leave out, so no copy.
    return document;
  }
  const cleaned = statements.map((statement: any) => {
    if (!statement || typeof statement !== 'object' || statement.Condition === undefined) {
      return statement;
    }
    const { Condition: condition, ...rest } = statement;
    if (isIntrinsic(condition)) {
      return rest;
    }
    if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
      const blocks = Object.entries(condition).filter(([, block]) => !isIntrinsic(block));
      return blocks.length > 0 ? { ...rest, Condition: Object.fromEntries(blocks) } : rest;
    }
    return statement;
  });
  return { ...document, Statement: Array.isArray(document.Statement) ? cleaned : cleaned[0] };
}

/** Whether a statement's Condition block, or one of its operator blocks, is a deploy-time value. */
function hasDeployTimeCondition(statement: any): boolean {
  const condition = statement?.Condition;
  if (!condition || typeof condition !== 'object') return false;
  return isIntrinsic(condition) || (!Array.isArray(condition) && Object.values(condition).some(isIntrinsic));
}
