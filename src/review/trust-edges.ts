/**
 * The edges of the trust graph from one trust policy: shared by the synthesis-time model
 * (`validation/app-roles.ts`) and the review of a cloud assembly, so both find the same edges.
 */
import { allowStatements, conditionEntries } from '../validation/statements';
import { namedRole } from './role-arn';
import { EdgeKind, TrustGraph } from './trust-graph';

/**
 * Adds an edge from role `from` to every role of the graph its trust policy names.
 *
 * @param document the trust policy, values rendered as text with role markers
 */
export function addTrustEdges(graph: TrustGraph, from: number, document: unknown): void {
  const own = graph.nodes[from];
  for (const { statement, principals } of allowStatements(document)) {
    for (const value of [...(principals.AWS ?? []), ...principalArnConditions(statement)]) {
      if (typeof value !== 'string') continue;
      const named = namedRole(value, own.account);
      if (named?.kind === 'reference') {
        const sameStack = graph.nodes[named.index].stack === own.stack;
        graph.addEdge({ from, to: named.index, kind: sameStack ? EdgeKind.SAME_STACK_REFERENCE : EdgeKind.CROSS_STACK_REFERENCE });
      } else if (named?.kind === 'name') {
        const to = graph.findByName(named.account, named.name, named.path);
        if (to !== undefined) {
          graph.addEdge({ from, to, kind: EdgeKind.NAME });
        }
      }
    }
  }
}

/**
 * Exact `aws:PrincipalArn` values of a statement: trusting an account with the condition
 * `aws:PrincipalArn = <role ARN>` names that role as surely as the Principal element does.
 */
function principalArnConditions(statement: any): unknown[] {
  return conditionEntries(statement)
    .filter(({ operator, key }) => /^(StringEquals|ArnEquals|StringLike|ArnLike)$/.test(operator) && key.toLowerCase() === 'aws:principalarn')
    .flatMap(({ values }) => values);
}
