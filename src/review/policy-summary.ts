/**
 * What a role may do, as a reviewer reads it: the actions each identity policy allows, with
 * wildcards marked, and the revocation time of `revokeSessionsIssuedBefore`.
 */
import { conditionEntries, listOf, statementsOf } from '../validation/statements';

/** One identity policy of a role, summarized. */
export interface PolicySummary {
  /** The policy name (inline) or the construct path of the policy resource. */
  readonly name: string;
  /** `inline`, `AWS::IAM::Policy` or `AWS::IAM::ManagedPolicy`. */
  readonly source: string;
  /** The actions allowed, as written (`NotAction` as `all actions except ...`). */
  readonly actions: string[];
  /** The allowed actions that contain a wildcard. */
  readonly wildcardActions: string[];
  /** Whether a statement allows every action on every resource. */
  readonly allowsEverything: boolean;
}

/** Summaries of policies whose documents are rendered as text. */
export function policySummaries(policies: { name: string; source: string; document: any }[]): PolicySummary[] {
  return policies.map(({ name, source, document }) => {
    const actions: string[] = [];
    let allowsEverything = false;
    for (const statement of statementsOf(document)) {
      if (statement?.Effect !== 'Allow') continue;
      const written = listOf(statement.Action).map(String);
      if (statement.NotAction !== undefined) {
        written.push(`all actions except ${listOf(statement.NotAction).join(', ')}`);
      }
      if (written.includes('*') && listOf(statement.Resource).includes('*') && statement.Condition === undefined) {
        allowsEverything = true;
      }
      actions.push(...written);
    }
    const unique = [...new Set(actions)];
    return { name, source, actions: unique, wildcardActions: unique.filter((a) => a.includes('*')), allowsEverything };
  });
}

/**
 * The time before which sessions are revoked: a Deny of every action with
 * `DateLessThan aws:TokenIssueTime`, as `revokeSessionsIssuedBefore` writes (and as the IAM
 * console's "Revoke active sessions" does).
 */
export function revokedBefore(documents: any[]): string | undefined {
  for (const document of documents) {
    for (const statement of statementsOf(document)) {
      if (statement?.Effect !== 'Deny') continue;
      const entry = conditionEntries(statement).find((e) => e.operator === 'DateLessThan' && e.key.toLowerCase() === 'aws:tokenissuetime');
      if (entry && typeof entry.values[0] === 'string') return entry.values[0];
    }
  }
  return undefined;
}
