import { FindingLevel, RoleCheck } from '../role-check';
import { conditionEntries, statementsOf } from '../statements';

const EXACT = /^((ForAllValues|ForAnyValue):)?(StringEquals|StringEqualsIgnoreCase|ArnEquals)(IfExists)?$/;

function findings(document: any, label: string): string[] {
  const problems: string[] = [];
  statementsOf(document).forEach((s, i) => {
    for (const { operator, key, values } of conditionEntries(s)) {
      if (!EXACT.test(operator)) continue;
      const wild = values.filter((v) => typeof v === 'string' && /[*?]/.test(v));
      if (wild.length > 0) {
        problems.push(`${label} statement ${i}: ${operator} ${key} compares ${JSON.stringify(wild)} literally; use ${operator.replace('Equals', 'Like').replace('IgnoreCase', '')} for wildcards`);
      }
    }
  });
  return problems;
}

/** `*` or `?` inside `StringEquals` / `ArnEquals`, where they match only themselves. */
export const wildcardInExactOperator: RoleCheck = {
  id: 'WildcardInExactOperator',
  level: FindingLevel.WARNING,
  trigger: 'A condition compares a value containing "*" or "?" with StringEquals or ArnEquals, which match them literally, so the condition almost never holds (or holds for a value nobody meant).',
  fix: 'Use StringLike / ArnLike for patterns, or remove the wildcard.',
  check(role) {
    return [
      ...findings(role.trustPolicy, 'trust'),
      ...role.identityPolicies.flatMap((p) => findings(p.document, `policy ${p.name}`)),
    ];
  },
};
