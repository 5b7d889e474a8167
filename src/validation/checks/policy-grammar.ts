import { FindingLevel, RoleCheck } from './model';
import { validatePolicy } from '../policy-validator';

/** The trust and identity policies follow the IAM policy grammar (checked with ajv). */
export const policyGrammar: RoleCheck = {
  id: 'PolicyGrammar',
  level: FindingLevel.ERROR,
  trigger: 'A trust or inline policy of the role does not follow the IAM policy grammar (unknown element, misspelled condition operator, a trust policy with Resource, an identity policy with Principal, characters IAM rejects).',
  fix: 'Correct the document at the JSON path given in the message.',
  check(role) {
    return [
      ...validatePolicy(role.trustPolicy, 'trust').map((p) => `trust policy ${p}`),
      ...role.identityPolicies.flatMap((policy) => validatePolicy(policy.document, 'identity').map((p) => `policy ${policy.name} ${p}`)),
    ];
  },
};
