import { FindingLevel, listOf, RoleCheck, statementsOf } from './model';

const EXACT = /^((ForAllValues|ForAnyValue):)?(StringEquals|StringEqualsIgnoreCase|ArnEquals)(IfExists)?$/;

function findings(document: any, label: string): string[] {
  const problems: string[] = [];
  statementsOf(document).forEach((s, i) => {
    const condition = s.Condition;
    if (!condition || typeof condition !== 'object') return;
    for (const [operator, block] of Object.entries<any>(condition)) {
      if (!EXACT.test(operator) || !block || typeof block !== 'object') continue;
      for (const [key, values] of Object.entries(block)) {
        const wild = listOf(values).filter((v) => typeof v === 'string' && /[*?]/.test(v));
        if (wild.length > 0) {
          problems.push(`${label} statement ${i}: ${operator} ${key} compares ${JSON.stringify(wild)} literally; use ${operator.replace('Equals', 'Like').replace('IgnoreCase', '')} for wildcards`);
        }
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
