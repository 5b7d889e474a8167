/**
 * The trust graph as a Mermaid flowchart, which GitHub renders in Markdown: an edge from every
 * trusted party to the role it may assume, labeled with the party's conditions. Roles of the
 * app are boxes; parties outside the app are rounded. Cross-account edges are dashed, and the
 * roles and edges of trust cycles are drawn in red.
 */
import { AssemblyRoles } from './assembly-roles';
import { joinWords } from './trusted-party';

/** The trust graph as Mermaid. */
export function reviewMermaid(model: AssemblyRoles): string {
  const lines = ['flowchart LR'];
  const inCycle = new Set(model.cycles.flat());
  model.roles.forEach((role) => {
    lines.push(`  r${role.index}["${label(role.label)}"]${inCycle.has(role.label) ? ':::cycle' : ''}`);
  });
  const parties = new Map<string, string>();
  const edges: string[] = [];
  const cycleEdges: number[] = [];
  const crossAccountEdges: number[] = [];
  const roleEdges = new Set<string>();
  for (const role of model.roles) {
    for (const party of role.parties) {
      const how = party.conditions.filter((c) => !c.narrowsWho && c.words).map((c) => c.words);
      const edgeLabel = how.length ? `|"${label(joinWords(how))}"|` : '';
      let from: string;
      if (party.appRole !== undefined) {
        from = `r${party.appRole}`;
        roleEdges.add(`${party.appRole}>${role.index}`);
        if (inCycle.has(role.label) && inCycle.has(model.roles[party.appRole].label)) cycleEdges.push(edges.length);
      } else {
        const key = party.who;
        if (!parties.has(key)) {
          parties.set(key, `p${parties.size}`);
          lines.push(`  p${parties.size - 1}(["${label(party.who)}"])${party.crossAccount || party.kind === 'anyone' ? ':::outside' : ':::party'}`);
        }
        from = parties.get(key)!;
      }
      if (party.crossAccount) crossAccountEdges.push(edges.length);
      edges.push(`  ${from} ${party.crossAccount ? '-.->' : '-->'}${edgeLabel} r${role.index}`);
    }
  }
  // Role-to-role trust the parties do not show: roles named in aws:PrincipalArn conditions.
  for (const e of model.graph.edges) {
    if (roleEdges.has(`${e.to}>${e.from}`)) continue;
    roleEdges.add(`${e.to}>${e.from}`);
    if (inCycle.has(model.roles[e.from].label) && inCycle.has(model.roles[e.to].label)) cycleEdges.push(edges.length);
    edges.push(`  r${e.to} -->|"aws:PrincipalArn"| r${e.from}`);
  }
  lines.push(...edges);
  lines.push('  classDef party fill:#eef,stroke:#557');
  lines.push('  classDef outside fill:#fee,stroke:#a55');
  lines.push('  classDef cycle stroke:#d00,stroke-width:3px');
  if (cycleEdges.length) lines.push(`  linkStyle ${cycleEdges.join(',')} stroke:#d00,stroke-width:3px`);
  if (crossAccountEdges.length) lines.push(`  linkStyle ${crossAccountEdges.join(',')} stroke:#a55`);
  return `${lines.join('\n')}\n`;
}

/** Text inside a quoted Mermaid label: quotes and angle brackets as entity codes. */
function label(value: string): string {
  return value.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\n/g, ' ');
}
